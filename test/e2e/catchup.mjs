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
 * Part of run.mjs (catchupTests); also runs alone: `node test/e2e/catchup.mjs`.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { RUNTIME_DIR, n8nEnv, prepareRuntime } from '../../scripts/n8n-runtime.mjs';
import { installPackage } from '../../scripts/lib/package.mjs';
import { adminSessionId, day, importAll } from '../../scripts/lib/e2e.mjs';
import {
	CREDENTIAL,
	emulatorCredential,
	freePort,
	restClient,
	startEmulatorProcess,
	startN8nServer,
} from '../../scripts/lib/stack.mjs';
import { check, equal, suite } from '../../scripts/lib/testkit.mjs';

const HOOK = 'billcomE2ECatchUp'; // at most 21 characters: n8n saves no static data for longer ids
const NODE = 'BILL Trigger';
/** Bills made while n8n is down (the issue's case: 40), and after it is back. */
const MISSED = 40;
const AFTER = 10;
const sleep = (/** @type {number} */ ms) =>
	new Promise((resolveWait) => setTimeout(resolveWait, ms));

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

/**
 * @typedef {{ baseUrl: string, fixtures: any, control: (method: string, path: string, body?: unknown) => Promise<any> }} Emulator
 * @typedef {{ test: (name: string, fn: () => unknown) => Promise<unknown> | undefined, record: (name: string, status: string, detail?: string) => unknown, env: Record<string, string>, emulator: Emulator, workdir: string, n8nPort: number }} CatchupContext
 */

/** BILL as its administrator uses it: bills in bulk, and the events API (history, resend). */
async function billUser(/** @type {Emulator} */ emulator) {
	const f = emulator.fixtures;
	const headers = {
		'content-type': 'application/json',
		devKey: f.devKey,
		sessionId: await adminSessionId(emulator),
	};
	const call = async (
		/** @type {string} */ method,
		/** @type {string} */ url,
		/** @type {unknown} */ body = undefined,
	) => {
		const response = await fetch(url, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = await response.json();
		check(response.ok, `BILL ${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
	const events = emulator.baseUrl.replace(/\/connect$/, '/connect-events');
	const vendorId = (await emulator.control('GET', '/state/vendors'))[0].id;
	let made = 0;
	return {
		/** `count` bills in one bulk request (BILL: up to 100); their IDs. */
		async bills(/** @type {number} */ count) {
			const bodies = Array.from({ length: count }, () => ({
				vendorId,
				invoice: { invoiceNumber: `E2E-CATCHUP-${Date.now()}-${++made}`, invoiceDate: day(0) },
				dueDate: day(7),
				billLineItems: [{ amount: made, description: 'caught up' }],
			}));
			const created = await call('POST', `${emulator.baseUrl}/v3/bills/bulk`, bodies);
			return /** @type {Array<{ id: string }>} */ (created).map((b) => b.id);
		},
		/** BILL's resend: the event delivered once more; the receiver's HTTP status. */
		async resend(/** @type {string} */ subscriptionId, /** @type {string} */ eventId) {
			const record = await call(
				'POST',
				`${events}/v3/events/subscription/${subscriptionId}/event/${eventId}`,
			);
			return Number(record.statusCode);
		},
	};
}

/** The trigger's executions in n8n (REST API) and the bill each one ran with. */
function executionsOf(rest) {
	const flatted = createRequire(join(RUNTIME_DIR, 'n8n', 'node_modules', 'n8n', 'package.json'))(
		'flatted',
	);
	/** @type {Map<string, string[]>} execution id → bill IDs (finished executions do not change) */
	const billsRun = new Map();
	/** Finished executions of the workflow: [{ id, status }]. */
	const finished = async () => {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: HOOK }));
		const list = await rest.call('GET', `/executions?filter=${filter}&limit=100`);
		return /** @type {Array<{ id: string, status: string }>} */ (list?.results ?? []).filter(
			(e) => e.status && !['new', 'running', 'waiting'].includes(e.status),
		);
	};
	/** Bill ID → how many finished executions ran with it, over every execution so far. */
	const perBill = async () => {
		const counts = new Map();
		for (const execution of await finished()) {
			if (!billsRun.has(execution.id)) {
				const full = await rest.call('GET', `/executions/${execution.id}`);
				const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
				const items = data?.resultData?.runData?.[NODE]?.at(-1)?.data?.main?.[0] ?? [];
				billsRun.set(
					execution.id,
					items.map((/** @type {any} */ i) => String(i.json?.bill?.id)),
				);
			}
			for (const id of billsRun.get(execution.id) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		return counts;
	};
	/** Waits (up to `seconds`) until `count` executions finished; returns them. */
	const until = async (/** @type {number} */ count, seconds = 120) => {
		const deadline = Date.now() + seconds * 1000;
		for (;;) {
			const list = await finished();
			if (list.length >= count) return list;
			if (Date.now() > deadline)
				throw new Error(`${list.length} finished executions after ${seconds} s, wanted ${count}`);
			await sleep(500);
		}
	};
	return { finished, perBill, until };
}

/** Each of `ids` ran exactly once (`counts`: bill ID → executions); fails naming the others. */
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
 * n8n of these tests, started and stopped (its log in `<workdir>/catchup-n8n.log`), what it runs,
 * and BILL as seen from the emulator.
 * @param {CatchupContext} ctx
 */
async function catchupStack(ctx) {
	const { env, emulator, workdir, n8nPort } = ctx;
	const logFile = join(workdir, 'catchup-n8n.log');
	/** @type {{ base: string, stop: () => Promise<unknown> } | undefined} */
	let server;
	/** @type {ReturnType<typeof restClient> | undefined} */
	let rest;
	const n8n = () => /** @type {ReturnType<typeof restClient>} */ (rest);
	return {
		bill: await billUser(emulator),
		/** `n8n start`; `extra`: more environment (n8n's settings). */
		async start(/** @type {Record<string, string>} */ extra = {}) {
			const fd = openSync(logFile, 'a');
			try {
				server = await startN8nServer(
					{
						...env,
						WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/`,
						// CATCHUP_N8N_LOG_LEVEL=debug: more of n8n in the log file, for diagnosis.
						...(process.env.CATCHUP_N8N_LOG_LEVEL
							? { N8N_LOG_LEVEL: process.env.CATCHUP_N8N_LOG_LEVEL }
							: {}),
						...extra,
					},
					n8nPort,
					{ output: /** @type {any} */ (fd) },
				);
			} finally {
				closeSync(fd); // the child holds its own copy
			}
			rest = restClient(server.base);
			check((await rest.ownerSession()).loggedIn, 'could not log in to n8n');
		},
		stop: async () => await server?.stop(),
		n8n,
		runs: () => executionsOf(n8n()),
		/** n8n's log lines (all its starts). */
		log: () => readFileSync(logFile, 'utf8').split('\n'),
		/** The subscriptions pointing at this n8n (the emulator's state). */
		subscriptions: async () =>
			/** @type {any[]} */ (await emulator.control('GET', '/state/subscriptions')).filter((s) =>
				String(s.notificationUrl).startsWith(`http://127.0.0.1:${n8nPort}/webhook/`),
			),
		/** BILL's records of the events of `billIds`. */
		eventsOf: async (/** @type {string[]} */ billIds) =>
			/** @type {any[]} */ (await emulator.control('GET', '/state/events')).filter((e) =>
				billIds.some((id) => String(e.payload).includes(`"id":"${id}"`)),
			),
		/** The emulator's request log from entry `from` on, as "METHOD path status". */
		calls: async (/** @type {number} */ from) =>
			/** @type {any[]} */ (await emulator.control('GET', '/log'))
				.slice(from)
				.map((e) => `${e.method} ${e.path ?? e.route} ${e.status}`),
		logLength: async () => (await emulator.control('GET', '/log')).length,
	};
}

