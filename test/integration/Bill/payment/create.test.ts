/**
 * Payment → Create against the emulator (issue 10): paying bills moves their amounts and fires
 * payment.updated; every refusal (untrusted session, unverified account, amount above due,
 * unapproved bill) reaches the user with what to do; a re-run after a lost answer pays nothing twice.
 */

import { processPayments } from '../../../../emulator/routes/payments';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import {
	admin,
	billAndAccount,
	bills,
	day,
	emulator,
	events,
	payParameters,
	payments,
	posts,
	usePaymentEmulator,
} from './setup';

usePaymentEmulator();

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
