// @ts-check
/**
 * What the demo and the end-to-end tests know about each example workflow: the emulator routes
 * it calls and the node resources it uses (an example runs only where the emulator answers those
 * routes and the built node has those resources) and how to say in one line what a run did. `manual` examples need a person between or around their runs: the demo plays that person where it can (scripts/demo.mjs, SPECIAL), else imports them only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from '../n8n-runtime.mjs';
import { nodeOutput } from './stack.mjs';

const money = (n) => `$${Number(n ?? 0).toFixed(2)}`;

export const EXAMPLES = [
	{
		id: 'billcomVendors',
		title: 'Vendors from a spreadsheet, matched or created',
		resources: ['vendor'],
		needs: ['GET /v3/vendors', 'POST /v3/vendors'],
		summary(run) {
			const rows = nodeOutput(run, 'Match rows to vendors') ?? [];
			const created = (nodeOutput(run, 'Create missing vendors') ?? []).map((v) => v.name);
			return `${rows.length} rows matched to ${new Set(rows.map((r) => r.vendorId)).size} vendors; created: ${created.length ? created.join(', ') : 'none'}`;
		},
	},
	{
		id: 'billcomBillRows',
		title: 'Bills from a spreadsheet (no duplicates on a re-run)',
		resources: ['vendor', 'bill'],
		needs: ['GET /v3/vendors', 'POST /v3/vendors', 'GET /v3/bills', 'POST /v3/bills/bulk'],
		summary(run) {
			const [s] = nodeOutput(run, 'Summary') ?? [{}];
			const list = (s.bills ?? []).map(
				(b) =>
					`${b.invoiceNumber} ${money(b.amount)}${b.alreadyExisted ? ' (already in BILL)' : ''}`,
			);
			return `${s.created ?? 0} bills created, ${s.alreadyInBill ?? 0} already in BILL, ${s.failed ?? 0} failed: ${list.join(', ')}`;
		},
	},
	{
		id: 'billcomDueWeek',
		title: 'Unpaid bills due in the next 7 days, per vendor',
		resources: ['bill'],
		needs: ['GET /v3/bills'],
		summary(run) {
			const [digest] = nodeOutput(run, 'Digest per vendor') ?? [{}];
			return String(digest.text ?? 'no digest').replace(/\n/g, '\n      ');
		},
	},
	{
		id: 'billcomCheckPaid',
		title: 'A check payment recorded against its bill',
		resources: ['vendor', 'bill'],
		needs: [
			'GET /v3/vendors',
			'GET /v3/bills',
			'POST /v3/bills/record-payment',
			'GET /v3/bills/:billId',
		],
		summary(run) {
			const [bill] = nodeOutput(run, 'Bill after payment') ?? [];
			if (!bill) return 'no unpaid bill with that invoice number: nothing recorded';
			return `bill ${bill.invoiceNumber} of ${bill.vendorName}: paid ${money(bill.paidAmount)} of ${money(bill.amount)}, status ${bill.paymentStatus}`;
		},
	},
	{
		id: 'billcomMfaSetup',
		title: 'Get the MFA ID (two runs with a texted code in between)',
		summary(run) {
			const [sent] = nodeOutput(run, '1. Send the challenge') ?? [];
			if (sent) return `challenge sent: ${sent.challengeId}`;
			const [validated] = nodeOutput(run, '2. Validate the code') ?? [];
			return validated?.mfaId
				? `MFA ID for "${validated.deviceName}" (until ${validated.mfaIdExpiresOn}); session trusted: ${validated.mfaTrusted}`
				: 'no MFA ID';
		},
		resources: ['mfa'],
		needs: ['POST /v3/mfa/challenge', 'POST /v3/mfa/challenge/validate'],
		manual: 'it needs a texted code between two runs',
	},
	{
		id: 'billcomBankAcct',
		title: 'Company bank account for all admins, verified, default for payables',
		resources: ['bankAccount'],
		needs: [
			'GET /v3/funding-accounts/banks',
			'POST /v3/funding-accounts/banks',
			'POST /v3/funding-accounts/banks/:bankAccountId/verify',
			'PATCH /v3/funding-accounts/banks/:bankAccountId',
		],
		summary(run) {
			const [account] = nodeOutput(run, 'Default for payables') ?? [];
			if (!account) return 'the account was already in BILL: nothing added';
			return `${account.bankName} (${account.accountNumber}): status ${account.status}, access to admins ${account.accessToAdmins}, default for payables ${account.default?.payables}`;
		},
	},
	{
		id: 'billcomPayDue',
		title: 'Pay the approved bills due this week from the default bank account',
		resources: ['bankAccount', 'bill', 'payment'],
		needs: [
			'GET /v3/funding-accounts/banks',
			'GET /v3/bills',
			'POST /v3/payments',
			'GET /v3/payments',
		],
		summary(run) {
			const [paid] = nodeOutput(run, 'What was paid') ?? [];
			if (!paid) return 'no approved bill due this week: nothing paid';
			return String(paid.text ?? JSON.stringify(paid)).replace(/\n/g, '\n      ');
		},
	},
	{
		id: 'billcomAiAgent',
		title: 'AI agent answering questions about bills, with BILL tools',
		resources: ['bill', 'vendor'],
		needs: ['GET /v3/bills', 'GET /v3/vendors'],
		// Needs a chat model: the demo and the end-to-end tests give it a scripted stand-in
		// (scripts/lib/bills-assistant.mjs).
	},
	{
		id: 'billcomMcpServer',
		title: 'BILL as an MCP server: BILL tools for Claude, Cursor or any MCP client',
		resources: ['bill', 'vendor'],
		needs: ['GET /v3/bills', 'GET /v3/bills/:billId', 'GET /v3/vendors'],
		manual:
			'it runs when the workflow is active: add a Bearer Auth credential, publish it, then connect an MCP client',
	},
	{
		id: 'billcomNewBill',
		title: 'BILL Trigger: a new bill becomes a message for Slack',
		resources: [],
		trigger: true,
		needs: [
			'POST events /v3/subscriptions',
			'DELETE events /v3/subscriptions/:subscriptionId',
			'POST /v3/bills',
		],
		manual: 'it runs when the workflow is active: publish it, then create a bill',
	},
	{
		id: 'billcomOrders',
		title: 'Paid orders become invoices recorded as paid (nothing twice on a re-run)',
		resources: ['customer', 'invoice'],
		needs: [
			'GET /v3/customers',
			'POST /v3/customers',
			'GET /v3/invoices',
			'POST /v3/invoices',
			'GET /v3/invoices/:invoiceId',
			'POST /v3/invoices/record-payment',
		],
		summary(run) {
			const [s] = nodeOutput(run, 'Summary') ?? [{}];
			return `${s.invoicesCreated ?? 0} invoices created, ${s.invoicesAlreadyInBill ?? 0} already in BILL; ${s.paymentsRecorded ?? 0} payments recorded, ${s.alreadyPaid ?? 0} already paid`;
		},
	},
	{
		id: 'billcomOverdue',
		title: 'Overdue invoices sent again by email, with a digest per customer',
		resources: ['invoice', 'customer'],
		needs: [
			'GET /v3/invoices',
			'GET /v3/customers/:customerId',
			'POST /v3/invoices/:invoiceId/email',
		],
		summary(run) {
			const [digest] = nodeOutput(run, 'Digest per customer') ?? [];
			return digest
				? String(digest.text).replace(/\n/g, '\n      ')
				: 'no overdue invoice: nothing sent';
		},
	},
	{
		id: 'billcomChargeDue',
		title: 'Customers charged for their invoices due (nothing charged twice)',
		resources: ['invoice', 'receivablePayment'],
		needs: [
			'GET /v3/invoices',
			'GET /v3/receivable-payments',
			'GET /v3/invoices/:invoiceId',
			'GET /v3/customers/:customerId/bank-accounts',
			'POST /v3/receivable-payments',
		],
		summary(run) {
			const [done] = nodeOutput(run, 'What was charged') ?? [];
			return done
				? String(done.text).replace(/\n/g, '\n      ')
				: 'no invoice due: nothing charged';
		},
	},
	{
		id: 'billcomPaidHook',
		title: 'BILL Trigger: an invoice paid in full becomes a message',
		resources: [],
		trigger: true,
		needs: [
			'POST events /v3/subscriptions',
			'DELETE events /v3/subscriptions/:subscriptionId',
			'POST /v3/invoices/record-payment',
		],
		manual: 'it runs when the workflow is active: publish it, then record a payment of an invoice',
	},
	{
		id: 'billcomPaidPoll',
		title: 'BILL Polling Trigger: an invoice paid in full becomes a message, without a webhook',
		resources: [],
		trigger: true,
		needs: ['GET /v3/invoices', 'POST /v3/invoices/record-payment'],
		manual:
			'it runs when the workflow is active: activate it, then record a payment of an invoice (polled every minute)',
	},
	{
		id: 'billcomPartner',
		title: "A partner's nightly job: bills each client organization created yesterday",
		resources: ['partner', 'bill'],
		needs: [
			'GET /v3/partner/organizations',
			'GET /v3/partner/users',
			'POST /v3/partner/login-as-user',
			'GET /v3/bills',
		],
		summary(run) {
			const rows = nodeOutput(run, 'One row per organization') ?? [];
			const bills = rows.reduce((sum, r) => sum + r.bills, 0);
			return `${rows.length} organizations, ${bills} bills created yesterday`;
		},
		manual:
			'it needs the partner credential (scope Partner) and client organizations: the end-to-end tests seed 50 and run it',
	},
	{
		id: 'billcomHttp',
		title: 'Any BILL endpoint from the HTTP Request node, with the BILL credential',
		resources: ['bill'],
		needs: ['GET /v3/bills', 'GET /v3/bills/:billId'],
		summary(run) {
			const [listed] = nodeOutput(run, 'List bills (HTTP Request)') ?? [];
			const [bill] = nodeOutput(run, 'Read the first bill (BILL node)') ?? [];
			const bills = (listed?.results ?? []).map(
				(b) => `${b.invoice?.invoiceNumber ?? b.id} ${money(b.amount)}`,
			);
			return `HTTP Request GET /v3/bills?max=5 (Predefined Credential Type → BILL API): ${bills.length} bills: ${bills.join(', ')}\n      then the BILL node read ${bill?.invoiceNumber} of ${bill?.vendorName} with the same credential: ${money(bill?.amount)} (${money(bill?.dueAmount)} still due), due ${bill?.dueDate}`;
		},
	},
	{
		id: 'billcomReceipts',
		title:
			'Spend & Expense: card transactions over $75 without a receipt → a request to the card holder',
		resources: [],
		needs: ['GET /v3/spend/transactions'],
		summary(run) {
			const messages = nodeOutput(run, 'Receipt requests') ?? [];
			const total = messages.reduce((sum, m) => sum + Number(m.amount), 0);
			return `${messages.length} receipt requests for ${money(total)} of card spend${messages[0] ? `, e.g. "${messages[0].text}"` : ''}`;
		},
	},
	{
		id: 'billcomSpendSum',
		title: "Spend & Expense: last month's card spend per budget",
		resources: [],
		needs: ['GET /v3/spend/budgets', 'GET /v3/spend/transactions'],
		summary(run) {
			const [report] = nodeOutput(run, 'Spend per budget') ?? [];
			return report ? String(report.text).replace(/\n/g, '\n      ') : 'no report';
		},
	},
	{
		id: 'billcomReimburse',
		title: 'Spend & Expense: reimbursements up to $100 approved, the others left for review',
		resources: [],
		needs: [
			'GET /v3/spend/reimbursements',
			'POST /v3/spend/reimbursements/:reimbursementId/action',
		],
		summary(run) {
			const [summary] = nodeOutput(run, 'Summary') ?? [];
			if (!summary) return 'nothing awaiting approval';
			const list = (rows) => rows.map((r) => money(r.amount)).join(', ') || 'none';
			return `${summary.text} Approved: ${list(summary.approved)}; left for review: ${list(summary.leftForReview)}`;
		},
	},
	{
		id: 'billcomGlCoded',
		title:
			'Bills from a spreadsheet, each line coded to its GL account (no duplicates on a re-run)',
		resources: ['vendor', 'bill'],
		needs: ['GET /v3/vendors', 'GET /v3/bills', 'POST /v3/bills/bulk'],
		summary(run) {
			const [s] = nodeOutput(run, 'Summary') ?? [{}];
			const lines = (s.bills ?? []).map((b) => `${b.invoiceNumber} ${money(b.amount)}`);
			return `${s.created ?? 0} bills created, ${s.alreadyInBill ?? 0} already in BILL, lines coded to Office Supplies and Freight: ${lines.join(', ')}`;
		},
	},
	{
		id: 'billcomRent',
		title: 'Monthly rent as a recurring bill (set up once)',
		resources: ['recurringBill'],
		needs: ['GET /v3/recurringbills', 'POST /v3/recurringbills'],
		summary(run) {
			const [s] = nodeOutput(run, 'Summary') ?? [{}];
			return `${s.description}: ${money(s.amount)} every ${s.every}, next due ${s.nextDueDate}${s.alreadyExisted ? ' (already in BILL)' : ''}`;
		},
	},
	{
		id: 'billcomCredit',
		title: "A vendor credit applied to the vendor's next bill (once)",
		resources: ['vendor', 'vendorCredit', 'bill'],
		needs: [
			'GET /v3/vendors',
			'GET /v3/vendor-credits',
			'POST /v3/vendor-credits',
			'POST /v3/bills',
		],
		summary(run) {
			const [s] = nodeOutput(run, 'Summary') ?? [];
			if (!s) return 'no vendor with that name: nothing recorded';
			return `credit ${s.creditReference} ${money(s.creditAmount)} on bill ${s.invoiceNumber} of ${money(s.billAmount)}: ${money(s.dueAmount)} due${s.billAlreadyInBill ? ' (already in BILL)' : ''}`;
		},
	},
];

/** Why an example cannot run here yet (node resources not built, emulator routes missing), or ''. */
export function notRunnable(example, emulator) {
	const resources = example.resources.filter(
		(r) => !existsSync(join(REPO, 'dist', 'nodes', 'Bill', 'resources', r, 'index.js')),
	);
	if (resources.length) return `the BILL node has no ${resources.join(', ')} resource yet`;
	if (
		example.trigger &&
		!existsSync(join(REPO, 'dist', 'nodes', 'BillTrigger', 'BillTrigger.node.js'))
	)
		return 'the BILL Trigger node is not built yet';
	const routes = example.needs.filter((route) => !emulator.has(route));
	return routes.length ? `the emulator does not answer ${routes.join(', ')} yet` : '';
}
