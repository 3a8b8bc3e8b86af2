// @ts-check
/**
 * End-to-end tests in a real n8n of one line (scripts/n8n-runtime.mjs prepares it, cached in
 * .n8n-runtime/): `--line=2.x` (default, n8n 2.41.1) or `--line=1.x` (n8n 1.123), or N8N_LINE.
 * Our package as users install it (scripts/lib/package.mjs: the packed tarball, `npm install
 * --omit=peer` in the user folder's .n8n/nodes), the BILL emulator as BILL, the
 * example workflows imported and run with `n8n execute`. Each test checks what n8n printed AND
 * what the emulator holds afterwards (its control API). An example whose node resources or
 * emulator routes are not there yet is reported as pending, with the reason.
 * Writes .test-results/e2e.json (2.x) or .test-results/e2e-1.x.json; exits 1 when a test failed or
 * the runtime could not be prepared.
 *
 * The tests are in groups, one module each, run in the order of GROUPS below (a later group may
 * use what an earlier one made). A new group: a function `(ctx) => Promise` (ctx: context.mjs
 * E2EContext), added to GROUPS in one line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	DEFAULT_LINE,
	REPO,
	n8nEnv,
	prepareRuntime,
	runtimeLine,
} from '../../scripts/n8n-runtime.mjs';
import { EXAMPLES, notRunnable } from '../../scripts/lib/examples.mjs';
import { freePort, startEmulatorProcess } from '../../scripts/lib/stack.mjs';
import { suite } from '../../scripts/lib/testkit.mjs';
import { NOT_YET_ON_LINE, executionWaiter, runOk, waitFor } from './context.mjs';
import { setupTests } from './setup.mjs';
import { billsTests, uxGroup } from './bills.mjs';
import { spendExamples } from './spend.mjs';
import { spendTriggerTests } from './spend-trigger.mjs';
import { sessionTests } from './sessions.mjs';
import { agentTests } from './agents.mjs';
import { httpRequestTests } from './http-request.mjs';
import { oauthTests } from './oauth.mjs';
import { credentialTests } from './credentials.mjs';
import { receivablesTests } from './receivables.mjs';
import { payablesTests } from './payables.mjs';
import { chargeTests } from './charge.mjs';
import { operationsTests } from './operations.mjs';
import { rerunTests } from './rerun.mjs';
import { billTriggerTests } from './trigger.mjs';
import { partnerTests } from './partner.mjs';
import { pollingTests } from './polling.mjs';
import { bill2026Tests } from './bill2026.mjs';

/** @typedef {import('./context.mjs').E2EContext} E2EContext */

/**
 * The groups, in order; `all`: only without --examples (no example among them). Each comment says
 * what the group covers.
 * @type {Array<[(ctx: E2EContext) => Promise<unknown>, 'examples' | 'all']>}
 */
const GROUPS = [
	[setupTests, 'examples'], // the package installed as users do, n8n's node types, the examples imported
	[billsTests, 'examples'], // examples 00-03, 05, 08: payables (USERS.md jobs 1, 2, 4, 7)
	[spendExamples, 'examples'], // examples 13-15: BILL Spend & Expense
	[uxGroup, 'all'], // what a new user tripped over (ux.mjs), after example 05's default account
	[sessionTests, 'examples'], // example 04 (MFA ID), one login for all executions, MFA trust
	[httpRequestTests, 'examples'], // example 17: the HTTP Request node with our credential
	[oauthTests, 'examples'], // example 23: the OAuth sign-in
	[agentTests, 'examples'], // examples 06, 09: an AI agent with BILL tools, BILL as an MCP server
	[credentialTests, 'all'], // the credential Test button, the partner credential's keys
	[receivablesTests, 'examples'], // examples 10-12: receivables and the invoice trigger
	[payablesTests, 'examples'], // examples 18-20: payables in depth
	[chargeTests, 'examples'], // example 21: customers charged (issue 27 §3)
	[bill2026Tests, 'all'], // issue 27 §2, §4–§6: policies, approvals, ACH batching, sync token, webhooks, fields
	[operationsTests, 'all'], // card accounts, a payment in CAD, vendor attachments
	[rerunTests, 'all'], // issue 29: re-runs after lost answers
	[spendTriggerTests, 'all'], // issue 18: the BILL Spend & Expense Trigger
	[billTriggerTests, 'examples'], // example 07: the BILL Trigger in n8n start
	[partnerTests, 'examples'], // example 16: a partner's nightly job; an MFA ID per organization
	[pollingTests, 'all'], // issue 31, last: its n8n restarts leave nothing for the groups above
];

