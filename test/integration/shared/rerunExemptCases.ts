/**
 * The creates without a re-run guarantee (test/harness/creates.ts gives each one's reason): how to
 * run each once under a lost answer. rerun.test.ts checks that the answer lost is said
 * (`outcomeUnknown`, "may have reached BILL", "not sent again") and that nothing was sent twice,
 * or, for the few whose repeat BILL takes as the same request (`repeats`), that it went through.
 */
import type { Emulator } from '../../../emulator';
import { seedBills, seedVendor } from '../../../emulator/routes/bills';
import { spendData } from '../../../emulator/routes/spendState';
import { seedClientOrganizations } from '../../../emulator/seedOrganizations';
import { byId, partnerCredentials } from '../../harness/bill';
import { PNG, runSpendOk, spendCredentials } from '../../harness/spend';
import { preparePayments } from '../../reliability/scenarios';
import { invoiceOf, type RerunCase } from './rerunCases';
import { spendFixtures } from './rerunSpendCases';

export type ExemptCase = RerunCase & {
	/** The operation sends it again after a lost answer (BILL takes the repeat as the same). */
	repeats?: boolean;
};

const PDF = {
	data: {
		data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
		mimeType: 'application/pdf',
		fileName: 'invoice.pdf',
	},
};

const vendorWithBill = async (emulator: Emulator) => {
	const vendorId = seedVendor(emulator, 'Exempt Supplies');
	const [bill] = seedBills(emulator, vendorId, 1, emulator.clock.today());
	return { vendorId, billId: String(bill.id), amount: Number(bill.dueAmount) };
};

const spendRoute = (path: string, logged: string) => ({
	method: 'POST' as const,
	path: `~^${path}`,
	logged,
});

