/**
 * Payment → Get Many, Cancel and Void against the emulator (cancel after processing and void
 * before processing refused with what to do), and the payment options.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { billCredentials, byId, expr, runBill, runBillOk } from '../../../harness/bill';
import {
	admin,
	billAndAccount,
	bills,
	day,
	emulator,
	events,
	payParameters,
	usePaymentEmulator,
} from './setup';

usePaymentEmulator();

describe('Payment: get many, cancel, void, options', () => {
	async function threePayments() {
		const v1 = await admin.vendor();
		const v2 = await admin.vendor();
		const accountId = await admin.bankAccount();
		const credentials = billCredentials(emulator);
		const made: IDataObject[] = [];
		for (const [vendorId, amount] of [
			[v1, 10],
			[v1, 20],
			[v2, 30],
		] as const) {
			const bill = await admin.bill(vendorId, 100);
			made.push(
				...(await runBillOk(
					credentials,
					payParameters(String(bill.id), accountId, amount, day(emulator, 1)),
				)),
			);
		}
		return { v1, v2, made, credentials };
	}

	it('lists payments with filters (vendor, status) and a limit, or all of them', async () => {
		const { v1, made, credentials } = await threePayments();
		const ofV1 = await runBillOk(credentials, {
			resource: 'payment',
			operation: 'getMany',
			returnAll: true,
			filters: { vendorIds: v1, statuses: ['SCHEDULED'] },
		});
		expect(ofV1.map((p) => p.amount).sort()).toEqual([10, 20]);
		expect(ofV1[0].paidBills).toHaveLength(1);
		const limited = await runBillOk(credentials, {
			resource: 'payment',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
		});
		expect(limited).toHaveLength(2);
		const all = await runBillOk(credentials, {
			resource: 'payment',
			operation: 'getMany',
			returnAll: true,
			sort: { sortBy: { field: 'amount', direction: 'desc' } },
		});
		expect(all.map((p) => p.id)).toEqual([...made].reverse().map((p) => p.id));
	});

	it('cancels a scheduled payment: the bill owes the amount again; cancelling it again is refused with what to do', async () => {
		const { billId, accountId } = await billAndAccount(300);
		const credentials = billCredentials(emulator);
		const [payment] = await runBillOk(
			credentials,
			payParameters(billId, accountId, 300, day(emulator, 1)),
		);
		const [cancelled] = await runBillOk(credentials, {
			resource: 'payment',
			operation: 'cancel',
			paymentId: String(payment.id),
		});
		expect(cancelled).toMatchObject({ id: payment.id, status: 'CANCELLED' });
		expect(bills().get(billId)).toMatchObject({
			dueAmount: 300,
			scheduledAmount: 0,
			paymentStatus: 'UNPAID',
		});
		const { error } = await runBill(credentials, {
			resource: 'payment',
			operation: 'cancel',
			paymentId: String(payment.id),
		});
		expect(error?.message).toMatch(/cannot be cancelled/);

		// A cancelled payment does not count as "already paid": the same payment can be made again.
		const [again] = await runBillOk(
			credentials,
			payParameters(billId, accountId, 300, day(emulator, 1)),
		);
		expect(again).toMatchObject({ alreadyExisted: false });
		expect(again.id).not.toBe(payment.id);
	});

	it('cancel after processing is refused (hint: void it); void then records the request', async () => {
		const { billId, accountId } = await billAndAccount(300);
		const credentials = billCredentials(emulator);
		const [payment] = await runBillOk(
			credentials,
			payParameters(billId, accountId, 300, day(emulator, 1)),
		);

		const early = await runBill(credentials, {
			resource: 'payment',
			operation: 'void',
			paymentId: String(payment.id),
			voidType: 'VOID_ONLY',
			reason: 'Wrong vendor',
		});
		expect(early.error?.message).toMatch(/cancel it instead/);

		emulator.clock.advance(3 * 86_400_000);
		const late = await runBill(credentials, {
			resource: 'payment',
			operation: 'cancel',
			paymentId: String(payment.id),
		});
		expect(late.error?.message).toMatch(/status is CLEARED/);
		expect(late.error?.description).toMatch(/Payment → Void/);

		const [voided] = await runBillOk(credentials, {
			resource: 'payment',
			operation: 'void',
			paymentId: String(payment.id),
			voidType: 'VOID_AND_CREDIT',
			reason: 'Wrong vendor',
		});
		expect(voided).toMatchObject({
			singleStatus: 'VOID_PENDING',
			voidInfo: [{ type: 'VOID_AND_CREDIT', reason: 'Wrong vendor', status: 'TO_BE_PROCESSED' }],
		});
		expect(events.filter((e) => e.type === 'payment.updated' && e.id === payment.id)).toHaveLength(
			3,
		);
	});

	it('refuses a void without a reason and a payment ID that is not one, before sending', async () => {
		const before = emulator.log.length;
		const credentials = billCredentials(emulator);
		const run = async (parameters: INodeParameters) =>
			(await runBill(credentials, parameters, { items: [{}, {}], continueOnFail: true })).output;
		const voids = await run({
			resource: 'payment',
			operation: 'void',
			paymentId: 'stp02ABCDEFGHIJKLMNO',
			reason: ' ',
		});
		const gets = await run({
			resource: 'payment',
			operation: 'get',
			paymentId: expr('00n02ABCDEFGHIJKLMNO'),
		});
		expect([voids[0].json.error, gets[1].json.error]).toEqual([
			'Reason: is required [item 0]',
			'Payment: "00n02ABCDEFGHIJKLMNO" is not a BILL payment ID [item 1]',
		]);
		expect(emulator.log.length).toBe(before);
	});

	it("gives a vendor's payment options: verified accounts available with dates, others with the reason", async () => {
		const vendorId = await admin.vendor();
		const verified = await admin.bankAccount(true);
		const pending = await admin.bankAccount(false);
		const [options] = await runBillOk(billCredentials(emulator), {
			resource: 'payment',
			operation: 'getOptions',
			vendorId: byId(vendorId),
			amount: 100,
		});
		const banks = (options.fundingOptions as IDataObject).banks as IDataObject[];
		expect(banks.find((b) => b.id === verified)).toMatchObject({
			available: true,
			processDate: day(emulator, 1),
		});
		expect(banks.find((b) => b.id === pending)).toMatchObject({
			available: false,
			reason: expect.stringMatching(/not verified/),
		});
		expect(emulator.requests({ route: '/v3/payments/options' })).toHaveLength(1);
	});
});
