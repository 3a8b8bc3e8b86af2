/**
 * What a new user tripped over, on bills: a line change names the line by its position
 * (Bill → Update reads the bill to find the line item's ID).
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { seedVendor } from '../../../../emulator/routes/bills';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

async function billWithTwoLines(): Promise<IDataObject> {
	const vendorId = seedVendor(emulator, 'San Jose Music Supplies');
	const [created] = await runBillOk(billCredentials(emulator), {
		resource: 'bill',
		operation: 'create',
		vendorId: byId(vendorId),
		invoiceNumber: 'P-1',
		invoiceDate: '2026-11-01',
		dueDate: '2026-12-01',
		lineItemsInput: 'fields',
		lineItems: {
			lineItem: [
				{ pricedBy: 'amount', amount: 100, description: 'Strings' },
				{ pricedBy: 'amount', amount: 50, description: 'Picks' },
			],
		},
	});
	return created;
}

describe('Bill → Update: a line change by position', () => {
	it('changes line 2 named by its position, without its ID', async () => {
		const created = await billWithTwoLines();
		const [, second] = created.billLineItems as IDataObject[];
		const [updated] = await runBillOk(billCredentials(emulator), {
			resource: 'bill',
			operation: 'update',
			billId: byId(String(created.id)),
			lineItemChanges: {
				lineItem: [{ lineBy: 'position', position: 2, pricedBy: 'amount', amount: 75 }],
			},
		});
		expect(updated.amount).toBe(175);
		const stored = emulator.state.bills.get(String(created.id))!;
		expect((stored.billLineItems as IDataObject[]).map((l) => [l.id, l.amount])).toEqual([
			[(created.billLineItems as IDataObject[])[0].id, 100],
			[second.id, 75],
		]);
	});

	it('a position the bill does not have is refused, naming the change; nothing is changed', async () => {
		const created = await billWithTwoLines();
		const { error } = await runBill(billCredentials(emulator), {
			resource: 'bill',
			operation: 'update',
			billId: byId(String(created.id)),
			lineItemChanges: {
				lineItem: [{ lineBy: 'position', position: 3, description: 'Capo' }],
			},
		});
		expect(error?.message).toBe(
			`Line Item Changes, line 1 → Position: bill ${String(created.id)} has 2 line items, so there is no line 3 [item 0]`,
		);
		expect(emulator.requests({ method: 'PATCH', route: '/v3/bills/:billId' })).toHaveLength(0);
	});

	it('a change by ID reads no bill (saved workflows: Line Item By defaults to ID)', async () => {
		const created = await billWithTwoLines();
		const [first] = created.billLineItems as IDataObject[];
		await runBillOk(billCredentials(emulator), {
			resource: 'bill',
			operation: 'update',
			billId: byId(String(created.id)),
			lineItemChanges: { lineItem: [{ id: String(first.id), description: 'Nylon strings' }] },
		});
		expect(emulator.requests({ method: 'GET', route: '/v3/bills/:billId' })).toHaveLength(0);
	});
});
