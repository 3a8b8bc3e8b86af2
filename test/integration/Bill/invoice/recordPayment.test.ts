/**
 * Received Payment → Record against the emulator: a payment received outside BILL, nothing twice on a re-run.
 */
import { searchReceivablePayments } from '../../../../nodes/Bill/listSearch/receivablePayments';
import { billNode, byId, runBillOk } from '../../../harness/bill';
import { loadOptionsContext } from '../../../harness/context';
import { credentials, ar, newCustomer, createFor, useInvoiceEmulator } from './setup';

useInvoiceEmulator();

describe('Invoice', () => {
	it('records a payment received outside BILL; a re-run records nothing for invoices paid in full', async () => {
		const customerId = await newCustomer();
		const [invoice] = await runBillOk(credentials, createFor(customerId, 'INV-1'));
		const parameters = {
			resource: 'invoice',
			operation: 'recordPayment',
			customerId: byId(customerId),
			paymentDate: '2026-12-05',
			paymentType: 'CREDIT_CARD',
			amount: 79.98,
			invoices: { invoice: [{ invoiceId: String(invoice.id), amount: 79.98 }] },
			description: 'Paid in store',
		};
		const [payment] = await runBillOk(credentials, parameters);
		expect(payment.id).toMatch(/^0rp/);
		expect(ar().invoices.get(String(invoice.id))).toMatchObject({
			dueAmount: 0,
			status: 'PAID_IN_FULL',
		});
		const [again] = await runBillOk(credentials, parameters);
		expect(again).toMatchObject({ alreadyPaid: true, invoiceIds: [invoice.id] });
		expect(ar().receivablePayments.size).toBe(1);
		// Received payments: picked from the list (by customer, amount and date).
		const received = await searchReceivablePayments.call(
			loadOptionsContext({
				node: billNode,
				parameters: { resource: 'receivablePayment', operation: 'get' },
				credentials,
			}),
			'Paperless',
		);
		expect(received.results).toEqual([
			{
				name: `${String(ar().customers.get(customerId)?.name)} · 79.98 · 2026-12-05`,
				value: payment.id,
			},
		]);
		// Received payments: Get and Get Many.
		const [got] = await runBillOk(credentials, {
			resource: 'receivablePayment',
			operation: 'get',
			receivablePaymentId: byId(String(payment.id)),
		});
		expect(got).toMatchObject({
			amount: 79.98,
			customerId,
			invoicePayments: [{ invoiceId: String(invoice.id), amount: 79.98 }],
		});
		const list = await runBillOk(credentials, {
			resource: 'receivablePayment',
			operation: 'getMany',
			returnAll: true,
			filters: { customerId: byId(customerId) },
		});
		expect(list.map((p) => p.id)).toEqual([payment.id]);
	});
});
