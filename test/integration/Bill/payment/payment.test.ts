/**
 * Payment resource against the emulator (issue 10): paying bills moves their amounts and fires
 * payment.updated; every refusal (untrusted session, unverified account, amount above due,
 * unapproved bill, cancel after processing, void before processing) reaches the user with what
 * to do; a re-run after a lost answer pays nothing twice.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { processPayments } from '../../../../emulator/routes/payments';
import { billCredentials, byId, expr, runBill, runBillOk } from '../../../harness/bill';
import { api, day, type Api } from './setup';

let emulator: Emulator;
let admin: Api;
const events: Array<{ type: string; id: unknown; status?: unknown }> = [];
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
	emulator.onEvent((event) =>
		events.push({ type: event.type, id: event.entity.id, status: event.entity.status }),
	);
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	admin = api(emulator);
	events.length = 0;
});

const bills = () => emulator.state.bills;
const payments = () => [...emulator.state.payments.values()];
/** POSTs to a route, counting those whose connection a fault cut after BILL applied them. */
const posts = (route: string) =>
	emulator.requests({
		method: 'POST',
		route: new RegExp(`^${route}( \\(connection reset after\\))?$`),
	}).length;

async function billAndAccount(
	amount = 300,
): Promise<{ vendorId: string; billId: string; accountId: string }> {
	const vendorId = await admin.vendor();
	const bill = await admin.bill(vendorId, amount);
	return { vendorId, billId: String(bill.id), accountId: await admin.bankAccount() };
}

const payParameters = (
	billId: string,
	accountId: string,
	amount: number,
	processDate: string,
	extra: IDataObject = {},
) => ({
	resource: 'payment',
	operation: 'create',
	billId: byId(billId),
	amount,
	processDate,
	fundingType: 'BANK_ACCOUNT',
	fundingAccountId: byId(accountId),
	...extra,
});

