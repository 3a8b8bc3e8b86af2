/**
 * Saved plain IDs and picked ones, receivables side: credit memos and invoices (plain ID and picked
 * locator, against the emulator).
 */
import { receivables } from '../../../../emulator/receivables';
import { byId, runBillOk } from '../../../harness/bill';
import {
	emulator,
	credentials,
	picked,
	classification,
	bankAccount,
	customer,
	useSavedIdsEmulator,
} from './setup';

useSavedIdsEmulator();

describe('Saved plain IDs and picked ones', () => {
	it('credit memo: refund bank account, chart of account and sales tax item', async () => {
		const customerId = await customer();
		const coa = await classification('chartOfAccount', { name: 'Sales', accountType: 'INCOME' });
		const tax = await classification('item', { name: 'Sales tax', itemType: 'SALES_TAX' });
		const bank = await bankAccount();
		let n = 0;
		for (const [shape, pick] of [
			['saved plain string', (id: string) => id],
			['picked from the list', (id: string) => picked(id)],
		] as const) {
			const [memo] = await runBillOk(credentials(), {
				resource: 'creditMemo',
				operation: 'create',
				customerId: byId(customerId),
				referenceNumber: `CM-${++n}`,
				creditDate: '2026-12-01',
				lineItems: {
					item: [{ description: 'Returned', lineType: 'priced', quantity: 1, price: 10 }],
				},
				additionalFields: {
					payToBankAccountId: pick(bank),
					payToChartOfAccountId: pick(coa),
					salesTaxItemId: pick(tax),
				},
			});
			expect([shape, receivables(emulator.state).creditMemos.get(String(memo.id))]).toEqual([
				shape,
				expect.objectContaining({
					payToBankAccountId: bank,
					payToChartOfAccountId: coa,
					salesTaxItemId: tax,
				}),
			]);
		}
	});

	it('invoice: chart of account, sales tax item, reply-to user and invoices of a recorded payment', async () => {
		const customerId = await customer();
		const coa = await classification('chartOfAccount', { name: 'Sales', accountType: 'INCOME' });
		const tax = await classification('item', { name: 'Sales tax', itemType: 'SALES_TAX' });
		const { clerk } = emulator.fixtures;
		let n = 0;
		for (const [shape, pick] of [
			['saved plain string', (id: string) => id],
			['picked from the list', (id: string) => picked(id)],
		] as const) {
			const [invoice] = await runBillOk(credentials(), {
				resource: 'invoice',
				operation: 'create',
				customerMode: 'existing',
				customerId: byId(customerId),
				invoiceNumber: `INV-${++n}`,
				lineItems: { item: [{ description: 'Drum sticks', quantity: 2, price: 10 }] },
				additionalFields: {
					dueDate: '2026-12-31',
					payToChartOfAccountId: pick(coa),
					salesTaxItemId: pick(tax),
				},
			});
			const invoiceId = String(invoice.id);
			expect([shape, receivables(emulator.state).invoices.get(invoiceId)]).toEqual([
				shape,
				expect.objectContaining({ payToChartOfAccountId: coa, salesTaxItemId: tax }),
			]);
			const [sent] = await runBillOk(credentials(), {
				resource: 'invoice',
				operation: 'sendEmail',
				invoiceId: byId(invoiceId),
				recipients: 'ap@paperless.example',
				replyToUserId: pick(clerk.userId),
			});
			expect([shape, sent.replyToUserId]).toEqual([shape, clerk.userId]);
			const [payment] = await runBillOk(credentials(), {
				resource: 'invoice',
				operation: 'recordPayment',
				customerId: byId(customerId),
				paymentDate: '2026-12-05',
				paymentType: 'CREDIT_CARD',
				amount: 5,
				invoices: { invoice: [{ invoiceId: pick(invoiceId), amount: 5 }] },
			});
			expect([shape, payment.id]).toEqual([shape, expect.stringMatching(/^0rp/)]);
			expect(receivables(emulator.state).invoices.get(invoiceId)?.dueAmount).toBe(
				(receivables(emulator.state).invoices.get(invoiceId)?.totalAmount as number) - 5,
			);
		}
		// Left empty: the user the credential signs in as.
		const [invoice] = await runBillOk(credentials(), {
			resource: 'invoice',
			operation: 'create',
			customerMode: 'existing',
			customerId: byId(customerId),
			invoiceNumber: 'INV-9',
			lineItems: { item: [{ description: 'Picks', quantity: 1, price: 10 }] },
		});
		const [sent] = await runBillOk(credentials(), {
			resource: 'invoice',
			operation: 'sendEmail',
			invoiceId: byId(String(invoice.id)),
			recipients: 'ap@paperless.example',
			replyToUserId: { __rl: true, mode: 'list', value: '' },
		});
		expect(sent.replyToUserId).toBe(emulator.fixtures.admin.userId);
	});
});
