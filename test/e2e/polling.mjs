// @ts-check
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { n8nEnv, prepareRuntime } from '../../scripts/n8n-runtime.mjs';
import { installPackage } from '../../scripts/lib/package.mjs';
import { day, importAll } from '../../scripts/lib/e2e.mjs';
import { spendEmulatorCredential } from '../../scripts/lib/spend.mjs';
import { emulatorCredential, freePort, startEmulatorProcess } from '../../scripts/lib/stack.mjs';
import { check, equal, suite } from '../../scripts/lib/testkit.mjs';
import {
	HOOK_BILL,
	HOOK_SPEND,
	POLL_BILLS,
	POLL_SPEND,
	WORKFLOWS,
	pollingSession,
	sleep,
} from './polling-kit.mjs';

/**
 * 3 bills → 3 executions, one updated → 1, an idle poll reads each list once.
 * @param {(title: string, body: () => unknown) => unknown} test
 * @param {Awaited<ReturnType<typeof pollingSession>>} s
 * @param {Record<string, any>} seen what one test leaves for the next
 */
async function newBillsOnePerExecution(test, s, seen) {
	const { bill, runs, until, settled, pollingItems, activate, newBill, billsRead } = s;
	await test('polling: 3 bills made one after another → 3 executions, each with its bill once; one bill updated → 1; a poll without changes reads each list once', async () => {
		await activate(POLL_BILLS); // n8n polls once at activation: from now on
		seen.pollBillsActive = true;
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
}

/**
 * A bill (BILL Trigger) and a Spend transaction update (Spend Trigger, Spend polling) each run once.
 * @param {(title: string, body: () => unknown) => unknown} test
 * @param {Awaited<ReturnType<typeof pollingSession>>} s
 * @param {Record<string, any>} seen what one test leaves for the next
 */
async function webhookAndSpendEvents(test, s, seen) {
	const { bill, emulator, until, pollingItems, activate, newBill, subscriptionOf, keysKept } = s;
	await test('webhook triggers and Spend polling: a bill (BILL Trigger) and a Spend transaction update (Spend Trigger and BILL Polling Trigger) each run once', async () => {
		let billEvent;
		let spendEvent;
		let transaction;
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
		if (seen.pollBillsActive) await until(POLL_BILLS, 5); // the BILL Trigger's bill, polled too
		Object.assign(seen, { billEvent, spendEvent });
		return `BILL Trigger 1, Spend Trigger 1, Spend polling 1 (transaction ${transaction.uuid.slice(0, 8)}…)`;
	});
}

/**
 * n8n restarted, both webhook events delivered again: no second execution.
 * @param {(title: string, body: () => unknown) => unknown} test
 * @param {Awaited<ReturnType<typeof pollingSession>>} s
 * @param {Record<string, any>} seen what one test leaves for the next
 */
async function restartRepeatsNothing(test, s, seen) {
	const { bill, emulator, restart, runs } = s;
	await test('n8n restarted: both webhook events delivered again → no second execution; the polling triggers repeat nothing', async () => {
		const { billEvent, spendEvent } = seen;
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
		equal(after, before, 'executions (BILL Trigger, Spend Trigger, bills polling, Spend polling)');
		const again = (await emulator.control('GET', '/spend/deliveries')).find(
			(d) => d.eventId === spendEvent.eventId,
		);
		return `after the restart: BILL event answered ${resent.statusCode}, Spend event answered ${again?.statusCode}; executions ${after.join(', ')} as before`;
	});
}

/**
 * 120 bills made while n8n was down: 120 items, each once, over pages.
 * @param {(title: string, body: () => unknown) => unknown} test
 * @param {Awaited<ReturnType<typeof pollingSession>>} s
 * @param {Record<string, any>} seen what one test leaves for the next
 */
async function billsMadeWhileDown(test, s, seen) {
	const { bill, start, restart, runs, until, settled, pollingItems, newBill, billsRead } = s;
	await test('polling: 120 bills made while n8n was down → 120 items, each once, over pages', async () => {
		const known = new Set((await runs().finished(POLL_BILLS)).map((e) => e.id));
		await s.server.stop();
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
}

/**
 * A payment recorded against an invoice: one "payment received" execution.
 * @param {(title: string, body: () => unknown) => unknown} test
 * @param {Awaited<ReturnType<typeof pollingSession>>} s
 * @param {Record<string, any>} seen what one test leaves for the next
 */
async function paymentReceived(test, s, seen) {
	const { bill, runs, until, settled, pollingItems } = s;
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
}

/**
 * The polling and webhook triggers in `n8n start`, the tests in order (each uses what the
 * earlier left).
 * @param {{ test: any, env: any, emulator: any, workdir: string, n8nPort: number }} ctx run.mjs's, or main's below
 */
export async function pollingTests(ctx) {
	const { env, emulator, workdir } = ctx;
	// POLLING_E2E_ONLY=text: only the tests whose title has it (and those they need), when run alone.
	const only = process.env.POLLING_E2E_ONLY?.split(',');
	/** @type {(title: string, body: () => unknown) => unknown} */
	const test = (title, body) =>
		!only || only.some((part) => title.includes(part)) || title.includes('n8n start with')
			? ctx.test(title, body)
			: undefined;
	await importAll(env, workdir, 'polling', {
		credentials: [emulatorCredential(emulator), spendEmulatorCredential(emulator)],
		workflows: WORKFLOWS,
	});
	const s = await pollingSession(ctx);
	await test('polling: n8n start with the polling and webhook trigger workflows imported', async () => {
		await s.start();
	});
	if (!s.server) return;
	const seen = {};
	try {
		for (const step of [
			newBillsOnePerExecution,
			webhookAndSpendEvents,
			restartRepeatsNothing,
			billsMadeWhileDown,
			paymentReceived,
		])
			await step(test, s, seen);
	} finally {
		await s.server?.stop();
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
		extensions: undefined,
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
