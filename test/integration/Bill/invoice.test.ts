/**
 * Invoice and Received Payment resources, in-process against the emulator: every operation,
 * re-runs that create nothing twice, bad input, BILL's refusals, and invoice events in the
 * BILL Trigger.
 */
import type { IDataObject } from 'n8n-workflow';

import { emailPacing } from '../../../nodes/Bill/resources/invoice/sendEmail.operation';
import { searchInvoices } from '../../../nodes/Bill/listSearch/invoices';
import { searchReceivablePayments } from '../../../nodes/Bill/listSearch/receivablePayments';
import { startEmulator, type Emulator } from '../../../emulator';
import { receivables, receivablesSettings } from '../../../emulator/receivables';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../harness/bill';
import { loadOptionsContext, type CredentialStore } from '../../harness/context';
import { startTrigger } from '../../harness/trigger';

let emulator: Emulator;
let credentials: CredentialStore;
beforeAll(async () => {
	emulator = await startEmulator({ webhookAttempts: 2, webhookBackoffMs: 10 });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	receivablesSettings(emulator).duplicateInvoiceNumbers = 'allow';
	receivablesSettings(emulator).emailWindowMs = 60_000;
	credentials = billCredentials(emulator);
});

const ar = () => receivables(emulator.state);
const invoices = () => [...ar().invoices.values()];

async function newCustomer(name = 'Paperless Band', email = 'ap@paperless.example') {
	const [customer] = await runBillOk(credentials, {
		resource: 'customer',
		operation: 'create',
		name,
		email,
	});
	return String(customer.id);
}

const lines = {
	item: [
		{ description: 'Drum sticks', quantity: 2, price: 14.99 },
		{ description: 'Picks', quantity: 1, price: 50 },
	],
};

const createFor = (customerId: string, invoiceNumber: string, extra: IDataObject = {}) => ({
	resource: 'invoice',
	operation: 'create',
	customerMode: 'existing',
	customerId: byId(customerId),
	invoiceNumber,
	lineItems: lines,
	additionalFields: { invoiceDate: '2026-12-01', dueDate: '2026-12-31' },
	...extra,
});

