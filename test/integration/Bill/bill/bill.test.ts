/**
 * Bill resource, in-process against the emulator: create, get, get many, update, replace,
 * archive, restore, record payment and the bill search list; what BILL receives and what it
 * holds afterwards. Create Many, bad input and failures are in bill-createMany/bill-input.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { searchBills } from '../../../../nodes/Bill/listSearch/bills';
import { startEmulator, type Emulator } from '../../../../emulator';
import { seedBills } from '../../../../emulator/routes/bills';
import type { Json } from '../../../../emulator/state';
import { billCredentials, billNode, byId, runBill, runBillOk } from '../../../harness/bill';
import { loadOptionsContext, type CredentialStore } from '../../../harness/context';

let emulator: Emulator;
/** Bodies BILL received, by route: each handler is wrapped once, before any test. */
const received: Array<{ method: string; route: string; body: unknown }> = [];
beforeAll(async () => {
	emulator = await startEmulator();
	for (const route of emulator.routes) {
		const handler = route.handler;
		route.handler = (context) => {
			received.push({ method: context.method, route: route.pattern, body: context.body });
			return handler(context);
		};
	}
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	received.length = 0;
});

const bodiesOf = (method: string, route: string) =>
	received.filter((r) => r.method === method && r.route === route).map((r) => r.body as Json);

async function makeVendor(
	credentials: CredentialStore,
	name: string,
	billCurrency = 'USD',
): Promise<string> {
	const [vendor] = await runBillOk(credentials, {
		resource: 'vendor',
		operation: 'create',
		name,
		accountType: 'BUSINESS',
		email: 'ap@vendor.example',
		phone: '+1 408 555 0100',
		address: {
			line1: '1 Main St',
			city: 'San Jose',
			stateOrProvince: 'CA',
			zipOrPostalCode: '95113',
			country: 'US',
		},
		payeeName: name,
		billCurrency,
	});
	return vendor.id as string;
}

const createParameters = (vendorId: string, invoiceNumber: string, extra: IDataObject = {}) => ({
	resource: 'bill',
	operation: 'create',
	vendorId: byId(vendorId),
	invoiceNumber,
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	lineItemsInput: 'fields',
	lineItems: {
		lineItem: [
			{ pricedBy: 'amount', amount: 149, description: 'USB audio interface' },
			{ pricedBy: 'quantityPrice', quantity: 2, price: 79.99, description: 'Drum foot pedal' },
		],
	},
	...extra,
});

