/** The collection's variables of receivables: customers, invoices, received payments, credit memos, recurring invoices, attachments. */
import type { Makers } from './contractVariables';

export const RECEIVABLE_VARIABLES: Makers = [
	[
		['customer_id'],
		async ({ v }) => {
			return String(
				(
					await v.call('POST', '/v3/customers', {
						name: 'Contract Customer',
						email: 'customer@example.com',
					})
				).id,
			);
		},
	],
	[
		['invoice_id'],
		async ({ v, request }) => {
			const invoice = await v.call('POST', '/v3/invoices', {
				customer: { id: await v.get('customer_id', request) },
				invoiceNumber: 'C-1',
				invoiceLineItems: [
					{ quantity: 2, description: 'one', price: 50 },
					{ quantity: 1, description: 'two', price: 50 },
				],
			});
			const lines = invoice.invoiceLineItems as Array<{ id: string }>;
			v.cache.set('invoice_line_item_id01', lines[0].id);
			v.cache.set('invoice_line_item_id02', lines[1].id);
			return String(invoice.id);
		},
	],
	[
		['invoice_line_item_id01', 'invoice_line_item_id02'],
		async ({ v, request, name }) => {
			await v.get('invoice_id', request);
			return v.cache.get(name)!;
		},
	],
	[
		['received_payment_id'],
		async ({ v, request }) => {
			return String(
				(
					await v.call('POST', '/v3/invoices/record-payment', {
						customerId: await v.get('customer_id', request),
						paymentDate: '2026-12-01',
						paymentType: 'CASH',
						amount: 50,
						invoices: [{ id: await v.get('invoice_id', request), amount: 50 }],
					})
				).id,
			);
		},
	],
	[
		['credit_memo_id'],
		async ({ v, request }) => {
			const memo = await v.call('POST', '/v3/credit-memos', {
				customerId: await v.get('customer_id', request),
				referenceNumber: 'C-1',
				creditDate: '2026-12-01',
				creditMemoLineItems: [
					{ description: 'one', price: 14.99, quantity: 2 },
					{ description: 'two', price: 50, quantity: 1 },
					{ description: 'discount', ratePercent: -10 },
				],
			});
			const lines = memo.creditMemoLineItems as Array<{ id: string }>;
			lines.forEach((line, n) => v.cache.set(`credit_memo_line_item_id0${n + 1}`, line.id));
			return String(memo.id);
		},
	],
	[
		['credit_memo_line_item_id01', 'credit_memo_line_item_id02', 'credit_memo_line_item_id03'],
		async ({ v, request, name }) => {
			await v.get('credit_memo_id', request);
			return v.cache.get(name)!;
		},
	],
	[
		['recurring_invoice_id'],
		async ({ v, request }) => {
			const recurring = await v.call('POST', '/v3/recurring-invoices', {
				customerId: await v.get('customer_id', request),
				schedule: { period: 'MONTHLY', frequency: 1, nextDueDate: '2026-12-31' },
				recurringInvoiceLineItems: [{ amount: 19.99, quantity: 1, description: 'Monthly' }],
			});
			const [line] = recurring.recurringInvoiceLineItems as Array<{ id: string }>;
			v.cache.set('recurring_invoice_line_item_id01', line.id);
			return String(recurring.id);
		},
	],
	[
		['recurring_invoice_line_item_id01'],
		async ({ v, request, name }) => {
			await v.get('recurring_invoice_id', request);
			return v.cache.get(name)!;
		},
	],
	[
		['attachment_id'],
		async ({ v, request, name }) => {
			const invoiceId = await v.get('invoice_id', request);
			const attachment = await v.call(
				'POST',
				`/v3/attachments/invoices/${invoiceId}?name=c.pdf`,
				Buffer.from('%PDF-1.4'),
				'api',
				{ 'Content-Type': 'application/octet-stream' },
			);
			return String(attachment.id);
		},
	],
];
