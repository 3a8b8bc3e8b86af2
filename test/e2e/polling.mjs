#!/usr/bin/env node
/**
 * Issue 31 end to end, in `n8n start` with the workflows active:
 * - the BILL Polling Trigger, polling every minute (n8n's shortest): 3 bills → 3 executions, one bill updated → 1,
 *   n8n restarted → nothing repeats, 120 bills made while n8n was down → 120 items each once over
 *   pages, a payment recorded against an invoice → 1 "payment received", a Spend & Expense
 *   transaction updated → 1;
 * - both webhook triggers: an event delivered and run, n8n restarted, the same event delivered
 *   again → no second execution (the accepted event IDs in the workflow's static data).
 * Part of run.mjs (pollingTests); also runs alone: `node test/e2e/polling.mjs`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { RUNTIME_DIR, n8nEnv, prepareRuntime } from '../../scripts/n8n-runtime.mjs';
import { installPackage } from '../../scripts/lib/package.mjs';
import { adminSessionId, day, importAll } from '../../scripts/lib/e2e.mjs';
import {
	SPEND_API_TOKEN,
	SPEND_CREDENTIAL,
	spendEmulatorCredential,
} from '../../scripts/lib/spend.mjs';
import {
	CREDENTIAL,
	emulatorCredential,
	freePort,
	restClient,
	startEmulatorProcess,
	startN8nServer,
} from '../../scripts/lib/stack.mjs';
import { check, equal, suite } from '../../scripts/lib/testkit.mjs';

const POLL_BILLS = 'billcomE2EPollBills';
const POLL_SPEND = 'billcomE2EPollSpend';
const HOOK_BILL = 'billcomE2EHookBill'; // ids of at most 21 characters: n8n saves no static data for longer ones
const HOOK_SPEND = 'billcomE2EHookSpend';
// n8n refuses poll times under a minute ("The polling interval is too short").
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };
const sleep = (ms) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

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

const WORKFLOWS = [
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

/** `ctx`: test, env, emulator, workdir, n8nPort (run.mjs, or main below). */
export async function pollingTests(ctx) {
	const { env, emulator, workdir, n8nPort } = ctx;
	// POLLING_E2E_ONLY=text: only the tests whose title has it (and those they need), when run alone.
	const only = process.env.POLLING_E2E_ONLY?.split(',');
	const test = (title, body) =>
		!only || only.some((part) => title.includes(part)) || title.includes('n8n start with')
			? ctx.test(title, body)
			: undefined;
	await importAll(env, workdir, 'polling', {
		credentials: [emulatorCredential(emulator), spendEmulatorCredential(emulator)],
		workflows: WORKFLOWS,
	});
	const serverEnv = { ...env, WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/` };
	const bill = billUser(emulator);
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

	await test('polling: n8n start with the polling and webhook trigger workflows imported', async () => {
		await start();
	});
	if (!server) return;
	try {
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
				const staticData = (await rest.call('GET', `/workflows/${id}`))?.staticData;
				const data = typeof staticData === 'string' ? JSON.parse(staticData) : staticData;
				if (data === undefined) return await sleep(10_000); // not shown by this n8n's REST API
				if (data?.[`node:${node}`]?.subscriptionId === subscriptionId) return;
				if (Date.now() > deadline)
					throw new Error(`${id}: n8n's static data does not hold subscription ${subscriptionId}`);
				await sleep(500);
			}
		};
		let billEvent;
		let spendEvent;
		let transaction;

		await test('polling: 3 bills made one after another → 3 executions, each with its bill once; one bill updated → 1; a poll without changes reads each list once', async () => {
			await activate(POLL_BILLS); // n8n polls once at activation: from now on
			pollBillsActive = true;
			await sleep(3_000);
			equal((await runs().finished(POLL_BILLS)).length, 0, 'executions right after activation');
			const bills = [];
			for (let i = 1; i <= 3; i++) {
				bills.push(await bill.ap('POST', '/v3/bills', newBill(i * 10)));
				const [latest] = await until(POLL_BILLS, i);
				equal(
					(await pollingItems(latest)).map((item) => [item.event, item.id]),
					[['billUpdated', bills[i - 1].id]],
					`items of execution ${i}`,
				);
			}
			await bill.ap('PATCH', `/v3/bills/${bills[1].id}`, { description: 'changed in BILL' });
			const [latest] = await until(POLL_BILLS, 4);
			equal(
				(await pollingItems(latest)).map((i) => i.id),
				[bills[1].id],
				'items after the update',
			);
			const before = await billsRead();
			equal(await settled(POLL_BILLS), 4, 'executions a poll later');
			const idle = (await billsRead()) - before;
			check(idle >= 1 && idle <= 2, `GET /v3/bills in one idle minute: ${idle}`);
			return `3 + 1 executions, each bill once; a poll without changes: ${idle} GET /v3/bills (and 1 GET /v3/receivable-payments)`;
		});

		await test('webhook triggers and Spend polling: a bill (BILL Trigger) and a Spend transaction update (Spend Trigger and BILL Polling Trigger) each run once', async () => {
			await activate(POLL_SPEND);
			await activate(HOOK_BILL);
			await activate(HOOK_SPEND);
			const billSubscription = await subscriptionOf(HOOK_BILL, '/state/subscriptions');
			const spendSubscription = await subscriptionOf(HOOK_SPEND, '/spend/subscriptions');
			// n8n writes the signing keys into its database when activation ends (after answering
			// the activation): a delivery before that cannot be verified. Wait until it holds them.
			await keysKept(HOOK_BILL, 'BILL Trigger', billSubscription.id);
			await keysKept(HOOK_SPEND, 'BILL Spend & Expense Trigger', spendSubscription.id);
			const made = await bill.ap('POST', '/v3/bills', newBill(77));
			await until(HOOK_BILL, 1).catch(async (error) => {
				const events = (await emulator.control('GET', '/state/events')).filter(
					(e) => e.subscriptionId === billSubscription.id,
				);
				throw new Error(
					`${error.message}; BILL's events for the subscription: ${JSON.stringify(events.map((e) => [e.type, e.statusCode]))}, subscription ${JSON.stringify(billSubscription)}`,
				);
			});
			const history = await bill.events('GET', `/v3/events/subscription/${billSubscription.id}`);
			billEvent = (history.results ?? history).find((e) => String(e.payload).includes(made.id));
			check(billEvent, `the event of bill ${made.id} in BILL's event history`);
			[transaction] = (await bill.spend('GET', '/v3/spend/transactions?max=1')).results;
			const budgets = (await bill.spend('GET', '/v3/spend/budgets?max=100')).results;
			const other = budgets.find((b) => b.uuid !== transaction.budgetUuid);
			await bill.spend('PUT', `/v3/spend/transactions/${transaction.uuid}`, {
				budgetId: other.uuid,
			});
			await until(HOOK_SPEND, 1);
			spendEvent = (await emulator.control('GET', '/spend/deliveries')).find(
				(d) => d.subscriptionId === spendSubscription.id && d.statusCode === 200,
			);
			check(spendEvent, 'the Spend delivery n8n answered');
			const [polled] = await until(POLL_SPEND, 1);
			equal(
				(await pollingItems(polled)).map((i) => [i.event, i.uuid]),
				[['spendTransactionUpdated', transaction.uuid]],
				'the Spend polling execution',
			);
			if (pollBillsActive) await until(POLL_BILLS, 5); // the BILL Trigger's bill, polled too
			return `BILL Trigger 1, Spend Trigger 1, Spend polling 1 (transaction ${transaction.uuid.slice(0, 8)}…)`;
		});

		await test('n8n restarted: both webhook events delivered again → no second execution; the polling triggers repeat nothing', async () => {
			const workflows = [HOOK_BILL, HOOK_SPEND, POLL_BILLS, POLL_SPEND];
			const counts = async () =>
				await Promise.all(workflows.map(async (id) => (await runs().finished(id)).length));
			const before = await counts();
			await restart();
			const resent = await bill.events(
				'POST',
				`/v3/events/subscription/${billEvent.subscriptionId}/event/${billEvent.id}`,
			);
			equal(resent.statusCode, 200, "n8n's answer to the BILL event sent again");
			await emulator.control('POST', '/spend/deliveries', { eventId: spendEvent.eventId });
			await sleep(70_000);
			const after = await counts();
			equal(
				after,
				before,
				'executions (BILL Trigger, Spend Trigger, bills polling, Spend polling)',
			);
			const again = (await emulator.control('GET', '/spend/deliveries')).find(
				(d) => d.eventId === spendEvent.eventId,
			);
			return `after the restart: BILL event answered ${resent.statusCode}, Spend event answered ${again?.statusCode}; executions ${after.join(', ')} as before`;
		});

		await test('polling: 120 bills made while n8n was down → 120 items, each once, over pages', async () => {
			const known = new Set((await runs().finished(POLL_BILLS)).map((e) => e.id));
			await server.stop();
			const ids = [];
			for (const size of [100, 20]) {
				const made = await bill.ap(
					'POST',
					'/v3/bills/bulk',
					Array.from({ length: size }, (_, i) => newBill(i + 1)),
				);
				ids.push(...made.map((b) => b.id));
			}
			const readsBefore = await billsRead();
			await start();
			await until(POLL_BILLS, known.size + 1);
			const reads = (await billsRead()) - readsBefore;
			await settled(POLL_BILLS);
			const after = (await runs().finished(POLL_BILLS)).filter((e) => !known.has(e.id));
			const items = (await Promise.all(after.map(pollingItems))).flat();
			equal(items.length, 120, 'items after the restart');
			equal(new Set(items.map((i) => i.id)).size, 120, 'different bills among them');
			check(
				ids.every((id) => items.some((i) => i.id === id)),
				'every bill made is among them',
			);
			return `${after.length} execution(s) with 120 items; ${reads} GET /v3/bills for the poll that found them`;
		});

		await test('polling: a payment recorded against an invoice → 1 "payment received" execution', async () => {
			const before = (await runs().finished(POLL_BILLS)).length;
			const invoice = await bill.ap('POST', '/v3/invoices', {
				customer: { name: 'E2E Polled Customer', email: 'polled@example.com' },
				invoiceNumber: `E2E-POLL-INV-${Date.now()}`,
				invoiceDate: day(0),
				dueDate: day(30),
				invoiceLineItems: [{ quantity: 1, price: 120 }],
			});
			await bill.ap('POST', '/v3/invoices/record-payment', {
				customerId: invoice.customerId,
				paymentDate: day(0),
				paymentType: 'CHECK',
				amount: 120,
				invoices: [{ id: invoice.id, amount: 120 }],
			});
			const [latest] = await until(POLL_BILLS, before + 1);
			equal(
				(await pollingItems(latest)).map((i) => [i.event, i.amount, i.customerId]),
				[['paymentReceived', 120, invoice.customerId]],
				'the execution',
			);
			equal(await settled(POLL_BILLS), before + 1, 'executions a poll later');
			return `1 execution: payment of $120 on invoice ${invoice.id}`;
		});
	} finally {
		await server?.stop();
	}
}

async function main() {
	const { test, writeResults } = suite('e2e-polling');
	prepareRuntime();
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-e2e-polling-'));
	const n8nPort = await freePort();
	const env = n8nEnv({
		userFolder: workdir,
		encryptionKey: randomBytes(24).toString('hex'),
		port: n8nPort,
		brokerPort: await freePort(),
	});
	installPackage(env); // as users install it (README → Install in your n8n)
	try {
		await pollingTests({ test, env, emulator, workdir, n8nPort });
	} finally {
		await emulator.stop();
		process.exitCode = writeResults().numFailedTests ? 1 : 0;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
