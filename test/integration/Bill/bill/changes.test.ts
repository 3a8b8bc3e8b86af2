/**
 * Bill → Get, Update, Replace, Archive and Restore, in-process against the emulator: what BILL
 * receives and what it holds afterwards.
 * Create Many, bad input and failures: createMany.test.ts, input.test.ts.
 */

import type { Json } from '../../../../emulator/state';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { bodiesOf, createParameters, emulator, makeVendor, useBillEmulator } from './setup';

useBillEmulator();

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
