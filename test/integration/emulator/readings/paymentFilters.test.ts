/**
 * Reading 2 (`paymentFilters`): payment create's duplicate check, whether BILL accepts or refuses the vendorId filter.
 */
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { logLines } from '../../../harness/context';
import { day } from '../../Bill/payment/setup';
import { emulator, admin, play, payments, useReadingsEmulator } from './setup';

useReadingsEmulator();

describe("2. payment create's duplicate check", () => {
	const payParameters = (
		billId: string,
		accountId: string,
		amount: number,
		processDate: string,
	) => ({
		resource: 'payment',
		operation: 'create',
		billId: byId(billId),
		amount,
		processDate,
		fundingType: 'BANK_ACCOUNT',
		fundingAccountId: byId(accountId),
	});
	const paymentPosts = (route = '/v3/payments') =>
		emulator.requests({
			method: 'POST',
			route: new RegExp(`^${route}( \\(connection reset after\\))?$`),
		}).length;

	describe.each(['lenient', 'strict'] as const)('payment filters read %s', (paymentFilters) => {
		beforeEach(() => play({ paymentFilters }));

		it('a re-run after a lost answer pays nothing; a second, different payment of the bill is still made', async () => {
			const vendorId = await admin.vendor();
			const billId = String((await admin.bill(vendorId, 300)).id);
			const accountId = await admin.bankAccount();
			const first = payParameters(billId, accountId, 80, day(emulator, 1));
			emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/payments' });
			const { output } = await runBill(billCredentials(emulator), first, { continueOnFail: true });
			expect(output[0].json).toMatchObject({ outcomeUnknown: true });
			expect(payments()).toHaveLength(1);

			const [rerun] = await runBillOk(billCredentials(emulator), first);
			expect(rerun).toMatchObject({ id: payments()[0].id, alreadyExisted: true });
			const [again] = await runBillOk(billCredentials(emulator), first);
			expect(again.alreadyExisted).toBe(true);
			expect(paymentPosts()).toBe(1);

			const [second] = await runBillOk(
				billCredentials(emulator),
				payParameters(billId, accountId, 50, day(emulator, 1)),
			);
			expect(second.alreadyExisted).toBe(false);
			expect(payments()).toHaveLength(2);
			expect(emulator.state.bills.get(billId)).toMatchObject({ scheduledAmount: 130 });
		});

		it('two items paying the same bill the same way in one run make one payment', async () => {
			const billId = String((await admin.bill(await admin.vendor(), 300)).id);
			const accountId = await admin.bankAccount();
			const output = await runBillOk(
				billCredentials(emulator),
				payParameters(billId, accountId, 50, day(emulator, 1)),
				{ items: [{}, {}, {}] },
			);
			expect(output.map((o) => o.alreadyExisted)).toEqual([false, true, true]);
			expect(payments()).toHaveLength(1);
		});

		it('bulk: a re-run pays nothing again', async () => {
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
			const first = await runBillOk(billCredentials(emulator), parameters);
			expect(first.map((p) => p.alreadyExisted)).toEqual([false, false]);
			const again = await runBillOk(billCredentials(emulator), parameters);
			expect(again.map((p) => p.alreadyExisted)).toEqual([true, true]);
			expect(paymentPosts('/v3/payments/bulk')).toBe(1);
			expect(payments()).toHaveLength(2);
		});
	});

	it('strict: the refused filter falls back to what BILL documents; a bill that shows no payment needs no search', async () => {
		play({ paymentFilters: 'strict' });
		const billId = String((await admin.bill(await admin.vendor(), 300)).id);
		const accountId = await admin.bankAccount();
		logLines.length = 0;
		const { output } = await runBill(
			billCredentials(emulator),
			payParameters(billId, accountId, 100, day(emulator, 1)),
		);
		expect(output[0].json.alreadyExisted).toBe(false);
		const lists = emulator.requests({ method: 'GET', route: '/v3/payments' });
		// The filtered list, refused with BILL's error for an unsupported filter; no unfiltered read.
		expect(lists.map((r) => [r.status, r.code])).toEqual([[400, 'BDC_1002']]);
		expect(logLines.some((l) => /refused the vendorId filter/.test(l))).toBe(true);
	});
});