describe('Payment: create', () => {
	it('pays a bill: the output says which bill and how much, the bill is SCHEDULED with its due amount lowered, payment.updated fires', async () => {
		const { billId, accountId, vendorId } = await billAndAccount(300);
		const tomorrow = day(emulator, 1);
		const [payment] = await runBillOk(
			billCredentials(emulator),
			payParameters(billId, accountId, 120.5, tomorrow),
		);

		expect(payment).toMatchObject({
			billId,
			vendorId,
			amount: 120.5,
			processDate: tomorrow,
			status: 'SCHEDULED',
			alreadyExisted: false,
		});
		expect(String(payment.id)).toMatch(/^stp/);
		expect(payment.paidBills).toEqual([{ billId, amount: 120.5 }]);
		expect(payment.fundingAccount).toEqual({ type: 'BANK_ACCOUNT', id: accountId });
		expect(bills().get(billId)).toMatchObject({
			dueAmount: 179.5,
			scheduledAmount: 120.5,
			paidAmount: 0,
			paymentStatus: 'SCHEDULED',
		});
		expect(events).toContainEqual({ type: 'payment.updated', id: payment.id, status: 'SCHEDULED' });
		expect(posts('/v3/payments')).toBe(1);
	});

	it('editing a bill with a scheduled payment keeps the payment out of what is due', async () => {
		const { billId, accountId } = await billAndAccount(300);
		const credentials = billCredentials(emulator);
		await runBillOk(credentials, payParameters(billId, accountId, 100, day(emulator, 1)));
		await runBillOk(credentials, {
			resource: 'bill',
			operation: 'update',
			billId: byId(billId),
			updateFields: { description: 'Edited after paying' },
		});
		expect(bills().get(billId)).toMatchObject({
			description: 'Edited after paying',
			dueAmount: 200,
			scheduledAmount: 100,
			paymentStatus: 'SCHEDULED',
		});
	});

	it('is processed after its process date: the bill is PARTIAL, then PAID when the rest is paid', async () => {
		const { billId, accountId } = await billAndAccount(300);
		const credentials = billCredentials(emulator);
		const [first] = await runBillOk(
			credentials,
			payParameters(billId, accountId, 100, day(emulator, 1)),
		);
		emulator.clock.advance(2 * 86_400_000);
		const [got] = await runBillOk(credentials, {
			resource: 'payment',
			operation: 'get',
			paymentId: String(first.id),
		});
		expect(got).toMatchObject({
			id: first.id,
			status: 'PAID',
			singleStatus: 'CLEARED',
			paidBills: [{ billId, amount: 100 }],
		});
		expect(bills().get(billId)).toMatchObject({
			paidAmount: 100,
			dueAmount: 200,
			scheduledAmount: 0,
			paymentStatus: 'PARTIAL',
		});

		await runBillOk(credentials, payParameters(billId, accountId, 200, day(emulator, 1)));
		processPayments(emulator, day(emulator, 1));
		expect(bills().get(billId)).toMatchObject({
			paidAmount: 300,
			dueAmount: 0,
			paymentStatus: 'PAID',
		});
		expect(events.filter((e) => e.type === 'payment.updated' && e.status === 'PAID')).toHaveLength(
			2,
		);
	});

	it('a second run with the same bill, amount and date returns the payment made (alreadyExisted), without paying again', async () => {
		const { billId, accountId } = await billAndAccount(300);
		const parameters = payParameters(billId, accountId, 300, day(emulator, 1));
		const [first] = await runBillOk(billCredentials(emulator), parameters);
		const [second] = await runBillOk(billCredentials(emulator), parameters);
		expect(second).toMatchObject({
			id: first.id,
			alreadyExisted: true,
			paidBills: [{ billId, amount: 300 }],
		});
		expect(payments()).toHaveLength(1);
		expect(posts('/v3/payments')).toBe(1);
	});

	it('two items paying the same bill the same way in one run make one payment', async () => {
		const { billId, accountId } = await billAndAccount(300);
		const output = await runBillOk(
			billCredentials(emulator),
			payParameters(billId, accountId, 50, day(emulator, 1)),
			{ items: [{}, {}] },
		);
		expect(output.map((o) => o.alreadyExisted)).toEqual([false, true]);
		expect(output[0].id).toBe(output[1].id);
		expect(payments()).toHaveLength(1);
	});

	it('after a lost answer (connection reset after BILL paid), the item says the outcome is unknown and the re-run returns that payment', async () => {
		const { billId, accountId } = await billAndAccount(300);
		const parameters = payParameters(billId, accountId, 80, day(emulator, 1));
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/payments' });
		const { output } = await runBill(billCredentials(emulator), parameters, {
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ outcomeUnknown: true });
		expect(String(output[0].json.hint)).toMatch(/Running it again is safe/);
		expect(payments()).toHaveLength(1);

		const [rerun] = await runBillOk(billCredentials(emulator), parameters);
		expect(rerun).toMatchObject({ id: payments()[0].id, alreadyExisted: true });
		expect(payments()).toHaveLength(1);
		expect(posts('/v3/payments')).toBe(1);
		expect(bills().get(billId)).toMatchObject({ dueAmount: 220, scheduledAmount: 80 });
	});

	it("an untrusted session gets BILL's BDC_1361 with the way to an MFA ID, and nothing is paid", async () => {
		const { billId, accountId } = await billAndAccount(300);
		const { output } = await runBill(
			billCredentials(emulator, { untrusted: true }),
			payParameters(billId, accountId, 10, day(emulator, 1)),
			{
				continueOnFail: true,
			},
		);
		expect(output[0].json).toMatchObject({ code: 'BDC_1361', httpCode: '403' });
		expect(String(output[0].json.error)).toMatch(/MFA-trusted/);
		expect(String(output[0].json.hint)).toMatch(/Getting an MFA ID/);
		expect(payments()).toEqual([]);
		expect(bills().get(billId)).toMatchObject({ dueAmount: 300, paymentStatus: 'UNPAID' });
	});

	it('refuses an unverified bank account before sending the payment, saying to verify it', async () => {
		const vendorId = await admin.vendor();
		const billId = String((await admin.bill(vendorId, 100)).id);
		const pending = await admin.bankAccount(false);
		const { error } = await runBill(
			billCredentials(emulator),
			payParameters(billId, pending, 10, day(emulator, 1)),
		);
		expect(error?.message).toMatch(
			/^Funding Bank Account: .*not verified \(status PENDING\).*\[item 0\]/,
		);
		expect(error?.description).toMatch(/Bank Account → Verify/);
		expect(posts('/v3/payments')).toBe(0);
	});

	it('BILL itself refuses an unverified account and an amount above what is due (all checked before a bill changes)', async () => {
		const vendorId = await admin.vendor();
		const billId = String((await admin.bill(vendorId, 100)).id);
		const pending = await admin.bankAccount(false);
		const verified = await admin.bankAccount(true);
		const body = (account: string, amount: number) => ({
			vendorId,
			billId,
			amount,
			processDate: day(emulator, 1),
			fundingAccount: { type: 'BANK_ACCOUNT', id: account },
		});
		const unverified = await admin.call('POST', '/v3/payments', body(pending, 10));
		expect(unverified.status).toBe(400);
		expect(JSON.stringify(unverified.data)).toMatch(/not verified/);
		const tooMuch = await admin.call('POST', '/v3/payments', body(verified, 100.01));
		expect(tooMuch.status).toBe(400);
		expect(JSON.stringify(tooMuch.data)).toMatch(/more than the 100 due/);
		expect(payments()).toEqual([]);
		expect(bills().get(billId)).toMatchObject({ dueAmount: 100, scheduledAmount: 0 });
	});

	it("refuses an amount above the bill's due amount (scheduled payments count) before sending, naming the parameter", async () => {
		const { billId, accountId } = await billAndAccount(100);
		const credentials = billCredentials(emulator);
		await runBillOk(credentials, payParameters(billId, accountId, 60, day(emulator, 1)));
		const { error } = await runBill(
			credentials,
			payParameters(billId, accountId, 50, day(emulator, 2)),
		);
		expect(error?.message).toBe(
			`Amount: 50 is more than the 40 still due on bill ${billId} [item 0]`,
		);
		expect(posts('/v3/payments')).toBe(1);
	});

	it('bad input is refused before anything is sent, with Continue On Fail per item', async () => {
		const { billId, accountId } = await billAndAccount(100);
		const before = emulator.log.length;
		const { output } = await runBill(
			billCredentials(emulator),
			(i) =>
				[
					payParameters('00n02SHORT', accountId, 10, day(emulator, 1)),
					payParameters(billId, accountId, -5, day(emulator, 1)),
					payParameters(billId, accountId, 10, '31/12/2026'),
					payParameters(billId, 'bac02NOTANACCOUNT!!!', 10, day(emulator, 1)),
					payParameters(billId, accountId, 10, day(emulator, 1), {
						fundingType: 'CARD_ACCOUNT',
						cardAccountId: 'crd02ABCDEFGHIJKLMNO',
						cardFundingPurpose: '',
					}),
				][i],
			{ items: [{}, {}, {}, {}, {}], continueOnFail: true },
		);
		expect(output.map((o) => String(o.json.error).split(':')[0])).toEqual([
			'Bill',
			'Amount',
			'Process Date',
			'Funding Bank Account',
			'Card Funding Purpose',
		]);
		expect(output.every((o, i) => String(o.json.error).endsWith(`[item ${i}]`))).toBe(true);
		expect(emulator.log.slice(before).filter((e) => e.method === 'POST')).toEqual([]);
	});

	it('card-account funding sends the card funding purpose BILL requires', async () => {
		const { billId } = await billAndAccount(100);
		// The organization's verified card account (the emulator's seeded Visa card).
		const cards = await admin.call<{ cards: Array<{ id: string }> }>(
			'GET',
			'/v3/funding-accounts/cards?cardUserStatus=VERIFIED',
		);
		const cardId = cards.data.cards[0].id;
		const [payment] = await runBillOk(
			billCredentials(emulator),
			payParameters(billId, '', 25, day(emulator, 1), {
				fundingType: 'CARD_ACCOUNT',
				cardAccountId: cardId,
				cardFundingPurpose: 'Studio rent',
			}),
		);
		expect(payment).toMatchObject({
			fundingAccount: { type: 'CARD_ACCOUNT', id: cardId },
			cardFundingPurpose: 'Studio rent',
		});
	});

	it("a bill waiting for approval cannot be paid: BILL's refusal says so", async () => {
		await admin.policy(1000, [emulator.fixtures.clerk.userId]);
		const vendorId = await admin.vendor();
		const billId = String((await admin.bill(vendorId, 5000)).id);
		const accountId = await admin.bankAccount();
		const { error } = await runBill(
			billCredentials(emulator),
			payParameters(billId, accountId, 5000, day(emulator, 1)),
		);
		expect(error?.message).toMatch(/not approved \(approval status ASSIGNED\)/);
		expect(payments()).toEqual([]);
	});
});

