/**
 * Credit memos applied to invoices: Invoice → Create's Credit Amount (BILL's `creditAmount`, taken
 * from the customer's credit memos); Update and Replace ask for the credit the invoice carries in
 * all. A re-run applies nothing twice, under every reading of what BILL does with `creditAmount`
 * on PATCH and PUT (emulator/readings.ts invoiceCreditAmount; docs/GUESSES.md).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator, type Readings } from '../../../emulator';
import { receivables } from '../../../emulator/receivables';
import { billCredentials, byId, runBill, runBillOk } from '../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = () => billCredentials(emulator);
const play = (readings: Partial<Readings>) => Object.assign(emulator.readings, readings);
const memos = () => [...receivables(emulator.state).creditMemos.values()];
const invoiceOf = (id: unknown) => receivables(emulator.state).invoices.get(String(id));
const sent = (method: string) =>
	emulator.log.filter((e) => e.method === method && e.route.startsWith('/v3/invoices')).length;

/** A customer with two credit memos: $30 (December 1) and $50 (December 5). */
async function customerWithCredit(): Promise<string> {
	const [customer] = await runBillOk(credentials(), {
		resource: 'customer',
		operation: 'create',
		name: 'Paperless Band',
		email: 'ap@paperless.example',
	});
	for (const [referenceNumber, price, creditDate] of [
		['CM-1', 30, '2026-12-01'],
		['CM-2', 50, '2026-12-05'],
	] as const)
		await runBillOk(credentials(), {
			resource: 'creditMemo',
			operation: 'create',
			customerId: byId(String(customer.id)),
			referenceNumber,
			creditDate,
			lineItems: { item: [{ description: 'Return', lineType: 'priced', quantity: 1, price }] },
		} as INodeParameters);
	return String(customer.id);
}

const create = (customerId: string, extra: IDataObject = {}): INodeParameters =>
	({
		resource: 'invoice',
		operation: 'create',
		customerMode: 'existing',
		customerId: byId(customerId),
		invoiceNumber: 'INV-7',
		lineItems: { item: [{ description: 'Lessons', quantity: 2, price: 50 }] },
		additionalFields: { invoiceDate: '2026-12-01', dueDate: '2026-12-31', ...extra },
	}) as INodeParameters;

const usage = () => memos().map((m) => [m.referenceNumber, m.appliedAmount, m.status, m.usage]);

it("Create takes the credit from the customer's credit memos once; a re-run applies nothing again", async () => {
	const customerId = await customerWithCredit();
	const [invoice] = await runBillOk(credentials(), create(customerId, { creditAmount: 60 }));
	expect(invoice).toMatchObject({ totalAmount: 100, creditAmount: 60, dueAmount: 40 });
	const applied = [
		['CM-1', 30, 'FULLY_APPLIED', [{ invoiceId: invoice.id, amount: 30 }]],
		['CM-2', 30, 'PARTIALLY_APPLIED', [{ invoiceId: invoice.id, amount: 30 }]],
	];
	expect(usage()).toEqual(applied);
	const [again] = await runBillOk(credentials(), create(customerId, { creditAmount: 60 }));
	expect(again).toMatchObject({ id: invoice.id, alreadyExisted: true });
	expect(usage()).toEqual(applied);
	expect(invoiceOf(invoice.id)).toMatchObject({ creditAmount: 60, dueAmount: 40 });
	// A re-run asking another credit of the invoice it finds changes nothing either.
	await runBillOk(credentials(), create(customerId, { creditAmount: 30 }));
	expect(usage()).toEqual(applied);
	// More than the memos have left is BILL's refusal, and nothing is applied.
	const more = await runBill(credentials(), {
		...create(customerId, { creditAmount: 25 }),
		invoiceNumber: 'INV-8',
	} as INodeParameters);
	expect(more.error?.message).toMatch(/creditAmount/);
	expect(usage()).toEqual(applied);
});

describe.each<Readings['invoiceCreditAmount']>(['set', 'add'])(
	'Update (BILL reading "%s" of creditAmount on PATCH)',
	(reading) => {
		it('applies the credit once over two runs; a change of an applied credit is refused unsent', async () => {
			play({ invoiceCreditAmount: reading });
			const customerId = await customerWithCredit();
			const [invoice] = await runBillOk(credentials(), create(customerId));
			const update: INodeParameters = {
				resource: 'invoice',
				operation: 'update',
				invoiceId: byId(String(invoice.id)),
				updateFields: { creditAmount: 45 },
			};
			const [first] = await runBillOk(credentials(), update);
			expect(first).toMatchObject({ creditAmount: 45, dueAmount: 55 });
			const patches = sent('PATCH');
			const [second] = await runBillOk(credentials(), update);
			expect(second).toMatchObject({ id: invoice.id, creditAmount: 45, dueAmount: 55 });
			expect(sent('PATCH')).toBe(patches);
			expect(memos().map((m) => m.appliedAmount)).toEqual([30, 15]);
			const changed = await runBill(credentials(), {
				...update,
				updateFields: { creditAmount: 50 },
			});
			expect(changed.error?.message).toMatch(
				/^Credit Amount: the invoice already carries 45\.00 of credit, not 50\.00/,
			);
			expect(sent('PATCH')).toBe(patches);
		});
	},
);

it("Update where BILL refuses creditAmount on PATCH: BILL's error, nothing applied", async () => {
	play({ invoiceCreditAmount: 'refused' });
	const customerId = await customerWithCredit();
	const [invoice] = await runBillOk(credentials(), create(customerId));
	const { error } = await runBill(credentials(), {
		resource: 'invoice',
		operation: 'update',
		invoiceId: byId(String(invoice.id)),
		updateFields: { creditAmount: 45 },
	});
	expect(error?.message).toMatch(/creditAmount/);
	expect(invoiceOf(invoice.id)).toMatchObject({ creditAmount: 0, dueAmount: 100 });
	expect(memos().map((m) => m.appliedAmount)).toEqual([0, 0]);
});
