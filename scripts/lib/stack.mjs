// @ts-check
/**
 * The pieces `npm start`, `npm run demo` and the end-to-end tests share: the BILL emulator as a
 * process, the BILL credential that points n8n at it, importing the example workflows, and
 * running one with `n8n execute`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { REPO, RuntimeError, runN8n } from '../n8n-runtime.mjs';
import { spendEmulatorCredential } from './spend.mjs';

// n8n's server and REST API, in their own module; importers of this one keep finding them here.
export { DEMO_OWNER, restClient, startN8nServer } from './n8n-server.mjs';

/** The credential the example workflows name (id and name); the import creates it. */
export const CREDENTIAL = { id: 'billEmulatorCred', name: 'BILL (emulator)' };
export const EXAMPLES_DIR = join(REPO, 'examples');

/**
 * A TCP port nobody listens on now.
 * @returns {Promise<number>}
 */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolvePort(port));
		});
	});
}

/**
 * Whether something already listens on a port of this machine.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function portInUse(port) {
	return new Promise((resolveUse) => {
		const server = createServer();
		server.once('error', () => resolveUse(true));
		server.listen(port, () => server.close(() => resolveUse(false)));
	});
}

/**
 * The emulator in its own process, as startEmulatorProcess resolves it.
 * @typedef {{ baseUrl: string, url: string, fixtures: any, routes?: string[],
 *   process: import('node:child_process').ChildProcess, has: (route: string) => boolean,
 *   control: (method: string, path: string, body?: unknown) => Promise<any>,
 *   stop: () => Promise<void>, [key: string]: any }} Emulator
 */

/**
 * Starts `tsx emulator/cli.ts` and waits for its JSON line. Resolves with
 * { baseUrl, url, fixtures, routes, has(route), control(method, path, body), stop() }.
 * @param {{ port?: number, seed?: boolean }} [options]
 * @returns {Promise<Emulator>}
 */
export function startEmulatorProcess({ port = 0, seed = true } = {}) {
	const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
	const args = [
		join(REPO, 'emulator', 'cli.ts'),
		'--port',
		String(port),
		...(seed ? ['--seed'] : []),
	];
	const child = spawn(tsx, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	return new Promise((resolveStart, reject) => {
		let buffer = '';
		const fail = (why) => {
			child.kill('SIGTERM');
			reject(
				new RuntimeError(
					`The BILL emulator did not start: ${why}${stderr ? `\n${stderr.trim()}` : ''}`,
				),
			);
		};
		const timer = setTimeout(() => fail('no answer within 60 s'), 60_000);
		child.on('error', (error) => fail(error.message));
		child.on('exit', (code) => fail(`it exited with code ${code}`));
		child.stdout.on('data', function onData(chunk) {
			buffer += chunk;
			const newline = buffer.indexOf('\n');
			if (newline < 0) return;
			clearTimeout(timer);
			child.stdout.off('data', onData);
			child.removeAllListeners('exit');
			let info;
			try {
				info = JSON.parse(buffer.slice(0, newline));
			} catch {
				return fail(`it printed "${buffer.slice(0, newline)}" instead of its JSON line`);
			}
			const routes = new Set(info.routes ?? []);
			resolveStart({
				...info,
				process: child,
				has: (route) => routes.has(route),
				control: (method, path, body) => control(info.url, method, path, body),
				stop: () =>
					/** @type {Promise<void>} */ (
						new Promise((resolveStop) => {
							if (child.exitCode !== null) return resolveStop();
							child.once('exit', () => resolveStop());
							child.kill('SIGTERM');
						})
					),
			});
		});
	});
}

/**
 * The emulator's control API (`/__emulator/*`).
 * @param {string} url the emulator's base URL
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
export async function control(url, method, path, body) {
	const response = await fetch(`${url}/__emulator${path}`, {
		method,
		headers: body ? { 'Content-Type': 'application/json' } : {},
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`emulator control ${method} ${path}: ${response.status} ${text}`);
	return text ? JSON.parse(text) : undefined;
}

/**
 * The BILL credential for the emulator's fixture administrator, MFA ID and device included, so
 * every login is MFA-trusted (bank accounts need that). Plain data: `n8n import:credentials`
 * encrypts it with N8N_ENCRYPTION_KEY.
 * @param {Emulator} emulator
 */
export function emulatorCredential(emulator) {
	const f = emulator.fixtures;
	return {
		...CREDENTIAL,
		type: 'billApi',
		data: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
			mfaId: f.mfaId,
			deviceName: f.device,
		},
	};
}

/** The credential example 16 names for a partner (id and name); the demo and the tests import it. */
export const PARTNER_CREDENTIAL = { id: 'billEmulatorPartner', name: 'BILL Partner (emulator)' };

/**
 * A BILL Partner API credential for the emulator's fixture partner at partner level (all client
 * organizations, as example 16 uses it). Plain data: `n8n import:credentials` encrypts it.
 * @param {Emulator} emulator
 * @param {{ id: string, name: string }} [credential]
 */
export function partnerEmulatorCredential(emulator, { id, name } = PARTNER_CREDENTIAL) {
	const f = emulator.fixtures;
	return {
		id,
		name,
		type: 'billPartnerApi',
		data: {
			environment: 'custom',
			customBaseUrl: emulator.baseUrl,
			appKey: f.appKey,
			username: f.partner.username,
			password: f.partner.password,
			scope: 'partner',
			devKey: f.devKey,
		},
	};
}

/**
 * The example workflows: [{ file, id, name, json }], in file-name order.
 * @returns {{ file: string, id: string, name: string, json: any }[]}
 */
export function exampleWorkflows() {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const json = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
			return { file, id: json.id, name: json.name, json };
		});
}

