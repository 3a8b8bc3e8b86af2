/**
 * What a new user tripped over, on payments: a re-run whose Amount maps the bill's dueAmount
 * (0 once paid) returns the payment; the funding account "Default for Payables".
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../emulator';
import { billCredentials, byId, runBill, runBillOk } from '../harness/bill';
import { api, day, type Api } from './payment-setup';

let emulator: Emulator;
let admin: Api;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	admin = api(emulator);
});

const payments = () => [...emulator.state.payments.values()];
const pay = (billId: string, amount: unknown, extra: IDataObject = {}) => ({
	resource: 'payment',
	operation: 'create',
	billId: byId(billId),
	amount,
	processDate: day(emulator, 1),
	fundingType: 'BANK_ACCOUNT',
	...extra,
});

describe('Payment → Create: a re-run with the Amount mapped to the dueAmount', () => {
	it('finds dueAmount 0 on the re-run and returns the payment made, paying nothing', async () => {
		const bill = await admin.bill(await admin.vendor(), 300);
		const accountId = await admin.bankAccount();
		const billId = String(bill.id);
		// The Amount maps the bill's dueAmount, as the parameter's description suggests.
		const dueAmount = () => Number(emulator.state.bills.get(billId)!.dueAmount);
		const first = await runBillOk(
			billCredentials(emulator),
			pay(billId, dueAmount(), { fundingAccountId: byId(accountId) }),
		);
		expect(first[0]).toMatchObject({ amount: 300, alreadyExisted: false });
		expect(dueAmount()).toBe(0);

		const again = await runBillOk(
			billCredentials(emulator),
			pay(billId, dueAmount(), { fundingAccountId: byId(accountId) }),
		);
		expect(again).toHaveLength(1);
		expect(again[0]).toMatchObject({
			id: first[0].id,
			amount: 300,
			alreadyExisted: true,
			billAlreadyPaid: true,
		});
		expect(payments()).toHaveLength(1);
	});

	it('an Amount of 0 on a bill with something due is still refused, saying what is due', async () => {
		const bill = await admin.bill(await admin.vendor(), 120);
		const accountId = await admin.bankAccount();
		const { error } = await runBill(
			billCredentials(emulator),
			pay(String(bill.id), 0, { fundingAccountId: byId(accountId) }),
		);
		expect(error?.message).toBe('Amount: must be more than 0 [item 0]');
		expect(error?.description).toMatch(/still has 120 due/);
		expect(payments()).toHaveLength(0);
	});

	it('a bill paid by a payment the node cannot see: says plainly it is paid, pays nothing', async () => {
		const bill = await admin.bill(await admin.vendor(), 80);
		const accountId = await admin.bankAccount();
		emulator.state.bills.get(String(bill.id))!.dueAmount = 0;
		emulator.state.bills.get(String(bill.id))!.paymentStatus = 'PAID';
		const { output } = await runBill(
			billCredentials(emulator),
			pay(String(bill.id), 0, { fundingAccountId: byId(accountId) }),
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(
			/has nothing left to pay \(payment status PAID\); nothing was paid/,
		);
		expect(payments()).toHaveLength(0);
	});
});
