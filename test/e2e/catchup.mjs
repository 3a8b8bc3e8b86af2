// @ts-check
/**
 * Issue 31 §3 end to end, in `n8n start` with the BILL Trigger active (the package installed as
 * users install it): n8n goes down (its port closed: BILL's deliveries are refused) while bills
 * are made in BILL; the emulator retries each delivery and then disables the subscription
 * (`enabled: false`, updated by SYSTEM), as BILL does. n8n comes back: starting, it activates the
 * workflow, and the trigger's check of its webhook (checkExists, nodes/BillTrigger/subscription.ts)
 * finds the subscription disabled, enables it again and has BILL send every event it did not
 * deliver again (BILL's event history and resend, nodes/BillTrigger/catchUp.ts). Each missed bill
 * runs exactly once, the bills made afterwards run, and n8n's log says what happened. Then n8n
 * is restarted and caught-up events are sent once more: no second execution.
 * Runs alone: `node test/e2e/catchup.mjs` (its own emulator and n8n). Not in run.mjs: after the other
 * groups, n8n 2.41.1's REST API showed the trigger workflow's earlier subscription in its static data
 * and the first test waited in vain (CI of 2026-12-08); alone it passes.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { n8nEnv, prepareRuntime } from '../../scripts/n8n-runtime.mjs';
import { installPackage } from '../../scripts/lib/package.mjs';
import { importAll } from '../../scripts/lib/e2e.mjs';
import {
	CREDENTIAL,
	emulatorCredential,
	freePort,
	startEmulatorProcess,
} from '../../scripts/lib/stack.mjs';
import { check, equal, suite } from '../../scripts/lib/testkit.mjs';
import { HOOK, NODE, catchupStack, sleep, waitFor, waitForSubscription } from './catchupStack.mjs';

/** @typedef {import('./catchupStack.mjs').CatchupContext} CatchupContext */
/** @typedef {import('./catchupStack.mjs').CatchupStack} CatchupStack */