/** @typedef {Awaited<ReturnType<typeof catchupStack>>} CatchupStack */

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

/** Polls `read` until `done(value)` (up to 60 s); returns the value, or fails naming what it waited for. */
async function waitFor(read, /** @type {(value: any) => boolean} */ done, what) {
	const deadline = Date.now() + 60_000;
	let value;
	while (Date.now() < deadline) {
		value = await read();
		if (done(value)) return value;
		await sleep(250);
	}
	throw new Error(`waited 60 s for ${what}; last seen: ${JSON.stringify(value).slice(0, 500)}`);
}

/**
 * The one subscription pointing at this n8n, once n8n also holds it in the workflow's static data
 * (n8n saves the security key when activation ends; a delivery before that cannot be verified).
 */
async function waitForSubscription(subscription, rest) {
	const [mine] = await waitFor(
		subscription,
		(list) => list.length > 0,
		'a subscription pointing at this n8n',
	);
	equal((await subscription()).length, 1, 'subscriptions pointing at this n8n');
	const NOT_SHOWN = 'not shown';
	const held = await waitFor(
		async () => {
			const staticData = (await rest.call('GET', `/workflows/${HOOK}`))?.staticData;
			if (staticData === undefined) return NOT_SHOWN; // not shown by this n8n's REST API
			const data = typeof staticData === 'string' ? JSON.parse(staticData) : staticData;
			return data?.[`node:${NODE}`]?.subscriptionId;
		},
		(id) => id === mine.id || id === NOT_SHOWN,
		"the subscription in the workflow's static data",
	);
	if (held === NOT_SHOWN) await sleep(10_000);
	return mine;
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