describe('Bill: create', () => {
	it('creates a bill from the line-item fields (amount, quantity × price) with the vendor picked from the list', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [bill] = await runBillOk(
			credentials,
			createParameters(vendorId, 'INV-1001', {
				vendorId: {
					__rl: true,
					mode: 'list',
					value: vendorId,
					cachedResultName: 'San Jose Music Supplies',
				},
				additionalFields: {
					description: 'November order',
					purchaseOrderNumber: 'PO-77',
					payFromChartOfAccountId: '0ca02ABCDEFGHIJKLMNO',
					classifications: { departmentId: '0de02ABCDEFGHIJKLMNO' },
				},
			}),
		);
		expect(bill).toMatchObject({
			alreadyExisted: false,
			amount: 308.98,
			dueAmount: 308.98,
			paidAmount: 0,
			paymentStatus: 'UNPAID',
			approvalStatus: 'UNASSIGNED',
		});
		expect(bill.vendorName).toBeUndefined(); // BILL's create answer has no vendorName; Get has it
		expect(bill.id).toMatch(/^00n02[0-9A-Za-z]{15}$/);
		const [sent] = bodiesOf('POST', '/v3/bills');
		expect(sent).toEqual({
			vendorId,
			invoice: { invoiceNumber: 'INV-1001', invoiceDate: '2026-11-01' },
			dueDate: '2026-12-01',
			billLineItems: [
				{ amount: 149, description: 'USB audio interface' },
				{ quantity: 2, price: 79.99, description: 'Drum foot pedal' },
			],
			description: 'November order',
			purchaseOrderNumber: 'PO-77',
			payFromChartOfAccountId: '0ca02ABCDEFGHIJKLMNO',
			classifications: { departmentId: '0de02ABCDEFGHIJKLMNO' },
		});
		const stored = emulator.state.bills.get(bill.id as string)!;
		expect(stored.billLineItems).toEqual([
			expect.objectContaining({ amount: 149, id: expect.stringMatching(/^bli02/) }),
			expect.objectContaining({ amount: 159.98, quantity: 2, price: 79.99 }),
		]);
		expect(stored.purchaseOrderNumber).toBe('PO-77');
	});

	it('takes line items as JSON built upstream', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'Harbor Freight');
		const lines = [
			{ amount: '12.50', description: 'Pallet' },
			{ quantity: 3, price: 0.333 },
			{ amount: 5, classifications: { jobId: 'job02ABCDEFGHIJKLMNO' } },
		];
		const [bill] = await runBillOk(
			credentials,
			createParameters(vendorId, 'HF-1', {
				lineItemsInput: 'json',
				lineItemsJson: JSON.stringify(lines),
				lineItems: {},
			}),
		);
		expect(bodiesOf('POST', '/v3/bills')[0].billLineItems).toEqual([
			{ amount: 12.5, description: 'Pallet' },
			{ quantity: 3, price: 0.333 },
			{ amount: 5, classifications: { jobId: 'job02ABCDEFGHIJKLMNO' } },
		]);
		// 3 × 0.333 = 0.999 → 1.00 (BILL rounds the computed amount to cents)
		expect(bill.amount).toBe(18.5);
		expect(emulator.state.bills.get(bill.id as string)!.amount).toBe(18.5);
	});

	it('re-running a create with the same invoice numbers creates nothing twice (alreadyExisted)', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'Maple Leaf Printing');
		const items = [{ n: 'A-1' }, { n: 'A-2' }, { n: 'a-1 ' }];
		const parameters = (_i: number, json: IDataObject) =>
			createParameters(vendorId, json.n as string);
		const first = await runBillOk(credentials, parameters, { items });
		expect(first.map((b) => b.alreadyExisted)).toEqual([false, false, true]);
		expect(first[2].id).toBe(first[0].id);
		expect(emulator.state.bills.size).toBe(2);
		const again = await runBillOk(credentials, parameters, { items });
		expect(again.map((b) => b.alreadyExisted)).toEqual([true, true, true]);
		expect(again.map((b) => b.id)).toEqual(first.map((b) => b.id));
		expect(emulator.state.bills.size).toBe(2);
		expect(emulator.requests({ method: 'POST', route: '/v3/bills' })).toHaveLength(2);
	});

	it('creates a second bill with the same invoice number when "Skip Existing" is off (BILL does not refuse it)', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'Maple Leaf Printing');
		await runBillOk(credentials, createParameters(vendorId, 'DUP-1'));
		const [second] = await runBillOk(
			credentials,
			createParameters(vendorId, 'DUP-1', { skipExisting: false }),
		);
		expect(second.alreadyExisted).toBeUndefined();
		expect(emulator.state.bills.size).toBe(2);
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(1);
	});

	it('an archived bill does not count as existing', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'Maple Leaf Printing');
		const [bill] = await runBillOk(credentials, createParameters(vendorId, 'ARC-1'));
		await runBillOk(credentials, {
			resource: 'bill',
			operation: 'archive',
			billId: byId(bill.id as string),
		});
		const [again] = await runBillOk(credentials, createParameters(vendorId, 'ARC-1'));
		expect(again.alreadyExisted).toBe(false);
		expect(again.id).not.toBe(bill.id);
	});

	it("gives a non-USD vendor's bill its amount in local currency with the exchange rate and USD funding amount", async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'Maple Leaf Printing', 'CAD');
		const [bill] = await runBillOk(
			credentials,
			createParameters(vendorId, 'CAD-1', {
				lineItems: { lineItem: [{ pricedBy: 'amount', amount: 138 }] },
			}),
		);
		expect(bill).toMatchObject({ amount: 138, exchangeRate: 1.38, fundingAmount: 100 });
		const [simple] = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'get',
			billId: byId(bill.id as string),
			simplify: true,
		});
		expect(simple).toEqual({
			id: bill.id,
			vendorId,
			vendorName: 'Maple Leaf Printing',
			invoiceNumber: 'CAD-1',
			invoiceDate: '2026-11-01',
			dueDate: '2026-12-01',
			amount: 138,
			dueAmount: 138,
			paidAmount: 0,
			paymentStatus: 'UNPAID',
			approvalStatus: 'UNASSIGNED',
			archived: false,
			exchangeRate: 1.38,
			fundingAmount: 100,
		});
	});
});

