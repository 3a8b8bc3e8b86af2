// @ts-check
/**
 * Our package as users get it: `npm pack` of the built package (what npm would publish), installed
 * into an n8n user folder by the README's manual route (README → Install):
 *
 *   cd <N8N_USER_FOLDER>/.n8n/nodes && npm install --omit=peer <tarball>
 *
 * n8n loads community packages from <N8N_USER_FOLDER>/.n8n/nodes/node_modules (its
 * nodesDownloadDir), under the package's name: node types `n8n-nodes-billcom.bill`,
 * `n8n-nodes-billcom.billTrigger`, …, and the AI tools `n8n-nodes-billcom.billTool`, …
 * Every end-to-end, browser, queue and install test, the demo, `npm start` and the benchmark load
 * the package this way; no test sets N8N_CUSTOM_EXTENSIONS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO, RuntimeError } from '../n8n-runtime.mjs';

export const PACKAGE_NAME = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).name;

function npm(args, cwd, what) {
	const result = spawnSync('npm', args, {
		cwd,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, npm_config_update_notifier: 'false' },
	});
	if (result.status !== 0)
		throw new RuntimeError(
			`${what} failed (npm ${args.join(' ')}: exit ${result.status}):\n${`${result.stdout}${result.stderr}`.trim().slice(-2000)}`,
		);
	return result.stdout;
}

let packed;

/**
 * The tarball `npm pack` makes of the built package (dist/ must be built), once per process, in
 * a folder of this process that goes when it exits. Returns its path.
 */
export function packPackage() {
	if (packed && existsSync(packed)) return packed;
	if (!existsSync(join(REPO, 'dist', 'nodes', 'Bill', 'Bill.node.js')))
		throw new RuntimeError('dist/ is not built: run "npm run build" first.');
	const dir = mkdtempSync(join(tmpdir(), 'billcom-pack-'));
	process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
	const [info] = JSON.parse(
		npm(['pack', '--json', '--silent', '--pack-destination', dir], REPO, 'npm pack'),
	);
	packed = join(dir, info.filename);
	return packed;
}

/**
 * Installs the packed package into the n8n user folder of `envOrFolder` (an env from n8nEnv(),
 * or the folder) by the README's route. `--omit=peer`: n8n-workflow, the one peer, is n8n's own.
 * A package.json is put in the nodes folder first when it has none (n8n writes the same one when
 * it installs a community package), so that npm installs there and not into a project above it
 * (`npm start` keeps its user folder inside this repository). Returns { nodesDir, version }.
 * @param {NodeJS.ProcessEnv | string} envOrFolder n8n's environment (its N8N_USER_FOLDER) or the user folder
 * @param {{ tarball?: string }} [options]
 */
export function installPackage(envOrFolder, { tarball = packPackage() } = {}) {
	const userFolder = typeof envOrFolder === 'string' ? envOrFolder : envOrFolder?.N8N_USER_FOLDER;
	if (!userFolder) throw new RuntimeError('installPackage: no N8N_USER_FOLDER');
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	const manifest = join(nodesDir, 'package.json');
	if (!existsSync(manifest))
		writeFileSync(
			manifest,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	npm(
		['install', '--omit=peer', '--no-audit', '--no-fund', '--loglevel=error', tarball],
		nodesDir,
		`Installing ${PACKAGE_NAME} into ${nodesDir}`,
	);
	const installed = join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json');
	if (!existsSync(installed)) throw new RuntimeError(`npm install ran but ${installed} is missing`);
	return { nodesDir, version: JSON.parse(readFileSync(installed, 'utf8')).version };
}

/**
 * The node type n8n gives one of our nodes installed as a package: `n8n-nodes-billcom.<name>`.
 * @param {string} name
 */
export const nodeType = (name) => `${PACKAGE_NAME}.${name}`;
