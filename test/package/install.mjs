// @ts-check
/**
 * Ready to publish: the packed tarball (`npm pack`, what npm would publish) installed the two ways
 * a user installs it, each in a fresh n8n user folder, and n8n 2.41.1 (scripts/n8n-runtime.mjs)
 * then loads our nodes from there (`n8n export:nodes`; community packages are named
 * `<package>.<node>`: n8n-nodes-billcom.bill, .billTrigger and the AI tool .billTool):
 *
 *  - n8n's own route (Settings → Community Nodes → Install), done here as n8n 2.41.1 does it
 *    (CommunityPackagesService.downloadPackage): the tarball unpacked into
 *    ~/.n8n/nodes/node_modules/n8n-nodes-billcom, devDependencies, peerDependencies and
 *    optionalDependencies stripped from its package.json, `npm install --ignore-scripts …` there,
 *    and the package noted in ~/.n8n/nodes/package.json;
 *  - the README's manual route: `npm install --omit=peer n8n-nodes-billcom` in ~/.n8n/nodes.
 *
 * And n8n's verification scanner (@n8n/scan-community-package) where it can run without a
 * published package: its ESLint leg, on the sources and on the tarball's files, with inline
 * eslint-disable comments ignored as the scanner ignores them. Its provenance leg needs a package
 * published from CI (.github/workflows/release.yml). Writes .test-results/install.json.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO, n8nEnv, prepareRuntime, runN8n } from '../../scripts/n8n-runtime.mjs';
import { check, equal, suite } from '../../scripts/lib/testkit.mjs';

const PACKAGE = 'n8n-nodes-billcom';
/** Every node package.json declares, and the AI tool n8n makes of each action node. */
const EXPECTED_NODES = [
	`${PACKAGE}.bill`,
	`${PACKAGE}.billPollingTrigger`,
	`${PACKAGE}.billSpend`,
	`${PACKAGE}.billSpendTool`,
	`${PACKAGE}.billSpendTrigger`,
	`${PACKAGE}.billTool`,
	`${PACKAGE}.billTrigger`,
];
const EXPECTED_CREDENTIALS = ['billApi', 'billConsoleApi', 'billOAuthApi', 'billPartnerApi'];

const { record, test, writeResults } = suite('install');

function sh(command, args, cwd, what) {
	const result = spawnSync(command, args, {
		cwd,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, npm_config_update_notifier: 'false' },
	});
	if (result.status !== 0)
		throw new Error(
			`${what} failed (${command} ${args.join(' ')}: exit ${result.status}):\n${`${result.stdout}${result.stderr}`.trim().slice(-2000)}`,
		);
	return result.stdout;
}

/** The packages under a node_modules folder (scoped ones as @scope/name). */
function installed(nodeModules) {
	let names = [];
	try {
		names = readdirSync(nodeModules).filter((n) => !n.startsWith('.'));
	} catch {
		return [];
	}
	return names.flatMap((n) =>
		n.startsWith('@') ? readdirSync(join(nodeModules, n)).map((m) => `${n}/${m}`) : [n],
	);
}

/** `n8n export:nodes` in a fresh user folder (no custom-extensions folder: n8nEnv sets none). */
async function nodesN8nLoads(userFolder, work) {
	const env = n8nEnv({
		userFolder,
		encryptionKey: randomBytes(24).toString('hex'),
	});
	const file = join(work, `nodes-${randomBytes(4).toString('hex')}.json`);
	const result = await runN8n(['export:nodes', `--output=${file}`], env);
	check(
		result.code === 0,
		`n8n export:nodes exited with ${result.code}: ${result.stderr.slice(-1500)}`,
	);
	const types = JSON.parse(readFileSync(file, 'utf8'));
	const ours = types.filter((t) => t.name.startsWith(`${PACKAGE}.`));
	const skipped = `${result.stdout}\n${result.stderr}`
		.split('\n')
		.filter((line) => /Skipping package|Failed to load package/i.test(line));
	return { ours, skipped };
}

function checkLoaded({ ours, skipped }) {
	check(!skipped.length, `n8n skipped our package: ${skipped.join('\n')}`);
	equal(ours.map((t) => t.name).sort(), EXPECTED_NODES, 'node types n8n loaded from the package');
	const bill = ours.find((t) => t.name === `${PACKAGE}.bill`);
	equal(
		(bill.credentials ?? []).map((c) => c.name).sort(),
		EXPECTED_CREDENTIALS,
		`credentials of ${PACKAGE}.bill`,
	);
	return ours.map((t) => t.name).join(', ');
}

