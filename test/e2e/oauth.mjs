// @ts-check
/**
 * Issue 27 §1–§2 in a real n8n: the BILL OAuth credential (examples/23: the BILL node and the
 * BILL Spend & Expense node on one OAuth credential, run in two `n8n execute` processes: one
 * token, stored with the credential), n8n's HTTP Request node on the same credential, and the
 * Accountant Console credential (its organizations, then a client organization's vendors).
 * Tokens are counted by the emulator (`POST /authx/token`).
 *
 * Called by test/e2e/run.mjs with its n8n environment and emulator; `node test/e2e/oauth.mjs`
 * runs these tests alone (its own emulator and n8n user folder; .n8n-runtime must be ready).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { n8nEnv, prepareRuntime } from '../../scripts/n8n-runtime.mjs';
import {
	exampleWorkflows,
	executeWorkflow,
	freePort,
	nodeOutput,
	runFailure,
	startEmulatorProcess,
} from '../../scripts/lib/stack.mjs';
import { check, equal, suite } from '../../scripts/lib/testkit.mjs';
import { importAll } from '../../scripts/lib/e2e.mjs';

const OAUTH = { id: 'billEmulatorOAuth', name: 'BILL OAuth (emulator)' };
const CONSOLE = { id: 'billEmulatorConsole', name: 'BILL Accountant Console (emulator)' };
const EXAMPLE_ID = 'billcomOAuth';
const HTTP_ID = 'billcomOAuthHttpE2e';
const CONSOLE_ID = 'billcomConsoleE2e';
// The emulator's fixtures (emulator/routes/authOAuth.ts, authConsole.ts).
const OAUTH_APP = {
	clientId: 'emulator-oauth-client-full',
	clientSecret: 'emu-oauth-secret-full-5b1e9c',
};
const CONSOLE_LOGIN = {
	username: 'books@firm.example',
	consoleApiToken: 'emu-console-token-3c9d1f',
};

function credentials(emulator) {
	const custom = { environment: 'custom', customBaseUrl: emulator.baseUrl };
	return [
		{ ...OAUTH, type: 'billOAuthApi', data: { ...custom, ...OAUTH_APP, appScope: 'full' } },
		{
			...CONSOLE,
			type: 'billConsoleApi',
			data: {
				...custom,
				...CONSOLE_LOGIN,
				organizationId: emulator.fixtures.organizationId,
				devKey: emulator.fixtures.devKey,
			},
		},
	];
}

const node = (name, type, parameters, position, extra = {}) => ({
	parameters,
	id: name.toLowerCase().replace(/[^a-z]+/g, '-'),
	name,
	type,
	typeVersion: type === 'n8n-nodes-base.httpRequest' ? 4.2 : 1.1,
	position: [position, 0],
	...extra,
});

function chain(id, name, nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const run = node('Run', 'n8n-nodes-base.manualTrigger', {}, 0, { typeVersion: 1 });

/** Manual Trigger → HTTP Request GET /v3/vendors with the OAuth credential (Predefined Credential Type). */
const httpWorkflow = (emulator) =>
	chain(HTTP_ID, 'e2e: BILL endpoint from the HTTP Request node with OAuth', [
		run,
		node(
			'Vendors (HTTP Request)',
			'n8n-nodes-base.httpRequest',
			{
				url: `${emulator.baseUrl}/v3/vendors`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'billOAuthApi',
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'max', value: '5' }] },
				options: {},
			},
			220,
			{ credentials: { billOAuthApi: OAUTH } },
		),
	]);

