// @ts-check
/**
 * What the tests of polling.mjs share: the workflows (the BILL Polling Trigger on bills and on
 * Spend & Expense, the two webhook triggers), BILL as someone working there uses it, and an n8n
 * session (start, restart, wait for executions) around them.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { RUNTIME_DIR } from '../../scripts/n8n-runtime.mjs';
import { adminSessionId, day, subscriptionInStaticData } from '../../scripts/lib/e2e.mjs';
import { SPEND_API_TOKEN, SPEND_CREDENTIAL } from '../../scripts/lib/spend.mjs';
import { CREDENTIAL, restClient, startN8nServer } from '../../scripts/lib/stack.mjs';
import { check } from '../../scripts/lib/testkit.mjs';

export const POLL_BILLS = 'billcomE2EPollB';
export const POLL_SPEND = 'billcomE2EPollS';
export const HOOK_BILL = 'billcomE2EHookB'; // ids of at most 16 characters: n8n 1.x saves no static data for longer ones (2.x: 21)
export const HOOK_SPEND = 'billcomE2EHookS';
// n8n refuses poll times under a minute ("The polling interval is too short").
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };
export const sleep = (ms) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

function workflow(id, name, node) {
	return {
		id,
		name,
		active: false,
		nodes: [{ id: 'trigger', position: [0, 0], typeVersion: 1, ...node }],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const billCredential = { billApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
const spendCredential = { billSpendApi: { id: SPEND_CREDENTIAL.id, name: SPEND_CREDENTIAL.name } };

export const WORKFLOWS = [
	workflow(POLL_BILLS, 'e2e: BILL polling (bills, received payments)', {
		name: 'BILL Polling Trigger',
		type: 'n8n-nodes-billcom.billPollingTrigger',
		parameters: { pollTimes: EVERY_MINUTE, events: ['billUpdated', 'paymentReceived'] },
		credentials: billCredential,
	}),
	workflow(POLL_SPEND, 'e2e: BILL polling (Spend transactions)', {
		name: 'BILL Polling Trigger',
		type: 'n8n-nodes-billcom.billPollingTrigger',
		parameters: {
			pollTimes: EVERY_MINUTE,
			authentication: 'billSpendApi',
			spendEvents: ['spendTransactionUpdated'],
		},
		credentials: spendCredential,
	}),
	workflow(HOOK_BILL, 'e2e: BILL Trigger across a restart', {
		name: 'BILL Trigger',
		type: 'n8n-nodes-billcom.billTrigger',
		webhookId: '0d6a1f53-8a8e-4f62-9d36-3c1b4a7e2f10',
		parameters: { events: ['bill.created'] },
		credentials: billCredential,
	}),
	workflow(HOOK_SPEND, 'e2e: BILL Spend & Expense Trigger across a restart', {
		name: 'BILL Spend & Expense Trigger',
		type: 'n8n-nodes-billcom.billSpendTrigger',
		webhookId: '7e2c9b41-3f5d-4a68-b1c7-9d0e8f6a5b32',
		parameters: { events: ['spend.transaction.updated'] },
		credentials: spendCredential,
	}),
];

/** BILL as someone working there uses it: AP/AR with the administrator's own login, S&E with its token. */
function billUser(emulator) {
	let session;
	const f = emulator.fixtures;
	const call = async (method, url, body, headers) => {
		const response = await fetch(url, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = await response.json();
		check(response.ok, `BILL ${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
	const ap = async (method, path, body, host = emulator.baseUrl) => {
		session ??= await adminSessionId(emulator);
		return await call(method, `${host}${path}`, body, { devKey: f.devKey, sessionId: session });
	};
	return {
		ap,
		events: (method, path, body) =>
			ap(method, path, body, emulator.baseUrl.replace(/\/connect$/, '/connect-events')),
		spend: (method, path, body) =>
			call(method, `${emulator.baseUrl}${path}`, body, { apiToken: SPEND_API_TOKEN }),
	};
}

/** n8n's finished executions of a workflow, and the output of one (its trigger's items). */
function executionsIn(rest) {
	const flatted = createRequire(join(RUNTIME_DIR, 'n8n', 'node_modules', 'n8n', 'package.json'))(
		'flatted',
	);
	const finished = async (id) =>
		(
			(
				await rest.call(
					'GET',
					`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: id }))}`,
				)
			)?.results ?? []
		).filter((e) => e.status && !['new', 'running', 'waiting'].includes(e.status));
	const items = async (execution, node) => {
		const full = await rest.call('GET', `/executions/${execution.id}`);
		const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
		return (data?.resultData?.runData?.[node]?.at(-1)?.data?.main?.[0] ?? []).map((i) => i.json);
	};
	return { finished, items };
}

/**
 * n8n started and restarted on the same user folder, with helpers that wait for its executions,
 * make bills in BILL and wait for the webhook triggers' subscriptions.
 * @param {{ env: any, emulator: any, n8nPort: number }} ctx
 */
export async function pollingSession(ctx) {
	const { env, emulator, n8nPort } = ctx;
	const serverEnv = { ...env, WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/` };
	const bill = billUser(emulator);
	/** @type {any} */
	let server;
	let rest;
	const start = async () => {
		server = await startN8nServer(serverEnv, n8nPort, {
			output: process.env.POLLING_E2E_N8N_OUTPUT ? 'inherit' : 'ignore',
		});
		rest = restClient(server.base);
		check((await rest.ownerSession()).loggedIn, 'could not log in to n8n');
	};
	const restart = async () => {
		await server.stop();
		await start();
	};
	const runs = () => executionsIn(rest);
	/** Waits until `id` has `count` finished executions (up to 150 s); returns them, newest first. */
	const until = async (id, count) => {
		const deadline = Date.now() + 150_000;
		for (;;) {
			const list = await runs().finished(id);
			if (list.length >= count) return list;
			if (Date.now() > deadline)
				throw new Error(`${id}: ${list.length} finished executions after 150 s, wanted ${count}`);
			await sleep(500);
		}
	};
	/** Waits past the next poll and says how many executions there are then. */
	const settled = async (id) => {
		await sleep(65_000);
		return (await runs().finished(id)).length;
	};
	const pollingItems = async (execution) => await runs().items(execution, 'BILL Polling Trigger');
	const activate = async (id) => {
		const stored = await rest.call('GET', `/workflows/${id}`);
		await rest.call('POST', `/workflows/${id}/activate`, { versionId: stored.versionId });
	};
	const vendorId = (await emulator.control('GET', '/state/vendors'))[0].id;
	let made = 0;
	const newBill = (amount) => ({
		vendorId,
		invoice: { invoiceNumber: `E2E-POLL-${Date.now()}-${++made}`, invoiceDate: day(0) },
		dueDate: day(5),
		billLineItems: [{ amount, description: 'polled' }],
	});
	const billsRead = async () =>
		(await emulator.control('GET', '/stats')).requests['GET /v3/bills'] ?? 0;

	const subscriptionOf = async (id, control) => {
		let list = [];
		const deadline = Date.now() + 30_000;
		while (!list.length && Date.now() < deadline) {
			list = (await emulator.control('GET', control)).filter((s) =>
				String(s.notificationUrl).startsWith(`http://127.0.0.1:${n8nPort}/${'webhook'}/`),
			);
			if (!list.length) await sleep(250);
		}
		check(list.length === 1, `${id}: one subscription pointing at this n8n, not ${list.length}`);
		return list[0];
	};
	let pollBillsActive = false;
	const keysKept = async (id, node, subscriptionId) => {
		const deadline = Date.now() + 60_000;
		for (;;) {
			const shown = await subscriptionInStaticData({ rest, workflowId: id, nodeName: node });
			if (shown === 'not shown') return await sleep(10_000); // not shown by this n8n's REST API
			if (shown === subscriptionId) return;
			if (Date.now() > deadline)
				throw new Error(`${id}: n8n's static data does not hold subscription ${subscriptionId}`);
			await sleep(500);
		}
	};
	return {
		bill,
		emulator,
		get server() {
			return server;
		},
		start,
		restart,
		runs,
		until,
		settled,
		pollingItems,
		activate,
		newBill,
		billsRead,
		subscriptionOf,
		keysKept,
	};
}