describe('Bill: get, update, replace, archive, restore', () => {
	it('gets a bill with its line items and amounts', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [created] = await runBillOk(credentials, createParameters(vendorId, 'G-1'));
		const [got] = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'get',
			billId: byId(created.id as string),
		});
		expect(got).toMatchObject({
			id: created.id,
			amount: 308.98,
			vendorName: 'San Jose Music Supplies',
			invoice: { invoiceNumber: 'G-1' },
		});
		expect(got.billLineItems).toHaveLength(2);
	});

	it('updates fields and one line item by its id, leaving the other line items as they are', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [created] = await runBillOk(credentials, createParameters(vendorId, 'U-1'));
		const [first, second] = created.billLineItems as Json[];
		const [updated] = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'update',
			billId: byId(created.id as string),
			updateFields: {
				dueDate: '2026-12-15T00:00:00.000Z',
				description: 'Corrected',
				invoiceNumber: 'U-1b',
			},
			lineItemChanges: {
				lineItem: [
					{
						id: String(second.id),
						pricedBy: 'quantityPrice',
						quantity: 3,
						price: 79.99,
						description: 'Three pedals',
					},
				],
			},
		});
		const [sent] = bodiesOf('PATCH', '/v3/bills/:billId');
		expect(sent).toEqual({
			invoice: { invoiceNumber: 'U-1b' },
			dueDate: '2026-12-15',
			description: 'Corrected',
			billLineItems: [{ id: second.id, quantity: 3, price: 79.99, description: 'Three pedals' }],
		});
		expect(updated).toMatchObject({
			amount: 388.97,
			dueDate: '2026-12-15',
			description: 'Corrected',
			invoice: { invoiceNumber: 'U-1b', invoiceDate: '2026-11-01' },
		});
		const stored = emulator.state.bills.get(created.id as string)!;
		expect(stored.billLineItems).toEqual([
			first,
			{ ...second, quantity: 3, price: 79.99, amount: 239.97, description: 'Three pedals' },
		]);
	});

	it("shows BILL's error for a line item id that is not on the bill", async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [created] = await runBillOk(credentials, createParameters(vendorId, 'U-2'));
		const { error } = await runBill(credentials, {
			resource: 'bill',
			operation: 'update',
			billId: byId(created.id as string),
			lineItemChanges: {
				lineItem: [{ id: 'bli02NOTONTHISBILL01', pricedBy: 'amount', amount: 5 }],
			},
		});
		expect(error?.message).toMatch(/BDC_1002.*billLineItems\[0\]\.id/);
		expect(emulator.state.bills.get(created.id as string)!.amount).toBe(308.98);
	});

	it('replaces a bill: keeps line items by id, adds new ones, removes the ones left out', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [created] = await runBillOk(
			credentials,
			createParameters(vendorId, 'R-1', { additionalFields: { purchaseOrderNumber: 'PO-1' } }),
		);
		const [kept, dropped] = created.billLineItems as Json[];
		const [replaced] = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'replace',
			billId: byId(created.id as string),
			vendorId: byId(vendorId),
			invoiceNumber: 'R-1',
			invoiceDate: '2026-11-02',
			dueDate: '2026-12-31',
			lineItemsInput: 'fields',
			lineItems: {
				lineItem: [
					{
						id: String(kept.id),
						pricedBy: 'amount',
						amount: 179,
						description: 'USB audio interface (new price)',
					},
					{ pricedBy: 'amount', amount: 29.99, description: 'Premium drummer gloves' },
				],
			},
		});
		expect(bodiesOf('PUT', '/v3/bills/:billId')[0].billLineItems).toEqual([
			{ id: kept.id, amount: 179, description: 'USB audio interface (new price)' },
			{ amount: 29.99, description: 'Premium drummer gloves' },
		]);
		const lines = replaced.billLineItems as Json[];
		expect(lines.map((l) => l.id)).toContain(kept.id);
		expect(lines.map((l) => l.id)).not.toContain(dropped.id);
		expect(lines).toHaveLength(2);
		expect(replaced).toMatchObject({
			amount: 208.99,
			dueDate: '2026-12-31',
			invoice: { invoiceDate: '2026-11-02' },
		});
		// A replace, not a merge: the purchase order number left out is gone.
		expect(emulator.state.bills.get(created.id as string)!.purchaseOrderNumber).toBeUndefined();
	});

	it("replaces line items given as JSON, and changes a line item's description only, keeping its price", async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [created] = await runBillOk(credentials, createParameters(vendorId, 'RJ-1'));
		const [kept] = created.billLineItems as Json[];
		const events: string[] = [];
		emulator.onEvent((event) => events.push(`${event.type} ${String(event.entity.id)}`));
		const [replaced] = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'replace',
			billId: byId(created.id as string),
			vendorId: byId(vendorId),
			invoiceNumber: 'RJ-1',
			invoiceDate: '2026-11-01',
			dueDate: '2026-12-01',
			lineItemsInput: 'json',
			lineItemsJson: [
				{ id: kept.id, amount: 100 },
				{ quantity: 4, price: 2.5, description: 'Sticks' },
			] as unknown as string,
		});
		expect(replaced.amount).toBe(110);
		const [line] = replaced.billLineItems as Json[];
		expect(line).toEqual({ id: kept.id, amount: 100 });
		const [updated] = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'update',
			billId: byId(created.id as string),
			lineItemChanges: {
				lineItem: [{ id: String(kept.id), pricedBy: 'keep', description: 'Renamed' }],
			},
		});
		expect(bodiesOf('PATCH', '/v3/bills/:billId')[0]).toEqual({
			billLineItems: [{ id: kept.id, description: 'Renamed' }],
		});
		expect((updated.billLineItems as Json[])[0]).toEqual({
			id: kept.id,
			amount: 100,
			description: 'Renamed',
		});
		expect(updated.amount).toBe(110);
		expect(events).toEqual([
			`bill.updated ${String(created.id)}`,
			`bill.updated ${String(created.id)}`,
		]);
	});

	it('archives and restores, both idempotent', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [created] = await runBillOk(credentials, createParameters(vendorId, 'AR-1'));
		const events: string[] = [];
		emulator.onEvent((event) => events.push(event.type));
		const id = created.id as string;
		for (let i = 0; i < 2; i++) {
			const [archived] = await runBillOk(credentials, {
				resource: 'bill',
				operation: 'archive',
				billId: byId(id),
			});
			expect(archived.archived).toBe(true);
			expect(emulator.state.bills.get(id)!.archived).toBe(true);
		}
		for (let i = 0; i < 2; i++) {
			const [restored] = await runBillOk(credentials, {
				resource: 'bill',
				operation: 'restore',
				billId: byId(id),
			});
			expect(restored.archived).toBe(false);
			expect(emulator.state.bills.get(id)!.archived).toBe(false);
		}
		expect(events).toEqual(['bill.archived', 'bill.restored']);
	});
});