/**
 * The example workflow of this id; throws when there is none.
 * @param {string} id
 */
export function exampleWorkflow(id) {
	const example = exampleWorkflows().find((w) => w.id === id);
	if (!example) throw new Error(`no example workflow has the id ${id}`);
	return example;
}

async function n8nOk(args, env, what) {
	const result = await runN8n(args, env);
	if (result.code !== 0) {
		throw new RuntimeError(
			`${what} failed (n8n ${args[0]} exited with ${result.code}):\n${(result.stdout + result.stderr).trim().slice(-3000)}`,
		);
	}
	return result;
}

/**
 * Imports the emulator credential and the example workflows into the n8n of `env` (same ids:
 * a second import replaces them), the examples pointed at the emulator (forEmulator).
 * @param {NodeJS.ProcessEnv} env
 * @param {Emulator} emulator
 * @param {string} workdir
 */
export async function importIntoN8n(env, emulator, workdir) {
	// Hold the emulator's fixture password only; deleted by the caller with its folder.
	await importCredentials(
		env,
		[emulatorCredential(emulator), spendEmulatorCredential(emulator)],
		workdir,
		'the BILL credential',
	);
	const dir = join(workdir, 'examples');
	mkdirSync(dir, { recursive: true });
	for (const { file, json } of exampleWorkflows())
		writeFileSync(join(dir, file), JSON.stringify(forEmulator(json, emulator), null, 2));
	await n8nOk(
		['import:workflow', '--separate', `--input=${dir}`],
		env,
		'Importing the example workflows',
	);
}

/**
 * A workflow (JSON) whose HTTP Request nodes call the emulator: a `billApiUrl` its Set nodes
 * assign (examples/17: the user's BILL environment, BILL's sandbox in the file) becomes the
 * emulator's base URL. Other workflows come back as they are.
 * @param {any} workflow the workflow's JSON
 * @param {Emulator} emulator
 */
export function forEmulator(workflow, emulator) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes)
		for (const assignment of node.parameters?.assignments?.assignments ?? [])
			if (node.type === 'n8n-nodes-base.set' && assignment.name === 'billApiUrl')
				assignment.value = emulator.baseUrl;
	return copy;
}

/**
 * Imports credentials (plain data: n8n encrypts them) into the n8n of `env`, replacing those with
 * their ids. The file they pass through stays in `workdir`, which the caller deletes.
 * @param {NodeJS.ProcessEnv} env
 * @param {any[]} credentials
 * @param {string} workdir
 * @param {string} [what]
 */
export async function importCredentials(env, credentials, workdir, what = 'credentials') {
	mkdirSync(workdir, { recursive: true });
	const file = join(workdir, `credentials-${credentials.map((c) => c.id).join('-')}.json`);
	writeFileSync(file, JSON.stringify(credentials, null, 2));
	await n8nOk(['import:credentials', `--input=${file}`], env, `Importing ${what}`);
}

/**
 * Imports one workflow (JSON object) into the n8n of `env`, replacing the one with its id.
 * @param {NodeJS.ProcessEnv} env
 * @param {any} workflow
 * @param {string} workdir
 */
export async function importWorkflow(env, workflow, workdir) {
	const file = join(workdir, `${workflow.id}.json`);
	writeFileSync(file, JSON.stringify(workflow, null, 2));
	await n8nOk(['import:workflow', `--input=${file}`], env, `Importing workflow ${workflow.id}`);
}

/**
 * `n8n execute --id=<id> --rawOutput` → { ok, code, run, error, stdout, stderr }. `run` is the
 * execution n8n prints (status, data.resultData.runData...); log lines before it are skipped.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} id
 * @param {{ timeoutMs?: number }} [options]
 */
export async function executeWorkflow(env, id, { timeoutMs = 3 * 60_000 } = {}) {
	const result = await runN8n(['execute', `--id=${id}`, '--rawOutput'], env, { timeoutMs });
	const text = result.stdout;
	const start = text.startsWith('{') ? 0 : text.indexOf('\n{') + 1;
	let run;
	if (start > 0 || text.startsWith('{')) {
		// n8n may print a log line after the run (e.g. 'Registered runner "JS Task Runner"' on a
		// busy machine): the run ends at the last line that is a lone closing brace.
		const end = text.lastIndexOf('\n}');
		try {
			run = JSON.parse(text.slice(start, end > start ? end + 2 : undefined));
		} catch {
			run = undefined;
		}
	}
	const error = run?.data?.resultData?.error;
	// The run's own status decides: on a loaded machine `n8n execute` has exited non-zero while
	// shutting down after a run it reported as a success (its task runner); the tests then check
	// BILL's state themselves.
	const ok = run?.status === 'success' && !error;
	return { ok, code: result.code, run, error, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The output items (json) of a node in a run: its last run, main output `output`.
 * @param {any} run
 * @param {string} nodeName
 * @param {number} [output]
 * @returns {any} the items' json (an array), or undefined when the node did not run
 */
export function nodeOutput(run, nodeName, output = 0) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs?.length) return undefined;
	return (runs[runs.length - 1].data?.main?.[output] ?? []).map((item) => item.json);
}

/**
 * What went wrong in a run, in one line: the node and n8n's message.
 * @param {any} result what executeWorkflow resolved with
 */
export function runFailure(result) {
	if (result.error)
		return `${result.error.node?.name ?? 'workflow'}: ${result.error.message}${result.error.description ? ` (${result.error.description})` : ''}`;
	if (!result.run)
		return `n8n execute exited with ${result.code} and printed no run:\n${(result.stdout + result.stderr).trim().slice(-1500)}`;
	return `status ${result.run.status}`;
}
