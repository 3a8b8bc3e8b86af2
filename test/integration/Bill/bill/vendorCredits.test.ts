/**
 * A vendor credit applied to a bill (the bill's `vendorCredits`), against the emulator: the
 * credit's applied amount, usage and status, the bill's due amount; over-applying, another
 * vendor's credit and more than the bill owes refused with BILL's error; Update and Replace apply
 * a credit once under both readings of a repeat (emulator/readings.ts billVendorCredits).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator, type Readings } from '../../../../emulator';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { api, type Api } from '../payment/setup';

let emulator: Emulator;
let admin: Api;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	admin = api(emulator);
});

const credentials = () => billCredentials(emulator);
const play = (readings: Partial<Readings>) => Object.assign(emulator.readings, readings);
const sent = (method: string, route: string) => emulator.requests({ method, route }).length;

async function creditOf(vendorId: string, amounts: number[], referenceNumber = 'VC-1') {
	const [made] = await runBillOk(credentials(), {
		resource: 'vendorCredit',
		operation: 'create',
		vendorId: byId(vendorId),
		referenceNumber,
		creditDate: '2026-11-15',
		lineItems: { lineItem: amounts.map((amount) => ({ amount, description: 'Returned' })) },
	});
	return String(made.id);
}

const readCredit = async (id: string) =>
	(await admin.call<IDataObject>('GET', `/v3/vendor-credits/${id}`)).data;
const readBill = async (id: string) =>
	(await admin.call<IDataObject>('GET', `/v3/bills/${id}`)).data;

const createBill = (
	vendorId: string,
	invoiceNumber: string,
	amount: number,
	credits: Array<{ id: string; amount: number }> = [],
): INodeParameters => ({
	resource: 'bill',
	operation: 'create',
	vendorId: byId(vendorId),
	invoiceNumber,
	invoiceDate: '2026-12-01',
	dueDate: '2026-12-31',
	lineItemsInput: 'fields',
	lineItems: { lineItem: [{ pricedBy: 'amount', amount, description: 'Strings' }] },
	additionalFields: credits.length ? { vendorCredits: { credit: credits } } : {},
});

describe('Bill with a vendor credit applied', () => {
	it("creates the bill with the credit: the credit's applied amount, usage and status, the bill's due amount; a re-run applies nothing twice", async () => {
		const vendorId = await admin.vendor('Drum Supply Co');
		const creditId = await creditOf(vendorId, [14.99, 50]);
		const [bill] = await runBillOk(
			credentials(),
			createBill(vendorId, 'INV-9', 200, [{ id: creditId, amount: 64.99 }]),
		);
		expect(bill).toMatchObject({
			amount: 200,
			creditAmount: 64.99,
			paidAmount: 64.99,
			dueAmount: 135.01,
			paymentStatus: 'PARTIAL',
		});
		expect(await readCredit(creditId)).toMatchObject({
			amount: 64.99,
			appliedAmount: 64.99,
			status: 'FULLY_APPLIED',
			usage: [{ billId: bill.id, amount: 64.99 }],
		});
		// The same workflow again: the bill exists (Skip Existing Invoice Numbers), nothing is applied.
		const [again] = await runBillOk(
			credentials(),
			createBill(vendorId, 'INV-9', 200, [{ id: creditId, amount: 64.99 }]),
		);
		expect(again).toMatchObject({ id: bill.id, alreadyExisted: true });
		expect(sent('POST', '/v3/bills')).toBe(1);
		expect(await readCredit(creditId)).toMatchObject({ appliedAmount: 64.99 });
	});

	it("a credit used in part is IN_PROCESS with what is left; the rest goes on the vendor's next bill", async () => {
		const vendorId = await admin.vendor('Drum Supply Co');
		const creditId = await creditOf(vendorId, [100]);
		const [first] = await runBillOk(
			credentials(),
			createBill(vendorId, 'INV-1', 30, [{ id: creditId, amount: 30 }]),
		);
		expect(first).toMatchObject({ dueAmount: 0, paymentStatus: 'PAID', creditAmount: 30 });
		expect(await readCredit(creditId)).toMatchObject({ appliedAmount: 30, status: 'IN_PROCESS' });
		const [second] = await runBillOk(
			credentials(),
			createBill(vendorId, 'INV-2', 500, [{ id: creditId, amount: 70 }]),
		);
		expect(second).toMatchObject({ dueAmount: 430 });
		const credit = await readCredit(creditId);
		expect(credit).toMatchObject({ appliedAmount: 100, status: 'FULLY_APPLIED' });
		expect(credit.usage).toEqual([
			{ billId: first.id, amount: 30 },
			{ billId: second.id, amount: 70 },
		]);
	});

	it("refuses more than is left on the credit, another vendor's credit and more than the bill owes, with BILL's error; nothing changes", async () => {
		const vendorId = await admin.vendor('Drum Supply Co');
		const otherVendor = await admin.vendor('Guitar Parts Ltd');
		const creditId = await creditOf(vendorId, [40]);
		const othersCredit = await creditOf(otherVendor, [10], 'VC-OTHER');
		const cases: Array<[INodeParameters, RegExp]> = [
			[
				createBill(vendorId, 'INV-A', 200, [{ id: creditId, amount: 40.01 }]),
				/vendorCredits\[0\]\.amount: 40\.01 is more than the 40 left on vendor credit/,
			],
			[
				createBill(vendorId, 'INV-B', 200, [{ id: othersCredit, amount: 5 }]),
				/vendorCredits\[0\]\.id: vendor credit .* is a credit of vendor .*, not of the bill's vendor/,
			],
			[
				createBill(vendorId, 'INV-C', 25, [{ id: creditId, amount: 30 }]),
				/vendorCredits: the credits \(30\) are more than the 25 due on the bill/,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials(), parameters);
			expect(error?.message).toMatch(message);
			expect(error?.message).toMatch(/BDC_1002/);
		}
		expect(emulator.state.bills.size).toBe(0);
		expect(await readCredit(creditId)).toMatchObject({ appliedAmount: 0, status: 'NOT_APPLIED' });
		expect(await readCredit(othersCredit)).toMatchObject({ appliedAmount: 0 });
	});

	it('Create Many: two bills of one request taking more than the credit has are refused together', async () => {
		const vendorId = await admin.vendor('Drum Supply Co');
		const creditId = await creditOf(vendorId, [50]);
		const bill = (invoiceNumber: string) => ({
			vendorId,
			invoice: { invoiceNumber, invoiceDate: '2026-12-01' },
			dueDate: '2026-12-31',
			billLineItems: [{ amount: 100 }],
			vendorCredits: [{ id: creditId, amount: 30 }],
		});
		const { error } = await runBill(credentials(), {
			resource: 'bill',
			operation: 'createMany',
			billsInput: 'json',
			billsJson: JSON.stringify([bill('M-1'), bill('M-2')]),
		});
		expect(error?.message).toMatch(/30 is more than the 20 left on vendor credit/);
		expect(emulator.state.bills.size).toBe(0);
		expect(await readCredit(creditId)).toMatchObject({ appliedAmount: 0 });
	});

	describe.each<Readings['billVendorCredits']>(['set', 'add'])(
		'BILL reading a credit listed again as %s',
		(reading) => {
			beforeEach(() => play({ billVendorCredits: reading }));

			it('Update applies a credit once, however often it runs', async () => {
				const vendorId = await admin.vendor('Drum Supply Co');
				const creditId = await creditOf(vendorId, [25]);
				const [bill] = await runBillOk(credentials(), createBill(vendorId, 'INV-U', 100));
				const update: INodeParameters = {
					resource: 'bill',
					operation: 'update',
					billId: byId(String(bill.id)),
					updateFields: { vendorCredits: { credit: [{ id: creditId, amount: 25 }] } },
				};
				const [updated] = await runBillOk(credentials(), update);
				expect(updated).toMatchObject({ dueAmount: 75, creditAmount: 25 });
				const [again] = await runBillOk(credentials(), update);
				expect(again).toMatchObject({ id: bill.id, dueAmount: 75, creditAmount: 25 });
				expect(sent('PATCH', '/v3/bills/:billId')).toBe(1);
				expect(await readCredit(creditId)).toMatchObject({
					appliedAmount: 25,
					status: 'FULLY_APPLIED',
				});
				expect(await readBill(String(bill.id))).toMatchObject({ dueAmount: 75, paidAmount: 25 });
			});

			it('Replace applies a credit once, however often it runs', async () => {
				const vendorId = await admin.vendor('Drum Supply Co');
				const creditId = await creditOf(vendorId, [40]);
				const [bill] = await runBillOk(credentials(), createBill(vendorId, 'INV-R', 100));
				const replace: INodeParameters = {
					...createBill(vendorId, 'INV-R', 120, [{ id: creditId, amount: 15 }]),
					operation: 'replace',
					billId: byId(String(bill.id)),
				};
				await runBillOk(credentials(), replace);
				const [again] = await runBillOk(credentials(), replace);
				expect(again).toMatchObject({ amount: 120, creditAmount: 15, dueAmount: 105 });
				expect(await readCredit(creditId)).toMatchObject({
					appliedAmount: 15,
					status: 'IN_PROCESS',
					usage: [{ billId: bill.id, amount: 15 }],
				});
			});

			it('Update refuses, before sending, a credit the bill has for another amount', async () => {
				const vendorId = await admin.vendor('Drum Supply Co');
				const creditId = await creditOf(vendorId, [40]);
				const [bill] = await runBillOk(
					credentials(),
					createBill(vendorId, 'INV-D', 100, [{ id: creditId, amount: 10 }]),
				);
				const { error } = await runBill(credentials(), {
					resource: 'bill',
					operation: 'update',
					billId: byId(String(bill.id)),
					updateFields: { vendorCredits: { credit: [{ id: creditId, amount: 20 }] } },
				});
				expect(error?.message).toMatch(
					/^Vendor Credits: vendor credit vcr\w+ is already applied to this bill for 10, not 20; nothing was sent \[item 0\]/,
				);
				expect(sent('PATCH', '/v3/bills/:billId')).toBe(0);
				expect(await readCredit(creditId)).toMatchObject({ appliedAmount: 10 });
			});
		},
	);

	it('an Update applying a credit whose answer is lost is not sent again; a re-run finds it applied', async () => {
		play({ billVendorCredits: 'add' });
		const vendorId = await admin.vendor('Drum Supply Co');
		const creditId = await creditOf(vendorId, [60]);
		const [bill] = await runBillOk(credentials(), createBill(vendorId, 'INV-L', 100));
		const path = `/v3/bills/${String(bill.id)}`;
		emulator.addFault({ kind: 'resetAfter', method: 'PATCH', path });
		const update: INodeParameters = {
			resource: 'bill',
			operation: 'update',
			billId: byId(String(bill.id)),
			updateFields: { vendorCredits: { credit: [{ id: creditId, amount: 20 }] } },
		};
		const { error } = await runBill(credentials(), update);
		expect(error?.message).toMatch(/may have reached BILL.*not sent again/);
		expect(error?.description).toMatch(
			/Vendor Credit → Get shows whether the credits were applied/,
		);
		// BILL applied it (the answer was cut after): once, as a repeat under this reading would make it 40.
		expect(emulator.faults.fired).toHaveLength(1);
		expect(await readCredit(creditId)).toMatchObject({ appliedAmount: 20 });
		const [again] = await runBillOk(credentials(), update);
		expect(again).toMatchObject({ creditAmount: 20, dueAmount: 80 });
		expect(await readCredit(creditId)).toMatchObject({ appliedAmount: 20 });
	});

	it('the readings differ: a PATCH listing an applied credit again sets it (set) or applies it once more (add)', async () => {
		const vendorId = await admin.vendor('Drum Supply Co');
		const creditId = await creditOf(vendorId, [50]);
		const [bill] = await runBillOk(
			credentials(),
			createBill(vendorId, 'INV-X', 100, [{ id: creditId, amount: 20 }]),
		);
		const patch = { vendorCredits: [{ id: creditId, amount: 20 }] };
		play({ billVendorCredits: 'set' });
		expect((await admin.call('PATCH', `/v3/bills/${String(bill.id)}`, patch)).status).toBe(200);
		expect(await readCredit(creditId)).toMatchObject({ appliedAmount: 20 });
		play({ billVendorCredits: 'add' });
		expect((await admin.call('PATCH', `/v3/bills/${String(bill.id)}`, patch)).status).toBe(200);
		expect(await readCredit(creditId)).toMatchObject({ appliedAmount: 40 });
		expect(await readBill(String(bill.id))).toMatchObject({ creditAmount: 40, dueAmount: 60 });
	});
});