describe('Bill: record payment', () => {
	it('moves paidAmount, dueAmount and paymentStatus from UNPAID to PARTIAL to PAID', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [a] = await runBillOk(credentials, createParameters(vendorId, 'P-1'));
		const [b] = await runBillOk(
			credentials,
			createParameters(vendorId, 'P-2', {
				lineItems: { lineItem: [{ pricedBy: 'amount', amount: 50 }] },
			}),
		);
		const pay = (payments: Array<{ billId: unknown; amount: number }>): INodeParameters => ({
			resource: 'bill',
			operation: 'recordPayment',
			vendorId: byId(vendorId),
			processDate: '2026-11-20',
			payments: {
				payment: payments.map((p) => ({
					billId: String(p.billId),
					amount: p.amount,
				})) as unknown as INodeParameters[],
			},
		});
		const [payment] = await runBillOk(
			credentials,
			pay([
				{ billId: a.id, amount: 100 },
				{ billId: b.id, amount: 50 },
			]),
		);
		expect(bodiesOf('POST', '/v3/bills/record-payment')[0]).toEqual({
			vendorId,
			processDate: '2026-11-20',
			toPrintCheck: false,
			payments: [
				{ billId: a.id, amount: 100 },
				{ billId: b.id, amount: 50 },
			],
		});
		expect(payment.id).toMatch(/^stp02/);
		expect(payment).toMatchObject({
			vendorId,
			amount: 150,
			processDate: '2026-11-20',
			onlinePayment: false,
		});
		expect(payment.billPayments).toEqual([
			expect.objectContaining({ billId: a.id, amount: 100 }),
			expect.objectContaining({ billId: b.id, amount: 50 }),
		]);
		expect(emulator.state.bills.get(a.id as string)).toMatchObject({
			paidAmount: 100,
			dueAmount: 208.98,
			paymentStatus: 'PARTIAL',
		});
		expect(emulator.state.bills.get(b.id as string)).toMatchObject({
			paidAmount: 50,
			dueAmount: 0,
			paymentStatus: 'PAID',
		});
		await runBillOk(credentials, pay([{ billId: a.id, amount: 208.98 }]));
		expect(emulator.state.bills.get(a.id as string)).toMatchObject({
			paidAmount: 308.98,
			dueAmount: 0,
			paymentStatus: 'PAID',
		});
	});

	it("shows BILL's refusal of a payment larger than what is due, and changes nothing", async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [a] = await runBillOk(credentials, createParameters(vendorId, 'P-3'));
		const { error } = await runBill(credentials, {
			resource: 'bill',
			operation: 'recordPayment',
			vendorId: byId(vendorId),
			processDate: '2026-11-20',
			payments: { payment: [{ billId: String(a.id), amount: 500 }] },
		});
		expect(error?.message).toMatch(/BDC_1002: payments\[0\]\.amount/);
		expect(emulator.state.bills.get(a.id as string)).toMatchObject({
			paidAmount: 0,
			paymentStatus: 'UNPAID',
		});
		expect(emulator.state.payments.size).toBe(0);
	});
});