describe('Invoice', () => {
	it('creates an invoice for an existing customer as BILL takes it (customer object, lines, dates), totals from BILL', async () => {
		const customerId = await newCustomer();
		const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		expect(invoice).toMatchObject({
			customerId,
			invoiceNumber: 'INV-1',
			totalAmount: 79.98,
			dueAmount: 79.98,
			status: 'OPEN',
			alreadyExisted: false,
		});
		expect(invoice.id).toMatch(/^00e/);
		const sent = emulator.requests({ method: 'POST', route: '/v3/invoices' });
		expect(sent).toHaveLength(1);
		expect(invoices()[0]).toMatchObject({ invoiceDate: '2026-12-01', dueDate: '2026-12-31' });
	});

	it('skips an invoice number the customer already has, on a re-run and within one run; off, it creates it again', async () => {
		const customerId = await newCustomer();
		const items = [{ n: 'INV-1' }, { n: 'inv-1 ' }, { n: 'INV-2' }];
		const first = await runBillOk(
			credentials,
			(_i, json) => createFor(customerId, String(json.n)),
			{ items },
		);
		expect(first.map((i) => i.alreadyExisted)).toEqual([false, true, false]);
		expect(first[1].id).toBe(first[0].id);
		const again = await runBillOk(
			credentials,
			(_i, json) => createFor(customerId, String(json.n)),
			{ items },
		);
		expect(again.map((i) => i.alreadyExisted)).toEqual([true, true, true]);
		expect(invoices()).toHaveLength(2);
		// One read of the customer's invoices per run.
		expect(emulator.requests({ method: 'GET', route: '/v3/invoices' })).toHaveLength(2);
		await runBillOk(credentials, createFor(customerId, 'INV-1', { skipExisting: false }));
		expect(invoices()).toHaveLength(3);
	});

	it("when BILL refuses a duplicate number itself (the emulator's other reading), the error is BILL's, with the item named", async () => {
		receivablesSettings(emulator).duplicateInvoiceNumbers = 'refuse';
		const customerId = await newCustomer();
		await runBillOk(credentials, createFor(customerId, 'INV-1'));
		const { error } = await runBill(
			credentials,
			createFor(customerId, 'INV-1', { skipExisting: false }),
		);
		expect(error?.message).toMatch(/BDC_1002: invoiceNumber: INV-1 already exists/);
		// With the default, nothing is sent and the existing invoice comes back.
		const [existing] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		expect(existing.alreadyExisted).toBe(true);
	});

	it('invoices a new customer by name and email: the existing customer with that email is used, else it is created once', async () => {
		const known = await newCustomer('Known', 'known@x.example');
		const items = [
			{ name: 'Known Inc', email: 'KNOWN@x.example', n: 'A-1' },
			{ name: 'Fresh', email: 'fresh@x.example', n: 'A-2' },
			{ name: 'Fresh', email: 'fresh@x.example', n: 'A-3' },
		];
		const parameters = (_i: number, json: IDataObject) => ({
			resource: 'invoice',
			operation: 'create',
			customerMode: 'new',
			customerName: String(json.name),
			customerEmail: String(json.email),
			invoiceNumber: String(json.n),
			lineItems: lines,
		});
		const output = await runBillOk(credentials, parameters, { items });
		expect(output[0].customerId).toBe(known);
		expect(output[2].customerId).toBe(output[1].customerId);
		expect(ar().customers.size).toBe(2);
		await runBillOk(credentials, parameters, { items });
		expect(ar().customers.size).toBe(2);
		expect(invoices()).toHaveLength(3);
		// Matching off: BILL's own { name, email } (a customer made with the invoice).
		await runBillOk(credentials, {
			...parameters(0, items[1]),
			matchCustomer: false,
			invoiceNumber: 'A-9',
		});
		const [, , , last] = emulator.requests({ method: 'POST', route: '/v3/invoices' });
		expect(last.status).toBe(201);
		expect(ar().customers.size).toBe(3);
	});

	it('gets, lists (filters, Return All), updates lines by ID, replaces, archives and restores', async () => {
		const customerId = await newCustomer();
		const other = await newCustomer('Other', 'o@x.example');
		const items = Array.from({ length: 105 }, (_, i) => ({ n: `N-${i}` }));
		await runBillOk(credentials, (_i, json) => createFor(customerId, String(json.n)), { items });
		const [mine] = await runBillOk(credentials, createFor(other, 'O-1'));
		const id = String(mine.id);
		const [got] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'get',
			invoiceId: byId(id),
		});
		expect(got.invoiceNumber).toBe('O-1');
		const all = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'getMany',
			returnAll: true,
			filters: { customerId: byId(customerId), statuses: ['OPEN'] },
		});
		expect(all).toHaveLength(105);
		const few = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'getMany',
			returnAll: false,
			limit: 3,
			sort: { sortBy: { field: 'invoiceNumber', direction: 'desc' } },
		});
		expect(few.map((i) => i.invoiceNumber)).toEqual(['O-1', 'N-99', 'N-98']);
		const lineId = String((got.invoiceLineItems as IDataObject[])[0].id);
		const [updated] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'update',
			invoiceId: byId(id),
			updateFields: { dueDate: '2027-01-15' },
			lineItems: { item: [{ id: lineId, description: 'Drum sticks', quantity: 2, price: 19.99 }] },
		});
		expect(updated).toMatchObject({ dueDate: '2027-01-15', totalAmount: 89.98 });
		expect(updated.invoiceLineItems).toHaveLength(2);
		const [replaced] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'replace',
			invoiceId: byId(id),
			customerId: byId(other),
			invoiceNumber: 'O-1',
			lineItems: {
				item: [
					{ id: lineId, description: 'Drum sticks', quantity: 1, price: 10 },
					{ description: 'Gloves', quantity: 1, price: 29.99 },
				],
			},
		});
		expect(replaced.totalAmount).toBe(39.99);
		expect((replaced.invoiceLineItems as IDataObject[]).map((l) => l.description)).toEqual([
			'Drum sticks',
			'Gloves',
		]);
		const [archived] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'archive',
			invoiceId: byId(id),
		});
		expect(archived.archived).toBe(true);
		const [restored] = await runBillOk(credentials, {
			resource: 'invoice',
			operation: 'restore',
			invoiceId: byId(id),
		});
		expect(restored.archived).toBe(false);
	});

	it('sends an invoice by email, replying to the signed-in user, and waits out the 5-a-minute limit', async () => {
		const customerId = await newCustomer();
		const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		receivablesSettings(emulator).emailWindowMs = 400;
		const saved = { ...emailPacing };
		emailPacing.waitMs = 450;
		try {
			const output = await runBillOk(
				credentials,
				{
					resource: 'invoice',
					operation: 'sendEmail',
					invoiceId: byId(String(invoice.id)),
					recipients: 'ap@paperless.example, boss@paperless.example',
				},
				{ items: Array.from({ length: 7 }, () => ({})) },
			);
			expect(output).toHaveLength(7);
			expect(output[0]).toMatchObject({
				sent: true,
				to: ['ap@paperless.example', 'boss@paperless.example'],
				replyToUserId: emulator.fixtures.admin.userId,
			});
			const sends = emulator.requests({ method: 'POST', route: '/v3/invoices/:invoiceId/email' });
			expect(sends.filter((r) => r.status === 200)).toHaveLength(7);
			expect(sends.filter((r) => r.code === 'BDC_1144').length).toBeGreaterThan(0);
		} finally {
			Object.assign(emailPacing, saved);
		}
	});

	it("gets a payment link, and for a customer connected in the BILL network passes BILL's refusal on with a hint", async () => {
		const customerId = await newCustomer();
		const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		const parameters = {
			resource: 'invoice',
			operation: 'getPaymentLink',
			invoiceId: byId(String(invoice.id)),
			email: 'shop@example.com',
			returnUrl: 'https://shop.example.com/thanks',
		};
		const [link] = await runBillOk(credentials, parameters);
		expect(link).toMatchObject({
			invoiceId: String(invoice.id),
			customerId,
			paymentLink: expect.stringMatching(/^https:/),
		});
		ar().connectedCustomers.add(customerId);
		const { error } = await runBill(credentials, parameters);
		expect(error?.message).toMatch(/connected to you in the BILL network/);
		expect((error as { description?: string }).description).toMatch(/Send by Email/);
	});

	it('records a payment received outside BILL; a re-run records nothing for invoices paid in full', async () => {
		const customerId = await newCustomer();
		const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		const parameters = {
			resource: 'invoice',
			operation: 'recordPayment',
			customerId: byId(customerId),
			paymentDate: '2026-12-05',
			paymentType: 'CREDIT_CARD',
			amount: 79.98,
			invoices: { invoice: [{ invoiceId: String(invoice.id), amount: 79.98 }] },
			description: 'Paid in store',
		};
		const [payment] = await runBillOk(credentials, parameters);
		expect(payment.id).toMatch(/^0rp/);
		expect(ar().invoices.get(String(invoice.id))).toMatchObject({
			dueAmount: 0,
			status: 'PAID_IN_FULL',
		});
		const [again] = await runBillOk(credentials, parameters);
		expect(again).toMatchObject({ alreadyPaid: true, invoiceIds: [invoice.id] });
		expect(ar().receivablePayments.size).toBe(1);
		// Received payments: picked from the list (by customer, amount and date).
		const received = await searchReceivablePayments.call(
			loadOptionsContext({
				node: billNode,
				parameters: { resource: 'receivablePayment', operation: 'get' },
				credentials,
			}),
			'Paperless',
		);
		expect(received.results).toEqual([
			{
				name: `${String(ar().customers.get(customerId)?.name)} · 79.98 · 2026-12-05`,
				value: payment.id,
			},
		]);
		// Received payments: Get and Get Many.
		const [got] = await runBillOk(credentials, {
			resource: 'receivablePayment',
			operation: 'get',
			receivablePaymentId: byId(String(payment.id)),
		});
		expect(got).toMatchObject({
			amount: 79.98,
			customerId,
			invoicePayments: [{ invoiceId: String(invoice.id), amount: 79.98 }],
		});
		const list = await runBillOk(credentials, {
			resource: 'receivablePayment',
			operation: 'getMany',
			returnAll: true,
			filters: { customerId: byId(customerId) },
		});
		expect(list.map((p) => p.id)).toEqual([payment.id]);
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const customerId = await newCustomer();
		const other = await newCustomer('Other', 'o@x.example');
		const [invoice] = await runBillOk(credentials, createFor(other, 'O-1'));
		const before = emulator.log.length;
		const cases: Array<[IDataObject, RegExp]> = [
			[
				createFor(customerId, 'X', { lineItems: { item: [] } }),
				/Line Items: add at least one line item \[item 0\]/,
			],
			[
				createFor(customerId, 'X', { lineItems: { item: [{ quantity: -1, price: 2 }] } }),
				/Line Items, line 1 → Quantity: must not be negative/,
			],
			[createFor(customerId, 'x'.repeat(101)), /Invoice Number: must be at most 100 characters/],
			[
				createFor(customerId, 'X', { additionalFields: { dueDate: 'soon' } }),
				/Due Date: "soon" is not a date/,
			],
			[
				{
					...createFor(customerId, 'X'),
					customerMode: 'new',
					customerName: 'N',
					customerEmail: 'nope',
				},
				/Customer Email: "nope" is not an email address/,
			],
			[
				{ resource: 'invoice', operation: 'get', invoiceId: byId(expr('0cu02ABCDEFGHIJKLMNO')) },
				/Invoice: .* is not a BILL invoice/,
			],
			[
				{
					resource: 'invoice',
					operation: 'sendEmail',
					invoiceId: byId(String(invoice.id)),
					recipients: 'a@x.example, nope',
				},
				/Recipients: "nope" is not an email address/,
			],
			[
				{
					resource: 'invoice',
					operation: 'getPaymentLink',
					invoiceId: byId(String(invoice.id)),
					email: 'a@x.example',
					returnUrl: 'ftp://x',
				},
				/Return URL: "ftp:\/\/x" is not an http\(s\) URL/,
			],
			[
				{
					resource: 'invoice',
					operation: 'recordPayment',
					customerId: byId(customerId),
					paymentDate: '2026-12-05',
					amount: 10,
					invoices: { invoice: [{ invoiceId: String(invoice.id), amount: 20 }] },
				},
				/Amount: 10 is less than the 20 applied/,
			],
			[
				{
					resource: 'invoice',
					operation: 'update',
					invoiceId: byId(String(invoice.id)),
					updateFields: {},
				},
				/Update Fields: add at least one field or line item/,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials, parameters as never);
			expect(error?.message).toMatch(message);
		}
		expect(emulator.log.slice(before).filter((r) => r.route !== '/v3/login')).toHaveLength(0);
		// An invoice of another customer: refused after reading it, before recording anything.
		const { error } = await runBill(credentials, {
			resource: 'invoice',
			operation: 'recordPayment',
			customerId: byId(customerId),
			paymentDate: '2026-12-05',
			amount: 10,
			invoices: { invoice: [{ invoiceId: String(invoice.id), amount: 10 }] },
		});
		expect(error?.message).toMatch(
			/Invoices: invoice 00e\w+ belongs to customer 0cu\w+, not 0cu\w+ \[item 0\]/,
		);
		expect(emulator.requests({ route: '/v3/invoices/record-payment' })).toHaveLength(0);
	});

	it("passes BILL's refusal on with its code; with Continue On Fail the other items go on", async () => {
		const customerId = await newCustomer();
		const output = await runBillOk(credentials, (_i, json) => createFor(String(json.c), 'INV-1'), {
			items: [{ c: '0cu02ABCDEFGHIJKLMNO' }, { c: customerId }],
			continueOnFail: true,
		});
		expect(output[0]).toMatchObject({ code: 'BDC_1121', httpCode: '404' });
		expect(output[1]).toMatchObject({ invoiceNumber: 'INV-1', alreadyExisted: false });
	});

	it('searches invoices by number for the resource locator', async () => {
		const customerId = await newCustomer();
		await runBillOk(credentials, createFor(customerId, 'INV-1'));
		await runBillOk(credentials, createFor(customerId, 'ZZ-2'));
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'invoice', operation: 'get' },
			credentials,
		});
		const found = await searchInvoices.call(context, 'zz-2');
		expect(found.results).toEqual([
			{ name: '#ZZ-2 · 79.98 · OPEN · due 2026-12-31', value: expect.stringMatching(/^00e/) },
		]);
	});

	it('invoice events reach the BILL Trigger signed, with the version as BILL sends it (a number)', async () => {
		const harness = await startTrigger({
			credentials,
			parameters: { events: ['invoice.created', 'invoice.updated'] },
		});
		try {
			await harness.activate();
			const customerId = await newCustomer();
			const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
			await emulator.waitForDeliveries(1);
			await emulator.deliveriesSettled();
			expect(emulator.deliveries.map((d) => [d.eventType, d.statusCode])).toEqual([
				['invoice.created', 200],
			]);
			const [[item]] = harness.executions;
			expect(item.metadata).toMatchObject({ eventType: 'invoice.created', version: 1 });
			expect(item.invoice).toMatchObject({
				id: invoice.id,
				invoiceNumber: 'INV-1',
				totalAmount: 79.98,
			});
		} finally {
			await emulator.deliveriesSettled();
			await harness.stop();
		}
	});
});
