/** Recurring Invoice resource against the emulator: every operation, a re-run, refusals. */
import type { IDataObject } from 'n8n-workflow';

import { searchRecurringInvoices } from '../../../nodes/Bill/listSearch/recurringInvoices';
import { startEmulator, type Emulator } from '../../../emulator';
import { receivables } from '../../../emulator/receivables';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../harness/bill';
import { loadOptionsContext, type CredentialStore } from '../../harness/context';

let emulator: Emulator;
let credentials: CredentialStore;
let customerId: string;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(async () => {
	emulator.reset();
	credentials = billCredentials(emulator);
	const [customer] = await runBillOk(credentials, {
		resource: 'customer',
		operation: 'create',
		name: 'Tea Club',
		email: 'ap@tea.example',
	});
	customerId = String(customer.id);
});

const stored = () => [...receivables(emulator.state).recurringInvoices.values()];
const createParameters = (extra: IDataObject = {}) => ({
	resource: 'recurringInvoice',
	operation: 'create',
	customerId: byId(customerId),
	period: 'MONTHLY',
	frequency: 1,
	nextDueDate: '2026-12-31',
	endDate: '2027-11-01',
	daysInAdvance: 5,
	lineItems: { item: [{ description: 'Monthly subscription', quantity: 1, price: 19.99 }] },
	additionalFields: { description: 'Tea subscription' },
	...extra,
});

describe('Recurring Invoice', () => {
	it("creates a recurring invoice with BILL's schedule; a re-run returns it instead of a second one", async () => {
		const [recurring] = await runBillOk(credentials, createParameters());
		expect(recurring).toMatchObject({
			customerId,
			description: 'Tea subscription',
			schedule: {
				period: 'MONTHLY',
				frequency: 1,
				nextDueDate: '2026-12-31',
				endDate: '2027-11-01',
				daysInAdvance: 5,
			},
			alreadyExisted: false,
		});
		expect(recurring.id).toMatch(/^rit/);
		const [again] = await runBillOk(credentials, createParameters());
		expect(again).toMatchObject({ id: recurring.id, alreadyExisted: true });
		await runBillOk(credentials, createParameters({ period: 'YEARLY' }));
		await runBillOk(credentials, createParameters({ skipExisting: false }));
		expect(stored()).toHaveLength(3);
	});

	it('gets, lists, updates (schedule and a line by ID), replaces, archives and restores', async () => {
		const [recurring] = await runBillOk(credentials, createParameters());
		const id = String(recurring.id);
		const lineId = String((recurring.recurringInvoiceLineItems as IDataObject[])[0].id);
		const [got] = await runBillOk(credentials, {
			resource: 'recurringInvoice',
			operation: 'get',
			recurringInvoiceId: byId(id),
		});
		expect(got.id).toBe(id);
		const list = await runBillOk(credentials, {
			resource: 'recurringInvoice',
			operation: 'getMany',
			returnAll: true,
			filters: { customerId: byId(customerId) },
		});
		expect(list.map((r) => r.id)).toEqual([id]);
		const [updated] = await runBillOk(credentials, {
			resource: 'recurringInvoice',
			operation: 'update',
			recurringInvoiceId: byId(id),
			updateFields: { frequency: 3 },
			lineItems: {
				item: [{ id: lineId, description: 'Quarterly subscription', quantity: 1, price: 22.99 }],
			},
		});
		expect(updated).toMatchObject({
			schedule: { period: 'MONTHLY', frequency: 3 },
			recurringInvoiceLineItems: [{ id: lineId, amount: 22.99 }],
		});
		const [replaced] = await runBillOk(credentials, {
			...createParameters(),
			operation: 'replace',
			recurringInvoiceId: byId(id),
			lineItems: {
				item: [
					{ id: lineId, description: 'Sub', quantity: 1, price: 19.99 },
					{ description: 'Decaf tea', quantity: 1, price: 4.99 },
				],
			},
		});
		expect(replaced.recurringInvoiceLineItems).toHaveLength(2);
		const [archived] = await runBillOk(credentials, {
			resource: 'recurringInvoice',
			operation: 'archive',
			recurringInvoiceId: byId(id),
		});
		expect(archived.archived).toBe(true);
		const [restored] = await runBillOk(credentials, {
			resource: 'recurringInvoice',
			operation: 'restore',
			recurringInvoiceId: byId(id),
		});
		expect(restored.archived).toBe(false);
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const before = emulator.log.length;
		const cases: Array<[IDataObject, RegExp]> = [
			[createParameters({ nextDueDate: expr('') }), /Next Due Date: is required \[item 0\]/],
			[createParameters({ endDate: '2026-01-01' }), /End Date: is before the next due date/],
			[createParameters({ frequency: expr(1.5) }), /Every: must be a whole number of 1 or more/],
			[createParameters({ lineItems: { item: [] } }), /Line Items: add at least one line item/],
			[
				{
					resource: 'recurringInvoice',
					operation: 'get',
					recurringInvoiceId: byId(expr('00e02ABCDEFGHIJKLMNO')),
				},
				/Recurring Invoice: .* is not a BILL recurring invoice/,
			],
			[
				{
					resource: 'recurringInvoice',
					operation: 'update',
					recurringInvoiceId: byId('rit02ABCDEFGHIJKLMNO'),
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
	});

	it("passes BILL's refusal on with its code", async () => {
		const { error } = await runBill(credentials, {
			resource: 'recurringInvoice',
			operation: 'get',
			recurringInvoiceId: byId('rit02ABCDEFGHIJKLMNO'),
		});
		expect(error?.message).toMatch(/BDC_1121: Recurring invoice not found/);
	});

	it('searches recurring invoices by description for the resource locator', async () => {
		await runBillOk(credentials, createParameters());
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'recurringInvoice', operation: 'get' },
			credentials,
		});
		const found = await searchRecurringInvoices.call(context, 'tea');
		expect(found.results).toEqual([
			{
				name: 'Tea subscription · MONTHLY · next 2026-12-31',
				value: expect.stringMatching(/^rit/),
			},
		]);
	});
});