describe('Bill: get many', () => {
	async function scenario(credentials: CredentialStore) {
		const harbor = await makeVendor(credentials, 'Harbor Freight');
		const maple = await makeVendor(credentials, 'Maple Leaf Printing');
		const items = [
			{ v: harbor, n: 'H-1', due: '2026-12-01' },
			{ v: harbor, n: 'H-2', due: '2026-12-05' },
			{ v: harbor, n: 'H-3', due: '2026-12-20' },
			{ v: maple, n: 'M-1', due: '2026-12-03' },
			{ v: maple, n: 'M-2', due: '2027-01-10' },
		];
		const bills = await runBillOk(
			credentials,
			(_i, json) => createParameters(json.v as string, json.n as string, { dueDate: json.due }),
			{ items },
		);
		const byNumber: Record<string, string> = Object.fromEntries(
			bills.map((b) => [String((b.invoice as Json).invoiceNumber), String(b.id)]),
		);
		return { harbor, maple, byNumber };
	}
	const getMany = (extra: IDataObject) => ({
		resource: 'bill',
		operation: 'getMany',
		returnAll: true,
		...extra,
	});
	const numbers = (bills: IDataObject[]) =>
		bills.map((b) => (b.invoice as Json).invoiceNumber).sort();

	it('filters by vendor, payment status, due date range and archived', async () => {
		const credentials = billCredentials(emulator);
		const { harbor, maple, byNumber } = await scenario(credentials);
		await runBillOk(credentials, {
			resource: 'bill',
			operation: 'recordPayment',
			vendorId: byId(harbor),
			processDate: '2026-11-20',
			payments: { payment: [{ billId: byNumber['H-1'], amount: 10 }] },
		});
		await runBillOk(credentials, {
			resource: 'bill',
			operation: 'archive',
			billId: byId(byNumber['M-1']),
		});

		expect(
			numbers(await runBillOk(credentials, getMany({ filters: { vendorId: byId(harbor) } }))),
		).toEqual(['H-1', 'H-2', 'H-3']);
		expect(
			numbers(await runBillOk(credentials, getMany({ filters: { paymentStatuses: ['PARTIAL'] } }))),
		).toEqual(['H-1']);
		expect(
			numbers(
				await runBillOk(
					credentials,
					getMany({
						filters: {
							paymentStatuses: ['UNPAID', 'PARTIAL'],
							vendorId: { __rl: true, mode: 'list', value: maple },
						},
					}),
				),
			),
		).toEqual(['M-1', 'M-2']);
		// Unpaid bills due in the first week of December: the morning digest.
		expect(
			numbers(
				await runBillOk(
					credentials,
					getMany({
						filters: {
							dueDateFrom: '2026-12-01',
							dueDateTo: '2026-12-07T00:00:00Z',
							paymentStatuses: ['UNPAID'],
						},
					}),
				),
			),
		).toEqual(['H-2', 'M-1']);
		expect(numbers(await runBillOk(credentials, getMany({ filters: { archived: true } })))).toEqual(
			['M-1'],
		);
		expect(
			numbers(await runBillOk(credentials, getMany({ filters: { archived: false } }))),
		).toEqual(['H-1', 'H-2', 'H-3', 'M-2']);
		expect(
			numbers(
				await runBillOk(
					credentials,
					getMany({ filters: { ids: `${byNumber['H-3']}, ${byNumber['M-2']}` } }),
				),
			),
		).toEqual(['H-3', 'M-2']);
		// One page each (Return All, fewer than 100 bills), plus the lookups of the scenario.
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(7 + 2);
	});

	it("sends BILL's filter and sort syntax in the query", async () => {
		const credentials = billCredentials(emulator);
		const { harbor } = await scenario(credentials);
		const queries: Array<Record<string, string>> = [];
		const route = emulator.routes.find((r) => r.method === 'GET' && r.pattern === '/v3/bills')!;
		const handler = route.handler;
		route.handler = (context) => {
			queries.push(context.query);
			return handler(context);
		};
		try {
			const sorted = await runBillOk(
				credentials,
				getMany({
					filters: {
						vendorId: byId(harbor),
						dueDateFrom: '2026-12-02',
						paymentStatuses: ['UNPAID', 'PARTIAL'],
					},
					sort: { sortBy: { field: 'dueDate', direction: 'desc' } },
				}),
			);
			expect(sorted.map((b) => b.dueDate)).toEqual(['2026-12-20', '2026-12-05']);
		} finally {
			route.handler = handler;
		}
		expect(queries[0]).toEqual({
			filters: `vendorId:eq:${harbor},paymentStatus:in:"UNPAID,PARTIAL",dueDate:gte:2026-12-02`,
			sort: 'dueDate:desc',
			max: '100',
		});
	});

	it('filters by created and updated time', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'Harbor Freight');
		const [old] = await runBillOk(credentials, createParameters(vendorId, 'T-1'));
		emulator.clock.advance(2 * 60 * 60 * 1000);
		const cut = emulator.clock.now().toISOString();
		emulator.clock.advance(60 * 1000);
		const [recent] = await runBillOk(credentials, createParameters(vendorId, 'T-2'));
		const ids = (bills: IDataObject[]) => bills.map((b) => b.id);
		expect(ids(await runBillOk(credentials, getMany({ filters: { createdAfter: cut } })))).toEqual([
			recent.id,
		]);
		expect(ids(await runBillOk(credentials, getMany({ filters: { createdBefore: cut } })))).toEqual(
			[old.id],
		);
		emulator.clock.advance(60 * 1000);
		const touched = emulator.clock.now().toISOString();
		await runBillOk(credentials, {
			resource: 'bill',
			operation: 'archive',
			billId: byId(old.id as string),
		});
		expect(
			ids(await runBillOk(credentials, getMany({ filters: { updatedAfter: touched } }))),
		).toEqual([old.id]);
		expect(
			ids(await runBillOk(credentials, getMany({ filters: { updatedBefore: touched } }))),
		).toEqual([recent.id]);
	});

	it('returns all of more than 100 bills across pages, or only the limit, with the simplified form', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'Harbor Freight');
		seedBills(emulator, vendorId, 250);
		const all = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all).toHaveLength(250);
		expect(new Set(all.map((b) => b.id)).size).toBe(250);
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(3);
		const limited = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'getMany',
			returnAll: false,
			limit: 120,
			simplify: true,
		});
		expect(limited).toHaveLength(120);
		expect(Object.keys(limited[0]).sort()).toEqual(
			[
				'amount',
				'approvalStatus',
				'archived',
				'dueAmount',
				'dueDate',
				'id',
				'invoiceDate',
				'invoiceNumber',
				'paidAmount',
				'paymentStatus',
				'vendorId',
				'vendorName',
			].sort(),
		);
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(5);
	});
});

