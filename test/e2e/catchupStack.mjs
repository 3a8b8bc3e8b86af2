// @ts-check
/**
 * What the catch-up tests (catchup.mjs) work with: n8n started and stopped with its log kept,
 * its executions of the trigger workflow and the bill each ran with, BILL as its administrator
 * uses it (bills in bulk, the events API), and the emulator's view of the subscription.
 */
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { RUNTIME_DIR } from '../../scripts/n8n-runtime.mjs';
import { adminSessionId, day } from '../../scripts/lib/e2e.mjs';
import { restClient, startN8nServer } from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';

/** The trigger workflow's id (at most 21 characters: n8n saves no static data for longer ids). */
export const HOOK = 'billcomE2ECatchUp';
/** The trigger node's name. */
export const NODE = 'BILL Trigger';
/** Waits `ms` milliseconds. */
export const sleep = (/** @type {number} */ ms) =>
	new Promise((resolveWait) => setTimeout(resolveWait, ms));

/**
 * @typedef {import('../../scripts/lib/stack.mjs').Emulator} Emulator
 * @typedef {{ test: (name: string, fn: () => unknown) => Promise<unknown> | undefined, record: (name: string, status: string, detail?: string) => unknown, env: NodeJS.ProcessEnv, emulator: Emulator, workdir: string, n8nPort: number }} CatchupContext
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
/**
 * n8n of these tests, started and stopped (its log in `<workdir>/catchup-n8n.log`), what it runs,
 * and BILL as seen from the emulator.
 * @param {CatchupContext} ctx
 */
export async function catchupStack(ctx) {
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

/** Polls `read` until `done(value)` (up to 60 s); returns the value, or fails naming what it waited for. */
export async function waitFor(read, /** @type {(value: any) => boolean} */ done, what) {
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
export async function waitForSubscription(subscription, rest) {
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