/** Manual Trigger → Session → Get Organizations → Vendors of each (the console per organization). */
const consoleWorkflow = () =>
	chain(CONSOLE_ID, 'e2e: Accountant Console: client organizations and their vendors', [
		run,
		node(
			'Client organizations',
			'n8n-nodes-billcom.bill',
			{
				authentication: 'billConsoleApi',
				resource: 'session',
				operation: 'getOrganizations',
				returnAll: true,
			},
			220,
			{ credentials: { billConsoleApi: CONSOLE } },
		),
		node(
			'Vendors per organization',
			'n8n-nodes-billcom.bill',
			{
				authentication: 'billConsoleApi',
				resource: 'vendor',
				operation: 'getMany',
				returnAll: false,
				limit: 3,
				actForOrganization: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			440,
			{ credentials: { billConsoleApi: CONSOLE }, alwaysOutputData: true },
		),
	]);

/** The tests; `ctx` = { env, emulator, workdir, test }. */
export async function oauthTests({ env, emulator, workdir, test }) {
	const stats = () => emulator.control('GET', '/stats');
	const tokens = async () => (await stats()).requests['POST /authx/token'] ?? 0;
	const runOk = async (id) => {
		const result = await executeWorkflow(env, id);
		check(result.ok, `workflow ${id} did not succeed: ${runFailure(result)}`);
		return result.run;
	};
	let ready = false;

	await test('OAuth credential (example 23): the BILL node and the Spend & Expense node read with one token; a second execution (another n8n process) asks for none', async () => {
		const example = /** @type {any} */ (exampleWorkflows().find((w) => w.id === EXAMPLE_ID));
		check(example, `examples/: no workflow with the id ${EXAMPLE_ID}`);
		await importAll(env, workdir, 'oauth', {
			credentials: credentials(emulator),
			workflows: [example.json, httpWorkflow(emulator), consoleWorkflow()],
		});
		const before = await tokens();
		const first = await runOk(EXAMPLE_ID);
		const [summary] = nodeOutput(first, 'Summary');
		check(
			summary?.budgets > 0,
			`no budgets read with the OAuth credential: ${JSON.stringify(summary)}`,
		);
		await runOk(EXAMPLE_ID);
		equal((await tokens()) - before, 1, 'token requests for two executions');
		ready = true;
		return `${summary.text}; 1 token for 2 executions`;
	});
	if (!ready) return;

	await test('HTTP Request node with the BILL OAuth credential: GET /v3/vendors with the stored token (no new token)', async () => {
		const before = await tokens();
		const execution = await runOk(HTTP_ID);
		const [answer] = nodeOutput(execution, 'Vendors (HTTP Request)');
		check(
			Array.isArray(answer?.results),
			`no vendor list: ${JSON.stringify(answer).slice(0, 300)}`,
		);
		equal((await tokens()) - before, 0, 'token requests');
		return `${answer.results.length} vendors`;
	});

	await test('Accountant Console credential: Session → Get Organizations, then the vendors of each client organization (one console login per organization)', async () => {
		const before = (await stats()).logins;
		const execution = await runOk(CONSOLE_ID);
		const organizations = nodeOutput(execution, 'Client organizations');
		check(organizations?.length >= 2, `organizations: ${JSON.stringify(organizations)}`);
		const log = await emulator.control('GET', '/log');
		const reached = new Set(
			log.filter((e) => e.route === '/v3/vendors').map((e) => e.organizationId),
		);
		for (const o of organizations) check(reached.has(o.id), `no vendors read for ${o.id}`);
		equal((await stats()).logins - before, organizations.length, 'console logins');
		return `${organizations.length} organizations, ${organizations.length} logins`;
	});
}

/** `node test/e2e/oauth.mjs`: these tests alone. */
async function main() {
	const { test, writeResults } = suite('e2e-oauth');
	prepareRuntime();
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-e2e-oauth-'));
	const env = n8nEnv({
		userFolder: workdir,
		encryptionKey: randomBytes(24).toString('hex'),
		port: await freePort(),
		brokerPort: await freePort(),
		extensions: undefined,
	});
	try {
		await oauthTests({ env, emulator, workdir, test });
	} finally {
		await emulator.stop();
		rmSync(workdir, { recursive: true, force: true });
	}
	const summary = writeResults();
	process.exit(summary?.numFailedTests ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