describe('Bill: thousands of bills', () => {
	it('reads 2,500 bills of one vendor sorted by due date, 100 a page, each bill once and in order', async () => {
		const credentials = billCredentials(emulator);
		const harbor = await makeVendor(credentials, 'Harbor Freight');
		const maple = await makeVendor(credentials, 'Maple Leaf Printing');
		seedBills(emulator, harbor, 2500);
		seedBills(emulator, maple, 300);
		const bills = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'getMany',
			returnAll: true,
			filters: { vendorId: byId(harbor) },
			sort: { sortBy: { field: 'dueDate', direction: 'desc' } },
			simplify: true,
		});
		expect(bills).toHaveLength(2500);
		expect(new Set(bills.map((b) => b.id)).size).toBe(2500);
		expect(bills.every((b) => b.vendorId === harbor)).toBe(true);
		const dates = bills.map((b) => String(b.dueDate));
		expect(dates).toEqual([...dates].sort().reverse());
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(25);
	});
});

describe('Bill: search list', () => {
	it('finds active bills by invoice number or vendor name, page by page', async () => {
		const credentials = billCredentials(emulator);
		const harbor = await makeVendor(credentials, 'Harbor Freight');
		const maple = await makeVendor(credentials, 'Maple Leaf Printing');
		seedBills(emulator, harbor, 120);
		const [mine] = await runBillOk(credentials, createParameters(maple, 'MAPLE-42'));
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'bill', operation: 'get' },
			credentials,
		});
		const found = await searchBills.call(context, 'maple');
		expect(found.results).toEqual([
			{ name: `#MAPLE-42 · Maple Leaf Printing · 308.98 · due 2026-12-01`, value: mine.id },
		]);
		// The search read the whole list (121 bills) at once: nothing left to scroll to.
		expect(found.paginationToken).toBeUndefined();
		const page1 = await searchBills.call(context);
		expect(page1.results).toHaveLength(100);
		const page2 = await searchBills.call(context, undefined, page1.paginationToken as string);
		expect(page2.results).toHaveLength(21);
		expect(page2.paginationToken).toBeUndefined();
	});
});
