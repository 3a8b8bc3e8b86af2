/**
 * Bill → Create, in-process against the emulator: what BILL receives and what it holds afterwards.
 * Create Many, bad input and failures: createMany.test.ts, input.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { billCredentials, byId, runBillOk } from '../../../harness/bill';
import { bodiesOf, createParameters, emulator, makeVendor, useBillEmulator } from './setup';

useBillEmulator();

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