const LINE = runtimeLine(
	process.argv.find((a) => a.startsWith('--line='))?.slice('--line='.length) ??
		process.env.N8N_LINE ??
		DEFAULT_LINE,
);
const results = suite(LINE.name === DEFAULT_LINE ? 'e2e' : `e2e-${LINE.name}`);
const { record, writeResults } = results;
/**
 * `--examples` (or E2E_SCOPE=examples): the set-up, then only the tests of example workflows
 * ("example NN: …", each example's run under `n8n execute` and the triggers in `n8n start`);
 * scripts/test.sh runs the second n8n line this way. Without it: everything.
 */
const EXAMPLES_ONLY = process.argv.includes('--examples') || process.env.E2E_SCOPE === 'examples';
const SET_UP =
	/^(runtime:|the packed package|n8n loads our nodes|examples:|import:|example \d+|HTTP Request node with the BILL API credential \(example)/;
/** @type {E2EContext['test']} */
const test = (name, fn) =>
	EXAMPLES_ONLY && !SET_UP.test(name) ? Promise.resolve() : results.test(name, fn);

/** BILL_EMULATOR_READINGS=keyHeaders=strict,...: the emulator plays other readings (emulator/readings.ts). */
async function playReadings(emulator) {
	const readings = Object.fromEntries(
		String(process.env.BILL_EMULATOR_READINGS ?? '')
			.split(',')
			.filter(Boolean)
			.map((pair) => pair.trim().split('=')),
	);
	if (!Object.keys(readings).length) return;
	const played = await emulator.control('POST', '/options', { readings });
	console.log(`Emulator readings: ${JSON.stringify(played.readings)}`);
}

/**
 * What every group gets: the line, the emulator and its state, the n8n environment.
 * @returns {Promise<E2EContext>}
 */
async function contextFor(emulator, workdir) {
	const n8nPort = await freePort();
	const env = n8nEnv({
		userFolder: workdir,
		encryptionKey: randomBytes(24).toString('hex'),
		port: n8nPort,
		brokerPort: await freePort(),
		line: LINE.name,
		extensions: undefined,
	});
	const stats = () => emulator.control('GET', '/stats');
	return {
		line: LINE,
		examplesOnly: EXAMPLES_ONLY,
		test,
		record,
		pendingOr: (example) =>
			(LINE.name !== DEFAULT_LINE && NOT_YET_ON_LINE[LINE.name]?.[example]) ||
			notRunnable(
				EXAMPLES.find((e) => e.id === example),
				emulator,
			),
		env,
		emulator,
		workdir,
		n8nPort,
		triggerBuilt: existsSync(join(REPO, 'dist', 'nodes', 'BillTrigger', 'BillTrigger.node.js')),
		state: (collection) => emulator.control('GET', `/state/${collection}`),
		stats,
		requests: async (route) => (await stats()).requests[route] ?? 0,
		runOk,
		waitFor,
		waitForExecution: executionWaiter(LINE),
	};
}

async function main() {
	console.log(
		`End-to-end tests in a real n8n ${LINE.version}${EXAMPLES_ONLY ? ': the example workflows' : ''}`,
	);
	// The runtime. No runtime, no tests: that is a failure, never a silent skip.
	let runtimeReady = false;
	await test(`runtime: n8n ${LINE.version} on Node 24 prepared in .n8n-runtime/`, () => {
		const runtime = prepareRuntime({ line: LINE.name });
		runtimeReady = true;
		return `n8n ${runtime.n8nVersion}, Node ${runtime.nodeVersion}`;
	});
	if (!runtimeReady) return;
	if (!existsSync(join(REPO, 'dist', 'nodes', 'Bill', 'Bill.node.js'))) {
		const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
		if (build.status !== 0)
			return record('build the package', 'failed', `npm run build exited with ${build.status}`);
	}
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	await playReadings(emulator);
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-e2e-'));
	try {
		const ctx = await contextFor(emulator, workdir);
		for (const [group, scope] of GROUPS)
			if (!EXAMPLES_ONLY || scope === 'examples') await group(ctx);
	} finally {
		await emulator.stop();
		rmSync(workdir, { recursive: true, force: true });
	}
}

main()
	.catch((error) => record('e2e set-up', 'failed', error.stack ?? String(error)))
	.finally(() => {
		const summary = writeResults();
		process.exit(summary.numFailedTests > 0 || summary.numPassedTests === 0 ? 1 : 0);
	});