/** Bills made while n8n is down (the issue's case: 40), and after it is back. */
const MISSED = 40;
const AFTER = 10;
const WORKFLOW = {
	id: HOOK,
	name: 'e2e: BILL Trigger catches up after BILL disabled its subscription',
	active: false,
	nodes: [
		{
			id: 'trigger',
			name: NODE,
			type: 'n8n-nodes-billcom.billTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: '4b9e2d17-6c3a-4f85-a0e1-2d7c5b8f9a64',
			parameters: { events: ['bill.created'] },
			credentials: { billApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

function eachOnce(/** @type {Map<string, number>} */ counts, /** @type {string[]} */ ids, what) {
	const wrong = ids.filter((id) => counts.get(id) !== 1);
	check(
		!wrong.length,
		`${what}: ${wrong.length} of ${ids.length} bills did not run exactly once: ${wrong
			.slice(0, 10)
			.map((id) => `${id}×${counts.get(id) ?? 0}`)
			.join(', ')}`,
	);
}

/**
 * n8n starts; after `seconds`, whether the subscription is enabled again (and the calls n8n made
 * to BILL meanwhile).
 * @param {CatchupStack} stack
 */
async function startAndWatch(stack, /** @type {Record<string, string>} */ extra, seconds) {
	const from = await stack.logLength();
	const started = Date.now();
	await stack.start(extra);
	const deadline = started + seconds * 1000;
	let subscription;
	do {
		[subscription] = await stack.subscriptions();
		if (subscription?.status?.enabled === true) break;
		await sleep(500);
	} while (Date.now() < deadline);
	return {
		enabled: subscription?.status?.enabled === true,
		subscription,
		started,
		calls: await stack.calls(from),
	};
}

/**
 * The catch-up checked: the missed bills run once each (the trigger's log line says how many),
 * then bills made afterwards run too.
 * @param {CatchupStack} stack
 * @param {{ subscription: any, missed: string[] }} state
 */
async function caughtUp(stack, state, /** @type {number} */ started) {
	await stack.runs().until(1 + MISSED);
	const seconds = Math.round((Date.now() - started) / 100) / 10;
	const line = stack.log().find((l) => l.includes('had disabled webhook subscription'));
	check(line, "n8n's log does not say that BILL had disabled the subscription");
	check(
		String(line).includes(`send the ${MISSED} event(s)`),
		`the log line does not count the ${MISSED} events: ${line}`,
	);
	const fresh = await stack.bill.bills(AFTER);
	await stack.runs().until(1 + MISSED + AFTER);
	await sleep(5_000); // a repeat would show up here
	const all = await stack.runs().finished();
	equal(all.length, 1 + MISSED + AFTER, 'executions');
	check(
		all.every((e) => e.status === 'success'),
		`executions not successful: ${JSON.stringify(all.filter((e) => e.status !== 'success'))}`,
	);
	const counts = await stack.runs().perBill();
	eachOnce(counts, state.missed, 'missed while n8n was down');
	eachOnce(counts, fresh, 'made after n8n was back');
	const said = String(line)
		.replace(/^.*BILL Trigger: /, '')
		.trim();
	return `${MISSED} missed bills run in ${seconds} s from n8n start (1 execution each), ${AFTER} later bills 1 each; n8n's log: "${said}"`;
}

const PUBLICATION_SERVICE =
	"n8n 2.41.1 with its default workflow publication service does not ask a webhook trigger to check its webhook when it starts: the webhook's row stays in n8n's database across the restart, and the publication reconciler re-registers only in-memory triggers (schedules, pollers) and webhooks it finds unregistered (workflows/publication/workflow-publication-applier.js, triggers/webhook-trigger-registrar.js getNodesWithUnregisteredWebhooks). checkExists, where the BILL Trigger enables a disabled subscription and catches up, runs only when the workflow is published with a new or changed trigger node, or when n8n starts with N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false (n8n then activates each workflow at start, as n8n 1.x does)";

/**
 * The catch-up tests (issue 31 §3). `ctx`: test, record, env, emulator, workdir, n8nPort
 * (run.mjs, or main below).
 * @param {CatchupContext} ctx
 */
export async function catchupTests(ctx) {
	const { test, record, env, emulator, workdir } = ctx;
	await importAll(
		env,
		workdir,
		'catchup',
		/** @type {any} */ ({ credentials: [emulatorCredential(emulator)], workflows: [WORKFLOW] }),
	);
	const stack = await catchupStack(ctx);
	/** @type {{ subscription: any, missed: string[], ready: boolean, caughtUp: boolean }} */
	const state = { subscription: undefined, missed: [], ready: false, caughtUp: false };

	await test('catch-up: n8n start, the BILL Trigger activated, a bill made in BILL → 1 execution', async () => {
		await stack.start();
		const stored = await stack.n8n().call('GET', `/workflows/${HOOK}`);
		await stack.n8n().call('POST', `/workflows/${HOOK}/activate`, { versionId: stored.versionId });
		state.subscription = await waitForSubscription(stack.subscriptions, stack.n8n());
		const [first] = await stack.bill.bills(1);
		await stack.runs().until(1);
		eachOnce(await stack.runs().perBill(), [first], 'the first bill');
		state.ready = true;
		return `subscription ${state.subscription.id}; bill ${first} ran once`;
	});
	if (!state.ready) return void (await stack.stop());
	try {
		await test(`catch-up: n8n down, ${MISSED} bills made in BILL: BILL retries each delivery, then disables the subscription (updated by SYSTEM)`, async () => {
			await stack.stop();
			state.missed = await stack.bill.bills(MISSED);
			const disabled = await waitFor(
				async () => (await stack.subscriptions())[0],
				(s) => s?.status?.enabled === false,
				'BILL to disable the subscription',
			);
			equal(disabled.status.updatedBy, 'SYSTEM', 'who disabled the subscription');
			const events = await stack.eventsOf(state.missed);
			equal(events.length, MISSED, "the missed bills' events in BILL's history");
			const delivered = events.filter((e) => e.statusCode === 200);
			equal(delivered.length, 0, 'events of the missed bills that n8n answered');
			return `${events.length} events undelivered (n8n's port closed: connection refused), subscription disabled by ${disabled.status.updatedBy}`;
		});

		const defaults = `catch-up: n8n back with its default settings: the trigger enables the subscription again and the ${MISSED} missed bills run once each, ${AFTER} later bills too`;
		const back = await startAndWatch(stack, {}, 40);
		if (back.enabled) {
			state.caughtUp = true;
			await test(defaults, async () => await caughtUp(stack, state, back.started));
		} else {
			const looked = back.calls.filter((c) => c.includes(state.subscription.id)).length;
			record(
				defaults,
				'pending',
				`after 40 s the subscription is still disabled (calls by n8n that name it: ${looked}; all its calls to BILL: ${back.calls.join(', ') || 'none'}). ${PUBLICATION_SERVICE}`,
			);
		}

		// Caught up with the defaults already: nothing more to catch up.
		if (!state.caughtUp)
			await test(`catch-up: n8n restarted with N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false (n8n activates each workflow at start): the subscription enabled again, the ${MISSED} missed bills run once each, the log says so; ${AFTER} bills made afterwards run too`, async () => {
				await stack.stop();
				const again = await startAndWatch(
					stack,
					{ N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' },
					60,
				);
				check(
					again.enabled,
					`the subscription is still disabled 60 s after n8n started; n8n's calls to BILL: ${again.calls.join(', ') || 'none'}`,
				);
				equal(
					again.subscription.id,
					state.subscription.id,
					'the subscription enabled (the same one)',
				);
				return await caughtUp(stack, state, again.started);
			});

		await test('catch-up: n8n restarted, 10 caught-up events sent again by BILL → answered 200, no second execution', async () => {
			const before = (await stack.runs().finished()).length;
			await stack.stop();
			await stack.start();
			const events = await stack.eventsOf(state.missed);
			const again = state.missed
				.filter((_, i) => i < 5 || i >= MISSED - 5)
				.map((id) => events.find((e) => String(e.payload).includes(`"id":"${id}"`)));
			check(again.every(Boolean), "an event of a missed bill is not in BILL's history");
			const answers = [];
			for (const event of again)
				answers.push(await stack.bill.resend(state.subscription.id, event.id));
			equal(
				answers,
				again.map(() => 200),
				"n8n's answers to the events sent again",
			);
			await sleep(10_000);
			equal(
				(await stack.runs().finished()).length,
				before,
				'executions after the events sent again',
			);
			return `${again.length} events sent again after a restart, answered ${answers[0]}; executions ${before} as before`;
		});
	} finally {
		await stack.stop();
	}
}

async function main() {
	const { test, record, writeResults } = suite('e2e-catchup');
	prepareRuntime();
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-e2e-catchup-'));
	const n8nPort = await freePort();
	const env = n8nEnv(
		/** @type {any} */ ({
			userFolder: workdir,
			encryptionKey: randomBytes(24).toString('hex'),
			port: n8nPort,
			brokerPort: await freePort(),
		}),
	);
	installPackage(env); // as users install it (README → Install in your n8n)
	try {
		await catchupTests({ test, record, env, emulator, workdir, n8nPort });
	} finally {
		await emulator.stop();
		process.exitCode = writeResults().numFailedTests ? 1 : 0;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
