/**
 * What a new user tripped over, on payments: a re-run whose Amount maps the bill's dueAmount
 * (0 once paid) returns the payment; the funding account "Default for Payables".
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { api, day, type Api } from './setup';

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
const pay = (billId: string, amount: number, extra: INodeParameters = {}): INodeParameters => ({
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

describe('Payment → Create Bulk: a re-run with the Amounts mapped to the dueAmounts', () => {
	it('returns the payments of bills with nothing left to pay, and pays the others', async () => {
		const vendorId = await admin.vendor();
		const a = await admin.bill(vendorId, 30);
		const b = await admin.bill(vendorId, 70);
		const accountId = await admin.bankAccount();
		const due = (bill: { id?: unknown }) =>
			Number(emulator.state.bills.get(String(bill.id))!.dueAmount);
		const parameters = (): INodeParameters => ({
			resource: 'payment',
			operation: 'createBulk',
			processDate: day(emulator, 1),
			fundingAccountId: byId(accountId),
			payments: {
				payment: [
					{ billId: String(a.id), amount: due(a) },
					{ billId: String(b.id), amount: due(b) },
				],
			},
		});
		const first = await runBillOk(billCredentials(emulator), {
			...parameters(),
			payments: { payment: [{ billId: String(a.id), amount: due(a) }] },
		});
		expect(first[0]).toMatchObject({ amount: 30, alreadyExisted: false });
		const again = await runBillOk(billCredentials(emulator), parameters());
		expect(again.map((p) => [p.billId, p.amount, p.alreadyExisted, p.billAlreadyPaid])).toEqual([
			[a.id, 30, true, true],
			[b.id, 70, false, undefined],
		]);
		expect(payments()).toHaveLength(2);
	});
});

describe('Paying from the default account for payables', () => {
	const banksListed = () =>
		emulator.requests({ method: 'GET', route: '/v3/funding-accounts/banks' }).length;

	async function defaultAccount(): Promise<{ other: string; main: string }> {
		const other = await admin.bankAccount();
		const main = await admin.bankAccount();
		const r = await admin.call('PATCH', `/v3/funding-accounts/banks/${main}`, {
			default: { payables: true },
		});
		expect(r.status).toBe(200);
		return { other, main };
	}

	it('"Default for Payables" pays from it, looked up once for all items of the run', async () => {
		const { main } = await defaultAccount();
		const vendorId = await admin.vendor();
		const bills = [await admin.bill(vendorId, 10), await admin.bill(vendorId, 20)];
		const output = await runBillOk(
			billCredentials(emulator),
			(i) => pay(String(bills[i].id), 10 * (i + 1), { fundingType: 'DEFAULT_PAYABLES' }),
			{ items: [{}, {}] },
		);
		expect(output.map((p) => (p.fundingAccount as IDataObject).id)).toEqual([main, main]);
		expect(banksListed()).toBe(1);
	});

	it('Create Bulk pays from it too', async () => {
		const { main } = await defaultAccount();
		const bill = await admin.bill(await admin.vendor(), 40);
		const output = await runBillOk(billCredentials(emulator), {
			resource: 'payment',
			operation: 'createBulk',
			processDate: day(emulator, 1),
			fundingType: 'DEFAULT_PAYABLES',
			payments: { payment: [{ billId: String(bill.id), amount: 40 }] },
		});
		expect((output[0].fundingAccount as IDataObject).id).toBe(main);
	});

	it('without a default account, each item says so, naming the parameter; nothing is paid', async () => {
		await admin.bankAccount();
		const bill = await admin.bill(await admin.vendor(), 10);
		const { output } = await runBill(
			billCredentials(emulator),
			pay(String(bill.id), 10, { fundingType: 'DEFAULT_PAYABLES' }),
			{ items: [{}, {}], continueOnFail: true },
		);
		for (const item of output)
			expect(item.json.error).toMatch(
				/^Funding Type: "Default for Payables": the organization has no bank account that is the default for payables \[item \d\]/,
			);
		expect(payments()).toHaveLength(0);
	});

	it('saved workflows keep the account they picked: Funding Type still defaults to Bank Account', async () => {
		const { other } = await defaultAccount();
		const bill = await admin.bill(await admin.vendor(), 10);
		const { fundingType: _ignored, ...saved } = pay(String(bill.id), 10, {
			fundingAccountId: byId(other),
		});
		const output = await runBillOk(billCredentials(emulator), saved);
		expect((output[0].fundingAccount as IDataObject).id).toBe(other);
	});

	it('Bank Account → Get Many filters by "Default for Payables" (on: the default, off: the others)', async () => {
		const { main, other } = await defaultAccount();
		const list = async (defaultForPayables: boolean) =>
			(
				await runBillOk(billCredentials(emulator), {
					resource: 'bankAccount',
					operation: 'getMany',
					returnAll: true,
					filters: { defaultForPayables },
				})
			).map((a) => a.id);
		expect(await list(true)).toEqual([main]);
		expect(await list(false)).toEqual([other]);
	});
});