export const EXEMPT_CASES: Record<string, ExemptCase> = {
	'bill:bill:recordPayment': {
		route: { method: 'POST', path: '/v3/bills/record-payment' },
		prepare: vendorWithBill,
		parameters: (p) => ({
			resource: 'bill',
			operation: 'recordPayment',
			vendorId: byId(String(p.vendorId)),
			processDate: '2026-12-05',
			payments: { payment: [{ billId: byId(String(p.billId)), amount: p.amount }] },
		}),
	},
	'bill:bankAccount:nominateUser': {
		route: { method: 'POST', path: '/v3/funding-accounts/banks/users/nominate' },
		prepare: async (emulator) => ({
			accountId: (await preparePayments(emulator)).accountId,
			userId: emulator.fixtures.clerk.userId,
		}),
		parameters: (p) => ({
			resource: 'bankAccount',
			operation: 'nominateUser',
			bankAccountId: byId(String(p.accountId)),
			userId: byId(String(p.userId)),
		}),
	},
	'bill:document:upload': {
		route: {
			method: 'POST',
			path: '~^/v3/documents/bills/',
			logged: '/v3/documents/bills/:billId',
		},
		prepare: vendorWithBill,
		parameters: (p) => ({
			resource: 'document',
			operation: 'upload',
			billId: byId(String(p.billId)),
			fileName: 'invoice.pdf',
		}),
		binary: PDF,
	},
	'bill:webhook:sendTestEvent': {
		route: {
			method: 'POST',
			path: '~^/v3/subscriptions/[^/]+/test$',
			logged: '/v3/subscriptions/:subscriptionId/test',
		},
		// A subscription of the fixture organization, as POST /v3/subscriptions stores one.
		prepare: async (emulator) => {
			const id = '6f1d0c1e-5a3b-4c2d-9e8f-000000000001';
			const now = emulator.clock.timestamp();
			emulator.state.subscriptions.set(id, {
				id,
				name: 'Rerun test events',
				organizationId: emulator.fixtures.organizationId,
				status: { enabled: true, updatedBy: 'USER', updatedTime: now },
				events: [{ type: 'bill.created', version: '1' }],
				notificationUrl: 'https://example.com/hook',
				createdTime: now,
				updatedTime: now,
			});
			emulator.state.subscriptionScopes.set(id, {
				organizationId: emulator.fixtures.organizationId,
			});
			return { subscriptionId: id };
		},
		parameters: (p) => ({
			resource: 'webhook',
			operation: 'sendTestEvent',
			subscriptionId: String(p.subscriptionId),
		}),
	},
	'bill:invoice:sendEmail': {
		route: {
			method: 'POST',
			path: '~^/v3/invoices/[^/]+/email$',
			logged: '/v3/invoices/:invoiceId/email',
		},
		prepare: invoiceOf,
		parameters: (p) => ({
			resource: 'invoice',
			operation: 'sendEmail',
			invoiceId: byId(String(p.invoiceId)),
			recipients: 'ap@exempt.example',
		}),
	},
	'bill:mfa:sendChallenge': {
		route: { method: 'POST', path: '/v3/mfa/challenge' },
		parameters: () => ({ resource: 'mfa', operation: 'sendChallenge' }),
	},
	'bill:mfa:setUpPhone': {
		route: { method: 'POST', path: '/v3/mfa/setup' },
		parameters: () => ({ resource: 'mfa', operation: 'setUpPhone', phone: '4085550123' }),
	},
	'bill:network:emailInvitation': {
		route: {
			method: 'POST',
			path: '~^/v3/network/invitation/vendor/[^/]+/email$',
			logged: '/v3/network/invitation/vendor/:vendorId/email',
		},
		prepare: async (emulator) => ({ vendorId: seedVendor(emulator, 'Exempt Supplies') }),
		parameters: (p) => ({
			resource: 'network',
			operation: 'emailInvitation',
			vendorId: byId(String(p.vendorId)),
			email: 'ap@exempt.example',
		}),
	},
	'bill:network:inviteVendor': {
		route: {
			method: 'POST',
			path: '~^/v3/network/invitation/vendor/[^/]+$',
			logged: '/v3/network/invitation/vendor/:vendorId',
		},
		prepare: async (emulator) => ({ vendorId: seedVendor(emulator, 'Exempt Supplies') }),
		parameters: (p) => ({
			resource: 'network',
			operation: 'inviteVendor',
			vendorId: byId(String(p.vendorId)),
			networkId: '0190000EMUPNI000001',
		}),
	},
	'bill:network:inviteCustomer': {
		route: {
			method: 'POST',
			path: '~^/v3/network/invitation/customer/[^/]+$',
			logged: '/v3/network/invitation/customer/:customerId',
		},
		prepare: invoiceOf,
		parameters: (p) => ({
			resource: 'network',
			operation: 'inviteCustomer',
			customerId: byId(String(p.customerId)),
			networkId: '0190000EMUPNI000002',
		}),
	},
	'bill:riskVerification:create': {
		route: { method: 'POST', path: '/v3/risk-verifications' },
		parameters: () => ({ resource: 'riskVerification', operation: 'create' }),
	},
	'bill:riskVerification:addPhone': {
		route: { method: 'POST', path: '/v3/risk-verifications/phone' },
		parameters: () => ({
			resource: 'riskVerification',
			operation: 'addPhone',
			phoneNumber: '4085550123',
		}),
		repeats: true,
	},
	'bill:partner:addRiskPhone': {
		route: {
			method: 'POST',
			path: '~^/v3/partner/risk-verifications/[^/]+/phone$',
			logged: '/v3/partner/risk-verifications/:userId/phone',
		},
		credentials: (emulator) =>
			partnerCredentials(emulator, { scope: 'partner', organizationId: '', userId: '' }),
		prepare: async (emulator) => {
			const [client] = seedClientOrganizations(emulator, 1);
			return { organizationId: client.organizationId, userId: client.userId };
		},
		parameters: (p) => ({
			authentication: 'billPartnerApi',
			resource: 'partner',
			operation: 'addRiskPhone',
			partnerOrganizationId: byId(String(p.organizationId)),
			userId: byId(String(p.userId)),
			phoneNumber: '4085550123',
		}),
		repeats: true,
	},
	'billSpend:customField:addValues': {
		route: spendRoute(
			'/v3/spend/custom-fields/[^/]+/values$',
			'/v3/spend/custom-fields/:customFieldId/values',
		),
		prepare: async (emulator) => {
			const [field] = await runSpendOk(spendCredentials(emulator), {
				resource: 'customField',
				operation: 'create',
				name: 'Exempt Project',
				values: ['A'],
			});
			return { customFieldId: String(field.uuid) };
		},
		parameters: (p) => ({
			resource: 'customField',
			operation: 'addValues',
			customFieldId: byId(String(p.customFieldId)),
			values: ['B'],
		}),
	},
	'billSpend:reimbursement:uploadReceipt': {
		route: spendRoute(
			'/v3/spend/reimbursements/[^/]+/receipts$',
			'/v3/spend/reimbursements/:reimbursementId/receipts',
		),
		prepare: async (emulator) => {
			const { userId, budgetId } = spendFixtures(emulator);
			const [made] = await runSpendOk(spendCredentials(emulator), {
				resource: 'reimbursement',
				operation: 'create',
				userId: byId(userId),
				budgetId: byId(budgetId),
				amount: 12,
				merchantName: 'Exempt Cafe',
				occurredDate: '2026-11-20',
			});
			return { reimbursementId: String(made.uuid) };
		},
		parameters: (p) => ({
			resource: 'reimbursement',
			operation: 'uploadReceipt',
			reimbursementId: byId(String(p.reimbursementId)),
		}),
		binary: PNG,
	},
	'billSpend:transaction:uploadReceipt': {
		route: spendRoute(
			'/v3/spend/transactions/[^/]+/receipts$',
			'/v3/spend/transactions/:transactionId/receipts',
		),
		prepare: async (emulator) => ({
			transactionId: String([...spendData(emulator).transactions.values()][0].uuid),
		}),
		parameters: (p) => ({
			resource: 'transaction',
			operation: 'uploadReceipt',
			transactionId: byId(String(p.transactionId)),
		}),
		binary: PNG,
	},
};
