/**
 * Bulk refusals name the item (issue "What a new user tripped over", case 1): BILL refuses a
 * whole bulk request for one bad entry, "[37] vendorId: …"; the node maps BILL's index back to
 * the input item, names its parameter and value, and with Continue On Fail sends the rest again
 * (BILL created none of them).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { seedVendor } from '../../../../emulator/routes/bills';
import { billCredentials, byId, runBill } from '../../../harness/bill';
import { api, day } from '../payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const UNKNOWN_VENDOR = '00902NOSUCHVENDOR000';

const perItem = (_i: number, json: IDataObject): INodeParameters => ({
	resource: 'bill',
	operation: 'createMany',
	billsInput: 'items',
	vendorId: byId(json.vendorId as string),
	invoiceNumber: json.invoice as string,
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	lineItemsInput: 'fields',
	lineItems: { lineItem: [{ pricedBy: 'amount', amount: 10 }] },
});

const bulkRequests = () => emulator.requests({ method: 'POST', route: /^\/v3\/bills\/bulk\b/ });

function rows(count: number): IDataObject[] {
	const harbor = seedVendor(emulator, 'Harbor Freight');
	const items: IDataObject[] = Array.from({ length: count }, (_, i) => ({
		vendorId: harbor,
		invoice: `INV-${i}`,
	}));
	items[137] = { vendorId: UNKNOWN_VENDOR, invoice: 'BAD-137' };
	return items;
}

describe('Bulk refusals name the item', () => {
	it('Create Many, Continue On Fail: item 137 carries its own error (parameter, value); the other 99 of its request are created', async () => {
		const items = rows(250);
		const { output } = await runBill(billCredentials(emulator), perItem, {
			items,
			continueOnFail: true,
		});
		expect(output).toHaveLength(250);
		expect(output[137].pairedItem).toEqual({ item: 137 });
		expect(output[137].json.code).toBe('BDC_1002');
		expect(output[137].json.error).toMatch(/item 137/);
		expect(output[137].json.error).toMatch(
			/Vendor \(vendorId\): vendor 00902NOSUCHVENDOR000 does not exist.*sent: "00902NOSUCHVENDOR000"/,
		);
		expect(output[137].json.error).not.toMatch(/\[37\]/);
		expect(output[137].json.hint).toMatch(/bulk create of items 100–199/);
		const others = output.filter((_o, i) => i !== 137);
		expect(others.every((o) => o.json.alreadyExisted === false)).toBe(true);
		expect(emulator.state.bills.size).toBe(249);
		// Chunk 2 refused once, then sent again without item 137.
		expect(
			bulkRequests()
				.map((r) => r.status)
				.sort(),
		).toEqual([201, 201, 201, 400]);
	});

	it('Create Many without Continue On Fail: the run fails naming item 137 and its vendor', async () => {
		const items = rows(250);
		const { error } = await runBill(billCredentials(emulator), perItem, { items });
		expect(error?.message).toMatch(/item 137: Vendor \(vendorId\): vendor 00902NOSUCHVENDOR000/);
		expect(error?.message).toMatch(/^BILL error BDC_1002/);
		expect((error as { context?: IDataObject }).context?.itemIndex).toBe(137);
		expect(error?.description).toMatch(/bulk create of items 100–199/);
		expect(error?.description).toMatch(/The bills of items 0–99, 200–249 were created/);
		expect(emulator.state.bills.size).toBe(150);
	});

	it("Create Many with BILL's own format: the field is named as BILL names it", async () => {
		const harbor = seedVendor(emulator, 'Harbor Freight');
		const items = Array.from({ length: 3 }, (_, n) => ({
			vendorId: n === 1 ? UNKNOWN_VENDOR : harbor,
			invoice: { invoiceNumber: `J-${n}`, invoiceDate: '2026-11-01' },
			dueDate: '2026-12-01',
			billLineItems: [{ amount: 10 + n }],
		}));
		const { output } = await runBill(
			billCredentials(emulator),
			{ resource: 'bill', operation: 'createMany', billsInput: 'itemJson' },
			{ items, continueOnFail: true },
		);
		expect(output[1].json.error).toMatch(
			/item 1: vendorId: vendor 00902NOSUCHVENDOR000 does not exist.*sent: "00902NOSUCHVENDOR000"/,
		);
		expect(output[0].json.alreadyExisted).toBe(false);
		expect(output[2].json.alreadyExisted).toBe(false);
		expect(emulator.state.bills.size).toBe(2);
	});

	it("without an index in BILL's message, the whole request fails as before", async () => {
		const items = rows(5);
		emulator.addFault({
			kind: 'status',
			method: 'POST',
			path: '/v3/bills/bulk',
			// BILL does not document an index in its bulk refusals: a BILL that gives none.
			status: 400,
			code: 'BDC_1002',
			message: `vendorId: vendor ${UNKNOWN_VENDOR} does not exist`,
		});
		const { output } = await runBill(billCredentials(emulator), perItem, {
			items: items.slice(0, 5),
			continueOnFail: true,
		});
		expect(
			output.every((o) => /BILL refused the bulk create of items 0–4/.test(String(o.json.error))),
		).toBe(true);
		expect(bulkRequests()).toHaveLength(1);
	});

	it('Payment → Create Bulk names the bill payment BILL refused, its parameter and value', async () => {
		const admin = api(emulator);
		const vendorId = await admin.vendor();
		const a = await admin.bill(vendorId, 100);
		const b = await admin.bill(vendorId, 50);
		const accountId = await admin.bankAccount();
		const parameters = {
			resource: 'payment',
			operation: 'createBulk',
			processDate: day(emulator, 1),
			fundingAccountId: byId(accountId),
			payments: {
				payment: [
					{ billId: String(a.id), amount: 100 },
					{ billId: String(b.id), amount: 60 },
				],
			},
		};
		const { error } = await runBill(billCredentials(emulator), parameters);
		expect(error?.message).toMatch(
			/Bill Payments, payment 2 → Amount \(amount\): 60 is more than the 50 due.*sent: 60/,
		);
		expect(emulator.state.payments.size).toBe(0);

		const { output } = await runBill(billCredentials(emulator), parameters, {
			continueOnFail: true,
		});
		// BILL created none of the request: the other bill payment is sent again and made.
		expect(output.map((o) => [o.json.billId, o.json.alreadyExisted ?? 'error'])).toEqual([
			[a.id, false],
			[b.id, 'error'],
		]);
		expect(output[1].json.error).toMatch(/payment 2 → Amount/);
		expect(emulator.state.payments.size).toBe(1);
	});
});
