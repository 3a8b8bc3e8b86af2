/**
 * Payment → Create Bulk against the emulator: one request for many bills, a refusal naming its item.
 */

import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { admin, bills, day, emulator, payments, posts, usePaymentEmulator } from './setup';

usePaymentEmulator();

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
