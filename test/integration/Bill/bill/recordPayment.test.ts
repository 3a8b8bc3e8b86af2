/**
 * Bill → Record Payment, in-process against the emulator.
 * Create Many, bad input and failures: createMany.test.ts, input.test.ts.
 */
import type { INodeParameters } from 'n8n-workflow';

import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { bodiesOf, createParameters, emulator, makeVendor, useBillEmulator } from './setup';

useBillEmulator();

describe('Bill: record payment', () => {
	it('moves paidAmount, dueAmount and paymentStatus from UNPAID to PARTIAL to PAID', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [a] = await runBillOk(credentials, createParameters(vendorId, 'P-1'));
		const [b] = await runBillOk(
			credentials,
			createParameters(vendorId, 'P-2', {
				lineItems: { lineItem: [{ pricedBy: 'amount', amount: 50 }] },
			}),
		);
		const pay = (payments: Array<{ billId: unknown; amount: number }>): INodeParameters => ({
			resource: 'bill',
			operation: 'recordPayment',
			vendorId: byId(vendorId),
			processDate: '2026-11-20',
			payments: {
				payment: payments.map((p) => ({
					billId: String(p.billId),
					amount: p.amount,
				})) as unknown as INodeParameters[],
			},
		});
		const [payment] = await runBillOk(
			credentials,
			pay([
				{ billId: a.id, amount: 100 },
				{ billId: b.id, amount: 50 },
			]),
		);
		expect(bodiesOf('POST', '/v3/bills/record-payment')[0]).toEqual({
			vendorId,
			processDate: '2026-11-20',
			toPrintCheck: false,
			payments: [
				{ billId: a.id, amount: 100 },
				{ billId: b.id, amount: 50 },
			],
		});
		expect(payment.id).toMatch(/^stp02/);
		expect(payment).toMatchObject({
			vendorId,
			amount: 150,
			processDate: '2026-11-20',
			onlinePayment: false,
		});
		expect(payment.billPayments).toEqual([
			expect.objectContaining({ billId: a.id, amount: 100 }),
			expect.objectContaining({ billId: b.id, amount: 50 }),
		]);
		expect(emulator.state.bills.get(a.id as string)).toMatchObject({
			paidAmount: 100,
			dueAmount: 208.98,
			paymentStatus: 'PARTIAL',
		});
		expect(emulator.state.bills.get(b.id as string)).toMatchObject({
			paidAmount: 50,
			dueAmount: 0,
			paymentStatus: 'PAID',
		});
		await runBillOk(credentials, pay([{ billId: a.id, amount: 208.98 }]));
		expect(emulator.state.bills.get(a.id as string)).toMatchObject({
			paidAmount: 308.98,
			dueAmount: 0,
			paymentStatus: 'PAID',
		});
	});

	it("shows BILL's refusal of a payment larger than what is due, and changes nothing", async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'San Jose Music Supplies');
		const [a] = await runBillOk(credentials, createParameters(vendorId, 'P-3'));
		const { error } = await runBill(credentials, {
			resource: 'bill',
			operation: 'recordPayment',
			vendorId: byId(vendorId),
			processDate: '2026-11-20',
			payments: { payment: [{ billId: String(a.id), amount: 500 }] },
		});
		expect(error?.message).toMatch(/BDC_1002: payments\[0\]\.amount/);
		expect(emulator.state.bills.get(a.id as string)).toMatchObject({
			paidAmount: 0,
			paymentStatus: 'UNPAID',
		});
		expect(emulator.state.payments.size).toBe(0);
	});
});