describe('Payment: create bulk', () => {
	it('pays several bills of several vendors in one request, one item per bill; a re-run pays nothing again', async () => {
		const a = await admin.bill(await admin.vendor('Harbor Audio'), 228.99);
		const b = await admin.bill(await admin.vendor('Lumen Lighting'), 142);
		const accountId = await admin.bankAccount();
		const parameters = {
			resource: 'payment',
			operation: 'createBulk',
			processDate: day(emulator, 1),
			fundingType: 'BANK_ACCOUNT',
			fundingAccountId: byId(accountId),
			payments: {
				payment: [
					{ billId: String(a.id), amount: 228.99 },
					{ billId: String(b.id), amount: 100 },
				],
			},
		};
		const output = await runBillOk(billCredentials(emulator), parameters);
		expect(output.map((p) => [p.billId, p.amount, p.alreadyExisted])).toEqual([
			[a.id, 228.99, false],
			[b.id, 100, false],
		]);
		expect(bills().get(String(b.id))).toMatchObject({ dueAmount: 42, paymentStatus: 'SCHEDULED' });

		const again = await runBillOk(billCredentials(emulator), parameters);
		expect(again.map((p) => p.alreadyExisted)).toEqual([true, true]);
		expect(posts('/v3/payments/bulk')).toBe(1);
		expect(payments()).toHaveLength(2);
	});

	it('all or nothing: one bill asked for more than is due fails the request and pays none', async () => {
		const vendorId = await admin.vendor();
		const a = await admin.bill(vendorId, 100);
		const b = await admin.bill(vendorId, 50);
		const accountId = await admin.bankAccount();
		const { error } = await runBill(billCredentials(emulator), {
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
		});
		expect(error?.message).toMatch(/payment 2 → Amount \(amount\): 60 is more than the 50 due/);
		expect(payments()).toEqual([]);
		expect(bills().get(String(a.id))).toMatchObject({ dueAmount: 100, paymentStatus: 'UNPAID' });
	});

	it('refuses more than 50 bills before sending', async () => {
		const { error } = await runBill(billCredentials(emulator), {
			resource: 'payment',
			operation: 'createBulk',
			processDate: day(emulator, 1),
			fundingAccountId: byId('bac02ABCDEFGHIJKLMNO'),
			payments: {
				payment: Array.from({ length: 51 }, () => ({ billId: '00n02ABCDEFGHIJKLMNO', amount: 1 })),
			},
		});
		expect(error?.message).toMatch(/^Bill Payments: has 51 bills; BILL pays at most 50/);
		expect(emulator.log).toEqual([]);
	});
});

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
