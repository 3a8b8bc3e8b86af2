// @ts-check
/**
 * The BILL Trigger in queue mode: deliveries reach the main, executions run on the workers, and
 * each event runs once though BILL delivers it twice (one at a time, and at the same time).
 */
import { randomUUID } from 'node:crypto';

import { N8N_VERSION } from '../../scripts/n8n-runtime.mjs';
import { adminSessionId } from '../../scripts/lib/e2e.mjs';
import { check } from '../../scripts/lib/testkit.mjs';
import { startedExecutions } from '../../scripts/queue/stack.mjs';
import { executionData, executions, queueSuite, sleep, until, workerOf } from './kit.mjs';

/** @typedef {import('./kit.mjs').Stack} Stack */
/** @typedef {import('./kit.mjs').Emulator} Emulator */

const { test } = queueSuite;

/** The test names of this part. */
export const TRIGGER_TESTS = {
	trigger:
		'BILL Trigger in queue mode: deliveries to the main, executions on the workers, each event once though delivered twice',
	triggerConcurrent:
		'BILL Trigger in queue mode: events delivered at the same time, then again, run once each',
};

/** The credential of the trigger workflow. */
export const TRIGGER_CREDENTIAL = { id: 'billQueueTrigger', name: 'BILL (emulator, trigger)' };
/** The trigger workflow's id. */
export const TRIGGER_WORKFLOW = 'billQueueTrigger';

