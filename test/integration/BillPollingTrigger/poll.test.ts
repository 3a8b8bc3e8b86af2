/**
 * The BILL Polling Trigger against the emulator, as n8n's poll scheduler runs it (harness/poll.ts):
 * the first poll starts from now, each change once (the overlap window's repeats dropped), pages
 * read to the end, "once" events once per object, and a manual test returning the newest object.
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { seedDemoData } from '../../../emulator/seed';
import { seedSpendTransactions, spendData } from '../../../emulator/routes/spendState';
import { billCredentials } from '../../harness/bill';
import { PollHarness } from '../../harness/poll';
import { spendCredentials } from '../../harness/spend';

let emulator: Emulator;
let session = '';

beforeAll(async () => {
	emulator = await startEmulator({});
});
afterAll(async () => emulator.stop());
beforeEach(async () => {
	emulator.reset();
	seedDemoData(emulator);
	session = '';
});

async function bill(method: string, path: string, body?: unknown): Promise<IDataObject> {
	const f = emulator.fixtures;
	if (!session) {
		const login = await fetch(`${emulator.baseUrl}/v3/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				username: f.admin.username,
				password: f.admin.password,
				organizationId: f.organizationId,
				devKey: f.devKey,
			}),
		});
		session = ((await login.json()) as IDataObject).sessionId as string;
	}
	const response = await fetch(`${emulator.baseUrl}${path}`, {
		method,
		headers: { 'content-type': 'application/json', devKey: f.devKey, sessionId: session },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await response.json()) as IDataObject;
	if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

const vendorId = () => (emulator.state.vendors.values().next().value as IDataObject).id as string;

let made = 0;
const newBill = async (amount = 10) =>
	await bill('POST', '/v3/bills', {
		vendorId: vendorId(),
		invoice: { invoiceNumber: `POLL-${++made}`, invoiceDate: '2026-11-01' },
		dueDate: '2026-12-01',
		billLineItems: [{ amount, description: 'polled' }],
	});

const trigger = (parameters: IDataObject = {}) =>
	new PollHarness(billCredentials(emulator), { events: ['billUpdated'], ...parameters });

describe('BILL Polling Trigger', () => {
	it('starts from now: bills made before activation start nothing, each later bill once', async () => {
		await newBill();
		const poller = trigger();
		expect(await poller.poll()).toBeNull(); // activation's first poll
		const bills = [await newBill(1), await newBill(2), await newBill(3)];
		const first = await poller.poll();
		expect(first?.map((item) => item.id)).toEqual(bills.map((b) => b.id));
		expect(first?.every((item) => item.event === 'billUpdated')).toBe(true);
		// Simplify (on by default) as Get gives it: vendorName, no line items.
		expect(first?.[0]).toMatchObject({ vendorName: expect.any(String), amount: 1 });
		expect(first?.[0].billLineItems).toBeUndefined();
		// Inside the overlap window the same bills are listed again: dropped.
		expect(await poller.poll()).toBeNull();
		await bill('PATCH', `/v3/bills/${bills[1].id as string}`, { description: 'changed' });
		const second = await poller.poll();
		expect(second?.map((item) => item.id)).toEqual([bills[1].id]);
		expect(await poller.poll()).toBeNull();
	});

	it('reads every page: 120 bills between two polls are 120 items, each once', async () => {
		const poller = trigger();
		await poller.poll();
		for (let i = 0; i < 120; i++) await newBill(i + 1);
		const items = (await poller.poll()) ?? [];
		expect(items).toHaveLength(120);
		expect(new Set(items.map((i) => i.id)).size).toBe(120);
		expect(await poller.poll()).toBeNull();
		expect(poller.logs.some((l) => /0 change\(s\) with 1 call\(s\)/.test(l.message))).toBe(true);
	});

	it('the cursor lives in static data: a new harness on the stored data repeats nothing', async () => {
		const poller = trigger();
		await poller.poll();
		await newBill();
		expect(await poller.poll()).toHaveLength(1);
		const restarted = trigger();
		restarted.stored = JSON.parse(JSON.stringify(poller.stored)) as IDataObject;
		expect(await restarted.poll()).toBeNull();
	});

	it("n8n seeding the node's cursor again from the activation's (a restart): the copy in the workflow's static data keeps it from repeating", async () => {
		const poller = trigger();
		await poller.poll();
		const atActivation = structuredClone(poller.stored['node:BILL Polling Trigger']);
		await newBill();
		expect(await poller.poll()).toHaveLength(1);
		const restarted = trigger();
		restarted.stored = {
			...structuredClone(poller.stored),
			'node:BILL Polling Trigger': atActivation,
		};
		expect(await restarted.poll()).toBeNull();
	});

	it('bill paid in full: once per bill, not for unpaid bills', async () => {
		const poller = trigger({ events: ['billPaid', 'billUpdated'] });
		await poller.poll();
		const paid = await newBill(40);
		await newBill(50);
		await poller.poll(); // the two new bills (billUpdated)
		await bill('POST', '/v3/bills/record-payment', {
			vendorId: vendorId(),
			processDate: '2026-11-02',
			payments: [{ billId: paid.id, amount: 40 }],
		});
		const items = (await poller.poll()) ?? [];
		expect(items.filter((i) => i.event === 'billPaid').map((i) => i.id)).toEqual([paid.id]);
		await bill('PATCH', `/v3/bills/${paid.id as string}`, { description: 'after payment' });
		const later = (await poller.poll()) ?? [];
		expect(later.map((i) => i.event)).toEqual(['billUpdated']);
	});

	it('a payment recorded against an invoice: one "payment received" and one "invoice paid in full"', async () => {
		const poller = trigger({
			events: ['paymentReceived', 'invoicePaid', 'paymentStatusChanged'],
		});
		await poller.poll();
		const invoice = await bill('POST', '/v3/invoices', {
			customer: { name: 'Polled Customer', email: 'polled@example.com' },
			invoiceNumber: 'POLL-INV-1',
			invoiceDate: '2026-11-01',
			dueDate: '2026-12-01',
			invoiceLineItems: [{ quantity: 1, price: 75 }],
		});
		expect(await poller.poll()).toBeNull(); // an open invoice is none of these events
		await bill('POST', '/v3/invoices/record-payment', {
			customerId: invoice.customerId,
			paymentDate: '2026-11-03',
			paymentType: 'CHECK',
			amount: 75,
			invoices: [{ id: invoice.id, amount: 75 }],
		});
		const items = (await poller.poll()) ?? [];
		expect(items.map((i) => i.event).sort()).toEqual(['invoicePaid', 'paymentReceived']);
		expect(items.find((i) => i.event === 'paymentReceived')).toMatchObject({
			amount: 75,
			customerId: invoice.customerId,
		});
		expect(await poller.poll()).toBeNull();
	});

	it('a manual test returns the newest object and moves no cursor', async () => {
		await newBill(5);
		const newest = await newBill(6);
		const poller = trigger();
		const items = await poller.poll('manual');
		expect(items?.map((i) => i.id)).toEqual([newest.id]);
		expect(poller.stored).toEqual({});
	});

	it('Spend & Expense: an updated transaction once, with the Spend credential', async () => {
		seedSpendTransactions(emulator, 3);
		const poller = new PollHarness(spendCredentials(emulator), {
			authentication: 'billSpendApi',
			spendEvents: ['spendTransactionUpdated'],
		});
		expect(await poller.poll()).toBeNull();
		const transaction = [...spendData(emulator).transactions.values()][1];
		transaction.updatedTime = new Date().toISOString();
		const items = await poller.poll();
		expect(items?.map((i) => i.uuid)).toEqual([transaction.uuid]);
		expect(items?.[0].event).toBe('spendTransactionUpdated');
		expect(await poller.poll()).toBeNull();
	});
});