async function main() {
	const work = mkdtempSync(join(tmpdir(), 'billcom-install-'));
	try {
		let tarball;
		let files = [];
		await test('npm pack: the tarball holds dist/, package.json, README, LICENSE and the empty index.js only; no install scripts, no dependencies, n8n-workflow the only peer', async () => {
			sh('npm', ['run', 'build', '--silent'], REPO, 'npm run build');
			const [packed] = JSON.parse(
				sh('npm', ['pack', '--json', '--pack-destination', work], REPO, 'npm pack'),
			);
			tarball = join(work, packed.filename);
			files = packed.files.map((f) => f.path);
			const stray = files.filter(
				// index.js: package.json's "main" (an empty module), which npm always packs.
				(f) =>
					!f.startsWith('dist/') &&
					!['package.json', 'README.md', 'LICENSE', 'index.js'].includes(f),
			);
			check(!stray.length, `files npm would publish beyond dist/: ${stray.join(', ')}`);
			check(
				!files.some((f) => /\.test\.|\/test\/|\.map$/.test(f) && !f.endsWith('.js.map')),
				'tests in the tarball',
			);
			const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
			for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
				check(!pkg.scripts?.[script], `package.json has an install script "${script}"`);
			equal(Object.keys(pkg.dependencies ?? {}), [], 'runtime dependencies');
			equal(Object.keys(pkg.peerDependencies ?? {}), ['n8n-workflow'], 'peer dependencies');
			for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
				check(files.includes(file), `${file} (named in package.json "n8n") is not in the tarball`);
			return `${packed.filename}: ${files.length} files, ${Math.round(packed.size / 1024)} KB`;
		});
		if (!tarball) return;

		let runtimeReady = false;
		try {
			prepareRuntime({ quiet: true });
			runtimeReady = true;
		} catch (error) {
			record('n8n runtime prepared', 'failed', /** @type {Error} */ (error).message);
		}

		// n8n's Community Nodes route, step by step as n8n 2.41.1 runs it.
		if (runtimeReady)
			await test(`n8n's Community Nodes install route (unpacked, peer and dev dependencies stripped, npm install --ignore-scripts): n8n loads ${EXPECTED_NODES.join(', ')}`, async () => {
				const user = join(work, 'community-route');
				const nodesDir = join(user, '.n8n', 'nodes');
				const packageDir = join(nodesDir, 'node_modules', PACKAGE);
				mkdirSync(packageDir, { recursive: true });
				sh('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], work, 'tar');
				const pkgFile = join(packageDir, 'package.json');
				const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
					readFileSync(pkgFile, 'utf8'),
				);
				void devDependencies;
				void peerDependencies;
				void optionalDependencies;
				writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
				sh(
					'npm',
					[
						'install',
						'--audit=false',
						'--fund=false',
						'--bin-links=false',
						'--install-strategy=shallow',
						'--ignore-scripts=true',
						'--package-lock=false',
					],
					packageDir,
					"npm install in the package's folder",
				);
				equal(installed(join(packageDir, 'node_modules')), [], 'packages npm added to ours');
				writeFileSync(
					join(nodesDir, 'package.json'),
					JSON.stringify(
						{ name: 'installed-nodes', private: true, dependencies: { [PACKAGE]: pkg.version } },
						null,
						2,
					),
				);
				return checkLoaded(await nodesN8nLoads(user, work));
			});

		// The README's route for a self-hosted n8n.
		if (runtimeReady)
			await test(`README route: npm install --omit=peer in ~/.n8n/nodes installs one package, and n8n loads ${EXPECTED_NODES.join(', ')}`, async () => {
				const user = join(work, 'manual-route');
				const nodesDir = join(user, '.n8n', 'nodes');
				mkdirSync(nodesDir, { recursive: true });
				sh(
					'npm',
					['install', '--omit=peer', '--no-audit', '--no-fund', tarball],
					nodesDir,
					'npm install --omit=peer',
				);
				equal(
					installed(join(nodesDir, 'node_modules')),
					[PACKAGE],
					'packages in ~/.n8n/nodes/node_modules',
				);
				return checkLoaded(await nodesN8nLoads(user, work));
			});

		await test('README route without --omit=peer: npm would add n8n-workflow and its dependencies (isolated-vm among them, a native module), which is why the README says --omit=peer', async () => {
			const dir = join(work, 'without-omit-peer');
			mkdirSync(dir, { recursive: true });
			const out = sh(
				'npm',
				['install', '--dry-run', '--no-audit', '--no-fund', tarball],
				dir,
				'npm install --dry-run',
			);
			// npm prints "add <name> <version>" for each package it would add.
			const added = out
				.split('\n')
				.map((line) => /^add (\S+) /.exec(line)?.[1])
				.filter(Boolean);
			check(added.includes('n8n-workflow'), `npm would not add n8n-workflow: ${added.join(', ')}`);
			return `npm would add ${added.length} packages${added.includes('isolated-vm') ? ', isolated-vm among them' : ''}`;
		});

		// n8n's verification scanner, its ESLint leg (the provenance leg needs a published package).
		await test("n8n's scanner (@n8n/scan-community-package), its lint on the sources and on the tarball's files, inline eslint-disable comments ignored as the scanner ignores them", async () => {
			const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
			const unpacked = join(work, 'scan', 'package');
			mkdirSync(unpacked, { recursive: true });
			sh('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], work, 'tar');
			const source = await scanner.analyzePackage(REPO, scanner.SOURCE_FILE_PATTERNS);
			const dist = await scanner.analyzePackage(unpacked, ['**/*.js', 'package.json']);
			const report = (name, r) =>
				r.passed
					? ''
					: `${name}: ${r.message}\n${String(r.details ?? '')
							.replaceAll(REPO, '.')
							.replaceAll(unpacked, '<tarball>')
							.trim()}`;
			const failures = [report('sources', source), report('tarball', dist)].filter(Boolean);
			if (dist.passed) failures.push('tarball (compiled .js and package.json): passes');
			check(source.passed && dist.passed, failures.join('\n\n'));
			return 'sources and tarball pass';
		});
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

main()
	.catch((error) => record('install set-up', 'failed', error.stack ?? String(error)))
	.finally(() => {
		const summary = writeResults();
		process.exit(summary.numFailedTests > 0 ? 1 : 0);
	});