/** BILL Trigger on vendor.created → BILL Get vendor (what a user's workflow does with the event). */
export function triggerWorkflow() {
	return {
		id: TRIGGER_WORKFLOW,
		name: 'Queue test: BILL Trigger',
		publish: true,
		nodes: [
			{
				id: 'trigger',
				name: 'BILL Trigger',
				type: 'n8n-nodes-billcom.billTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { authentication: 'billApi', events: ['vendor.created'], options: {} },
				credentials: { billApi: TRIGGER_CREDENTIAL },
			},
			{
				id: 'get-vendor',
				name: 'Get vendor',
				type: 'n8n-nodes-billcom.bill',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					authentication: 'billApi',
					resource: 'vendor',
					operation: 'get',
					vendorId: { __rl: true, mode: 'id', value: '={{ $json.vendor.id }}' },
				},
				credentials: { billApi: TRIGGER_CREDENTIAL },
			},
		],
		connections: { 'BILL Trigger': { main: [[{ node: 'Get vendor', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * Why a repeated delivery starts a second execution in n8n 2.41.1 (found with this test: a
 * `--require` hook on the main logged `saveStaticData changed=false accepted=1`, and PostgreSQL's
 * statement log shows no UPDATE of workflow_entity.staticData after activation).
 */
const STATIC_DATA_NOT_SAVED = (remembered) =>
	`The trigger's stored static data remembers ${remembered} accepted event IDs. n8n ${N8N_VERSION} does not persist static data changed in a ` +
	'production webhook() call: LiveWebhooks saves it only if its change flag is set, but WorkflowRunner.run() → establishContextForPersistence() ' +
	"first wraps the same staticData object in another Workflow, and ObservableObject.create() resets the flag. The node's duplicate check " +
	'(acceptedEventIds in static data) therefore never sees an earlier delivery (measured in queue mode, and in regular mode with QUEUE_CONTROL_REGULAR=1).';

/** A BILL client of our own (not n8n): creates vendors, each a vendor.created event, and resends events. */
/** @param {Emulator} emulator */
export async function billClient(emulator) {
	const f = emulator.fixtures;
	const headers = {
		'content-type': 'application/json',
		devKey: f.devKey,
		sessionId: await adminSessionId(emulator),
	};
	return {
		async createVendor(name) {
			const vendor = await (
				await fetch(`${emulator.baseUrl}/v3/vendors`, {
					method: 'POST',
					headers,
					body: JSON.stringify({ name, accountType: 'BUSINESS', email: 'ap@queue.example' }),
				})
			).json();
			check(
				/^009/.test(String(vendor.id)),
				`vendor creation failed: ${JSON.stringify(vendor).slice(0, 300)}`,
			);
			return vendor;
		},
		/** Up to 20 vendors in one bulk request (`POST /v3/vendors/bulk`): one vendor.created event each. */
		async createVendors(/** @type {string[]} */ names) {
			const response = await fetch(`${emulator.baseUrl}/v3/vendors/bulk`, {
				method: 'POST',
				headers,
				body: JSON.stringify(
					names.map((name) => ({ name, accountType: 'BUSINESS', email: 'ap@queue.example' })),
				),
			});
			const answer = await response.json();
			check(
				response.status === 201 && answer.vendors?.length === names.length,
				`bulk vendor creation: HTTP ${response.status} ${JSON.stringify(answer).slice(0, 300)}`,
			);
			return /** @type {Array<{ id: string }>} */ (answer.vendors);
		},
		/** BILL's resend: the same event (same event ID) delivered once more; the receiver's status. */
		async resend(subscriptionId, eventId) {
			const response = await fetch(
				`${emulator.url}/connect-events/v3/events/subscription/${subscriptionId}/event/${eventId}`,
				{ method: 'POST', headers },
			);
			const record = await response.json();
			check(
				response.status === 200,
				`resend of ${eventId}: HTTP ${response.status} ${JSON.stringify(record).slice(0, 300)}`,
			);
			return record.statusCode;
		},
	};
}

/**
 * What the trigger tests read: the subscription pointing at the main, BILL's delivered events of
 * some vendors, the trigger's executions per event ID, and the event IDs its stored static data
 * remembers.
 * @param {Stack} stack
 */
export function triggerReader(stack) {
	const { emulator, pg, mainPort } = stack;
	/** The one subscription pointing at the main (the main activates the published workflow). */
	const subscription = async () => {
		const mine = await until("the BILL Trigger's subscription at the emulator", async () => {
			const list = (await emulator.control('GET', '/state/subscriptions')).filter(
				(/** @type {any} */ s) =>
					String(s.notificationUrl).startsWith(`http://127.0.0.1:${mainPort}/webhook/`) &&
					s.events?.some((/** @type {any} */ e) => e.type === 'vendor.created'),
			);
			return list.length ? list : undefined;
		});
		check(
			mine.length === 1,
			`expected 1 subscription pointing at the main process, got ${mine.length}`,
		);
		return mine[0];
	};
	/** BILL's records of the events of `vendors`, once each has had an answer. */
	const eventsFor = async (/** @type {string} */ subscriptionId, /** @type {any[]} */ vendors) => {
		const ids = new Set(vendors.map((v) => v.id));
		return await until(
			`${ids.size} delivered vendor.created events`,
			async () => {
				const list = (await emulator.control('GET', '/state/events')).filter(
					(/** @type {any} */ e) =>
						e.subscriptionId === subscriptionId && ids.has(JSON.parse(e.payload).vendor?.id),
				);
				return list.length === ids.size && list.every((/** @type {any} */ e) => e.statusCode !== 0)
					? list
					: undefined;
			},
			120_000,
		);
	};
	/** Executions of the trigger workflow per event ID, once none is running any more. */
	const executionsPerEvent = async (/** @type {Array<{ id: string }>} */ events) => {
		await until(
			'the trigger executions to finish',
			() =>
				executions(pg, TRIGGER_WORKFLOW).every(
					(r) => r.finished || ['error', 'crashed', 'canceled'].includes(r.status),
				),
			180_000,
		);
		const all = executions(pg, TRIGGER_WORKFLOW);
		const data = new Map(all.map((r) => [r.id, executionData(pg, r.id)]));
		return {
			all,
			perEvent: events.map((e) => all.filter((r) => data.get(r.id)?.includes(e.id))),
		};
	};
	/** How many event IDs the trigger's stored static data remembers (the security key is not read). */
	const remembered = () => {
		const raw = pg.query(
			`select "staticData" from workflow_entity where id = '${TRIGGER_WORKFLOW}'`,
		)[0]?.[0];
		const nodeData = /** @type {any} */ (
			Object.values(JSON.parse(raw || '{}')).find(
				(v) => v && typeof v === 'object' && 'acceptedEventIds' in v,
			)
		);
		return nodeData?.acceptedEventIds?.length ?? 0;
	};
	return { subscription, eventsFor, executionsPerEvent, remembered };
}

/**
 * Events one at a time, each delivered, then delivered again (BILL's resend, same event ID);
 * then 4 at the same time, each resent.
 * @param {Stack} stack
 */
export async function testTrigger(stack) {
	const { pg, workers } = stack;
	const read = triggerReader(stack);
	/** @type {any} */
	let subscription;
	/** @type {Awaited<ReturnType<typeof billClient>> | undefined} */
	let client;

	await test(TRIGGER_TESTS.trigger, async () => {
		subscription = await read.subscription();
		client = await billClient(stack.emulator);
		const events = [];
		for (let i = 1; i <= 3; i++) {
			const vendor = await client.createVendor(`Queue Trigger Vendor ${i}`);
			const [event] = await read.eventsFor(subscription.id, [vendor]);
			check(event.statusCode === 200, `delivery of ${event.id} answered ${event.statusCode}`);
			await until(`the execution of event ${i}`, () =>
				executions(pg, TRIGGER_WORKFLOW).some(
					(r) => r.finished && executionData(pg, r.id).includes(event.id),
				),
			);
			const again = await client.resend(subscription.id, event.id);
			check(again === 200, `the second delivery of ${event.id} answered ${again}`);
			events.push({ ...event, vendorId: vendor.id });
		}
		await sleep(3000);
		const { all, perEvent } = await read.executionsPerEvent(events);
		const byWorker = workerOf(workers);
		check(
			perEvent.every((list) => list.length === 1),
			`executions per event ID (each delivered twice): ${perEvent.map((l) => l.length).join(', ')}; expected 1 each. ${STATIC_DATA_NOT_SAVED(read.remembered())}`,
		);
		check(
			all.length === events.length,
			`n8n recorded ${all.length} trigger executions for ${events.length} events`,
		);
		check(
			all.every((r) => r.status === 'success' && r.mode === 'webhook'),
			`trigger executions: ${JSON.stringify(all)}`,
		);
		check(
			all.every((r) => (byWorker.get(r.id) ?? []).length === 1),
			`trigger executions not started by exactly one worker: ${JSON.stringify(all.map((r) => byWorker.get(r.id)))}`,
		);
		check(!startedExecutions(stack.main.log()).length, 'the main process executed some itself');
		check(
			events.every((e, i) => executionData(pg, perEvent[i][0].id).includes(e.vendorId)),
			'an execution did not read the vendor of its event (Get vendor on the worker)',
		);
		const names = all.map((r) => byWorker.get(r.id)?.[0]);
		return `3 events × 2 deliveries to the main (all answered 200) → 3 executions (${names.join(', ')}), one per event ID; the trigger remembers ${read.remembered()} event IDs`;
	});

	await test(TRIGGER_TESTS.triggerConcurrent, async () => {
		check(
			subscription && client,
			'the previous trigger test did not get as far as the subscription',
		);
		const bill = /** @type {Awaited<ReturnType<typeof billClient>>} */ (client);
		const before = new Set(executions(pg, TRIGGER_WORKFLOW).map((r) => r.id));
		const vendors = await Promise.all(
			[1, 2, 3, 4].map((i) => bill.createVendor(`Queue Concurrent Vendor ${i}`)),
		);
		const events = await read.eventsFor(subscription.id, vendors);
		check(
			events.every((/** @type {any} */ e) => e.statusCode === 200),
			`first deliveries answered ${events.map((/** @type {any} */ e) => e.statusCode).join(', ')}`,
		);
		await until(
			'the first executions',
			() =>
				executions(pg, TRIGGER_WORKFLOW).filter((r) => !before.has(r.id) && r.finished).length >=
				events.length,
		);
		const rememberedAfterFirst = read.remembered();
		for (const event of events) await bill.resend(subscription.id, event.id);
		await sleep(3000);
		const { perEvent } = await read.executionsPerEvent(events);
		const counts = perEvent.map((list) => list.filter((r) => !before.has(r.id)).length);
		check(
			counts.every((n) => n === 1),
			`4 events delivered at the same time, then each resent: executions per event ID ${counts.join(', ')} (expected 1 each). ` +
				`After the first deliveries the trigger's stored static data remembered ${rememberedAfterFirst} of ${3 + events.length} event IDs. ` +
				"Even once n8n saves them, n8n loads and saves a workflow's static data per webhook request without a lock, so concurrent deliveries can overwrite each other's accepted IDs.",
		);
		return `4 concurrent events, each delivered twice → 1 execution each; static data remembers ${read.remembered()} event IDs`;
	});
}
