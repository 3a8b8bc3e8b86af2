/** The collection's variables of payables: vendors, bills, bank accounts, payments, documents, vendor credits, recurring bills. */
import { UPLOAD_MS } from '../../emulator/routes/documents';
import { processPayments } from '../../emulator/routes/payments';
import { vendorBankAccount, vendorCreditBody } from './apDepth';
import type { Makers } from './contractVariables';

export const PAYABLE_VARIABLES: Makers = [
	[
		['vendor_id'],
		async ({ v, request }) => {
			const id = String(
				(
					await v.call('POST', '/v3/vendors', {
						name: 'Contract Vendor',
						accountType: 'BUSINESS',
						email: 'c@example.com',
						phone: '1',
						// BILL's exchange rate is for international vendors only.
						...(request.path === '/v3/payments/exchange-rate' ? { billCurrency: 'EUR' } : {}),
					})
				).id,
			);
			// Getting or deleting a vendor's bank account needs one.
			if (request.path.endsWith('/bank-account') && request.method !== 'POST')
				await v.call('POST', `/v3/vendors/${id}/bank-account`, vendorBankAccount);
			return id;
		},
	],
	[
		['bill_approval_policy_id'],
		async ({ v }) => {
			return String(
				(
					await v.call('POST', '/v3/bill-approvals/policies', {
						policyName: `Contract policy ${v.cache.size}`,
						rules: [{ key: 'BILL_AMOUNT', op: 'gte', values: ['1000'] }],
						approvers: [v.emulator.fixtures.admin.userId],
					})
				).id,
			);
		},
	],
	[
		['bill_id', 'webhook_bill_id'],
		async ({ v, request }) => {
			// The payments folder pays 228.99 of it: such a bill must owe at least that.
			const paying = request.path.startsWith('/v3/payments');
			const bill = await v.call('POST', '/v3/bills', {
				vendorId: await v.get('vendor_id', request),
				dueDate: '2026-12-31',
				invoice: { invoiceNumber: 'C-1', invoiceDate: '2026-12-01' },
				billLineItems: [
					{ amount: paying ? 300 : 100, description: 'one' },
					{ amount: 50, description: 'two' },
				],
			});
			const lines = bill.billLineItems as Array<{ id: string }>;
			v.cache.set('bill_line_item_id01', lines[0].id);
			v.cache.set('bill_line_item_id02', lines[1].id);
			return String(bill.id);
		},
	],
	[
		['bill_line_item_id01', 'bill_line_item_id02'],
		async ({ v, request, name }) => {
			await v.get('bill_id', request);
			return v.cache.get(name)!;
		},
	],
	[
		['org_bank_account_id'],
		async ({ v, request }) => {
			const account = await v.call('POST', '/v3/funding-accounts/banks', {
				nameOnAccount: 'Agatha Ffringe',
				routingNumber: '074000010',
				accountNumber: '111222333',
				type: 'CHECKING',
				ownerType: 'BUSINESS',
				bankName: 'Chase',
			});
			// Every bank-account request but verify needs a verified account.
			if (!request.path.endsWith('/verify'))
				await v.call('POST', `/v3/funding-accounts/banks/${String(account.id)}/verify`, {
					depositAmount: 0.5,
				});
			return String(account.id);
		},
	],
	[
		['org_bank_account_user_id'],
		async ({ v, request }) => {
			await v.get('org_bank_account_id', request);
			const users = await v.call('GET', '/v3/funding-accounts/banks/users');
			return String((users.results as Array<{ id: string }>)[0].id);
		},
	],
	[
		['bill_id01', 'bill_id02'],
		async ({ v, request, name }) => {
			// Bills of "Create a bulk payment", which pays 228.99 and 142 of them.
			const bill = await v.call('POST', '/v3/bills', {
				vendorId: await v.get('vendor_id', request),
				dueDate: '2026-12-31',
				invoice: { invoiceNumber: `C-${name}`, invoiceDate: '2026-12-01' },
				billLineItems: [{ amount: 250, description: 'one' }],
			});
			return String(bill.id);
		},
	],
	[
		['payment_id'],
		async ({ v, request }) => {
			// A scheduled payment (cancel needs one; void needs a processed one, below).
			const payment = await v.call('POST', '/v3/payments', {
				billId: await v.get('bill_id', request),
				amount: 150,
				processDate: '2099-12-31',
				fundingAccount: {
					type: 'BANK_ACCOUNT',
					id: await v.get('org_bank_account_id', request),
				},
			});
			// Void and check images need a processed payment (the vendor is paid by check).
			if (request.path.endsWith('/void') || request.path.endsWith('/check-image'))
				processPayments(v.emulator, '2099-12-31');
			return String(payment.id);
		},
	],
	[
		['org_card_account_id'],
		async ({ v }) => {
			const list = await v.call('GET', '/v3/funding-accounts/cards?cardUserStatus=VERIFIED');
			return String((list.cards as Array<{ id: string }>)[0].id);
		},
	],
	[
		['document_upload_id', 'document_id'],
		async ({ v, request, name }) => {
			const billId = await v.get('bill_id', request);
			const form = `--b\r\nContent-Disposition: form-data; name="file"; filename="c.pdf"\r\n\r\n%PDF-1.4\r\n--b--\r\n`;
			const upload = await v.call('POST', `/v3/documents/bills/${billId}?name=c.pdf`, form, 'api', {
				'Content-Type': 'multipart/form-data; boundary=b',
			});
			if (name === 'document_upload_id') return String(upload.id);
			v.emulator.clock.advance(UPLOAD_MS);
			const [status] = (await v.call(
				'GET',
				`/v3/documents/upload-status?ids=${String(upload.id)}`,
			)) as unknown as Array<{ documentId: string }>;
			return status.documentId;
		},
	],
	[
		['vendor_credit_id'],
		async ({ v, request }) => {
			const vendorId = await v.get('vendor_id', request);
			const credit = await v.call('POST', '/v3/vendor-credits', vendorCreditBody(vendorId));
			const lines = credit.vendorCreditLineItems as Array<{ id: string }>;
			v.cache.set('vendor_credit_line_item_id01', lines[0].id);
			v.cache.set('vendor_credit_line_item_id02', lines[1].id);
			return String(credit.id);
		},
	],
	[
		['recurring_bill_id'],
		async ({ v, request }) => {
			const bill = await v.call('POST', '/v3/recurringbills', {
				vendorId: await v.get('vendor_id', request),
				schedule: { period: 'MONTHLY', frequency: 1, nextDueDate: '2026-12-31' },
				recurringBillLineItems: [{ amount: 19.99, description: 'Monthly subscription' }],
			});
			const lines = bill.recurringBillLineItems as Array<{ id: string }>;
			v.cache.set('recurring_bill_line_item_id01', lines[0].id);
			return String(bill.id);
		},
	],
	[
		['recurring_bill_line_item_id01'],
		async ({ v, request, name }) => {
			await v.get('recurring_bill_id', request);
			return v.cache.get(name)!;
		},
	],
	[
		['vendor_credit_line_item_id01', 'vendor_credit_line_item_id02'],
		async ({ v, request, name }) => {
			await v.get('vendor_credit_id', request);
			return v.cache.get(name)!;
		},
	],
];
