/**
 * How to run each create of test/harness/creates.ts once, for the lost-answer test
 * (rerun.test.ts): what it needs in BILL first, its parameters, and the route of the request
 * that creates. One input item each; Bill's bulk creates send it in one bulk request.
 */
import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import type { Emulator } from '../../../emulator';
import { seedVendor } from '../../../emulator/routes/bills';
import { seedClientOrganizations } from '../../../emulator/seedOrganizations';
import type { CredentialStore } from '../../harness/context';
import { byId, partnerCredentials, runBillOk } from '../../harness/bill';
import { preparePayments } from '../../reliability/scenarios';
import { api } from '../Bill/payment/setup';
import { SPEND_CASES } from './rerunSpendCases';

export interface RerunCase {
	/**
	 * The request that creates (the emulator cuts its connection after applying it): its path,
	 * or `~regex` with `logged` the emulator's route pattern for it.
	 */
	route: { method: 'POST'; path: string; logged?: string };
	/** Other credentials than the node's usual (e.g. the partner's). */
	credentials?: (emulator: Emulator) => CredentialStore;
	prepare?: (emulator: Emulator, credentials: CredentialStore) => Promise<IDataObject>;
	parameters: (prepared: IDataObject) => Record<string, unknown>;
	binary?: IBinaryKeyData;
	/** How the re-run's output says it found the object (default `alreadyExisted: true`). */
	found?: (json: IDataObject) => boolean;
}

const vendor = async (emulator: Emulator) => ({ vendorId: seedVendor(emulator, 'Rerun Supplies') });

const customer = async (_emulator: Emulator, credentials: CredentialStore) => {
	const [made] = await runBillOk(credentials, {
		resource: 'customer',
		operation: 'create',
		name: 'Rerun Band',
		email: 'ap@rerun.example',
	});
	return { customerId: String(made.id) };
};

const vendorFields = {
	name: 'Rerun  Music Supplies',
	accountType: 'BUSINESS',
	email: 'ap@rerun.example',
	phone: '555',
};

const billFields = (prepared: IDataObject) => ({
	vendorId: byId(String(prepared.vendorId)),
	invoiceNumber: 'RERUN-1',
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	lineItemsInput: 'fields',
	lineItems: { lineItem: [{ pricedBy: 'amount', amount: 25 }] },
});

const creditFields = (prepared: IDataObject) => ({
	vendorId: byId(String(prepared.vendorId)),
	referenceNumber: 'VC-RERUN',
	creditDate: '2026-12-01',
	lineItems: { lineItem: [{ amount: 14.99, description: 'Returned sticks' }] },
});

const memoFields = (prepared: IDataObject) => ({
	customerId: byId(String(prepared.customerId)),
	referenceNumber: 'CM-RERUN',
	creditDate: '2026-12-01',
	lineItems: { item: [{ description: 'Picks', lineType: 'priced', quantity: 1, price: 50 }] },
});

const partnerScope = (emulator: Emulator) =>
	partnerCredentials(emulator, { scope: 'partner', organizationId: '', userId: '' });

/** A customer and an invoice of theirs, made through the node. */
export const invoiceOf = async (emulator: Emulator, credentials: CredentialStore) => {
	const { customerId } = await customer(emulator, credentials);
	const [invoice] = await runBillOk(credentials, {
		resource: 'invoice',
		operation: 'create',
		customerMode: 'existing',
		customerId: byId(customerId),
		invoiceNumber: 'INV-PAID',
		lineItems: { item: [{ description: 'Picks', quantity: 1, price: 50 }] },
	});
	return { customerId, invoiceId: String(invoice.id) };
};

/** `node:resource:operation` → how to run it. */
export const RERUN_CASES: Record<string, RerunCase> = {
	'bill:customer:createBankAccount': {
		route: {
			method: 'POST',
			path: '~^/v3/customers/[^/]+/bank-accounts$',
			logged: '/v3/customers/:customerId/bank-accounts',
		},
		// BILL takes a customer's bank account once the customer has a billing address.
		prepare: async (emulator) => {
			const made = await api(emulator).call('POST', '/v3/customers', {
				name: 'Rerun Band',
				email: 'ap@rerun.example',
				billingAddress: { line1: '1 Main St', city: 'San Jose', country: 'US' },
			});
			return { customerId: String(made.data.id) };
		},
		parameters: (p) => ({
			resource: 'customer',
			operation: 'createBankAccount',
			customerId: byId(String(p.customerId)),
			nameOnAccount: 'Rerun Band LLC',
			routingNumber: '074000010',
			accountNumber: '1234 5678 9',
			bankAccountType: 'CHECKING',
			ownerType: 'BUSINESS',
		}),
	},
	'bill:approval:createPolicy': {
		route: { method: 'POST', path: '/v3/bill-approvals' },
		parameters: () => ({
			resource: 'approval',
			operation: 'createPolicy',
			policyName: 'Rerun policy',
			rules: { rule: [{ key: 'BILL_AMOUNT', op: 'gte', values: '1000' }] },
			approvers: { approver: [{ approverId: byId('00602EMULATORADM0001') }] },
		}),
	},
	'bill:vendor:create': {
		route: { method: 'POST', path: '/v3/vendors' },
		parameters: () => ({ resource: 'vendor', operation: 'create', ...vendorFields }),
	},
	'bill:vendor:createMany': {
		route: { method: 'POST', path: '/v3/vendors/bulk' },
		parameters: () => ({ resource: 'vendor', operation: 'createMany', ...vendorFields }),
	},
	'bill:bill:create': {
		route: { method: 'POST', path: '/v3/bills' },
		prepare: vendor,
		parameters: (p) => ({ resource: 'bill', operation: 'create', ...billFields(p) }),
	},
	'bill:bill:createMany': {
		route: { method: 'POST', path: '/v3/bills/bulk' },
		prepare: vendor,
		parameters: (p) => ({
			resource: 'bill',
			operation: 'createMany',
			billsInput: 'items',
			...billFields(p),
		}),
	},
	'bill:classification:create': {
		route: { method: 'POST', path: '/v3/classifications/departments' },
		parameters: () => ({
			resource: 'classification',
			operation: 'create',
			classificationType: 'department',
			name: 'Rerun Department',
		}),
	},
	'bill:classification:createMany': {
		route: { method: 'POST', path: '/v3/classifications/departments/bulk' },
		parameters: () => ({
			resource: 'classification',
			operation: 'createMany',
			classificationType: 'department',
			classificationsInput: 'items',
			name: 'Rerun Department',
		}),
	},
	'bill:customer:create': {
		route: { method: 'POST', path: '/v3/customers' },
		parameters: () => ({
			resource: 'customer',
			operation: 'create',
			name: 'Rerun Band',
			email: 'ap@rerun.example',
			// Off by default at every version (saved workflows); the option is offered.
			skipExisting: true,
		}),
	},
	'bill:creditMemo:create': {
		route: { method: 'POST', path: '/v3/credit-memos' },
		prepare: customer,
		parameters: (p) => ({ resource: 'creditMemo', operation: 'create', ...memoFields(p) }),
	},
	'bill:creditMemo:createMany': {
		route: { method: 'POST', path: '/v3/credit-memos/bulk' },
		prepare: customer,
		parameters: (p) => ({ resource: 'creditMemo', operation: 'createMany', ...memoFields(p) }),
	},
	'bill:invoice:create': {
		route: { method: 'POST', path: '/v3/invoices' },
		prepare: customer,
		parameters: (p) => ({
			resource: 'invoice',
			operation: 'create',
			customerMode: 'existing',
			customerId: byId(String(p.customerId)),
			invoiceNumber: 'INV-RERUN',
			lineItems: { item: [{ description: 'Picks', quantity: 1, price: 50 }] },
			additionalFields: { invoiceDate: '2026-12-01', dueDate: '2026-12-31' },
		}),
	},
	'bill:recurringBill:create': {
		route: { method: 'POST', path: '/v3/recurringbills' },
		prepare: vendor,
		parameters: (p) => ({
			resource: 'recurringBill',
			operation: 'create',
			vendorId: byId(String(p.vendorId)),
			period: 'MONTHLY',
			frequency: 1,
			nextDueDate: '2027-01-01',
			lineItems: { lineItem: [{ amount: 2500, description: 'Office rent' }] },
			additionalFields: { description: 'Monthly rent' },
		}),
	},
	'bill:recurringInvoice:create': {
		route: { method: 'POST', path: '/v3/recurring-invoices' },
		prepare: customer,
		parameters: (p) => ({
			resource: 'recurringInvoice',
			operation: 'create',
			customerId: byId(String(p.customerId)),
			period: 'MONTHLY',
			frequency: 1,
			nextDueDate: '2026-12-31',
			lineItems: { item: [{ description: 'Subscription', quantity: 1, price: 19.99 }] },
			additionalFields: { description: 'Tea subscription' },
		}),
	},
	'bill:vendorCredit:create': {
		route: { method: 'POST', path: '/v3/vendor-credits' },
		prepare: vendor,
		parameters: (p) => ({ resource: 'vendorCredit', operation: 'create', ...creditFields(p) }),
	},
	'bill:vendorCredit:createMany': {
		route: { method: 'POST', path: '/v3/vendor-credits/bulk' },
		prepare: vendor,
		parameters: (p) => ({
			resource: 'vendorCredit',
			operation: 'createMany',
			vendorCreditsInput: 'items',
			...creditFields(p),
		}),
	},
	'bill:bankAccount:create': {
		route: { method: 'POST', path: '/v3/funding-accounts/banks' },
		parameters: () => ({
			resource: 'bankAccount',
			operation: 'create',
			nameOnAccount: 'Emulator Music Co',
			routingNumber: '074000010',
			accountNumber: '44440001234',
			bankAccountType: 'CHECKING',
			ownerType: 'BUSINESS',
			bankName: 'Operating',
			accessToAdmins: true,
		}),
	},
	'bill:payment:create': {
		route: { method: 'POST', path: '/v3/payments' },
		prepare: async (emulator) => await preparePayments(emulator),
		parameters: (p) => ({
			resource: 'payment',
			operation: 'create',
			billId: byId((p.billIds as string[])[0]),
			amount: (p.amounts as number[])[0],
			processDate: p.processDate,
			fundingType: 'BANK_ACCOUNT',
			fundingAccountId: byId(String(p.accountId)),
		}),
	},
	'bill:payment:createBulk': {
		route: { method: 'POST', path: '/v3/payments/bulk' },
		prepare: async (emulator) => await preparePayments(emulator),
		parameters: (p) => ({
			resource: 'payment',
			operation: 'createBulk',
			payments: {
				payment: (p.billIds as string[]).map((billId, i) => ({
					billId,
					amount: (p.amounts as number[])[i],
				})),
			},
			processDate: p.processDate,
			fundingType: 'BANK_ACCOUNT',
			fundingAccountId: byId(String(p.accountId)),
		}),
	},
	'bill:invoice:recordPayment': {
		route: { method: 'POST', path: '/v3/invoices/record-payment' },
		prepare: invoiceOf,
		parameters: (p) => ({
			resource: 'invoice',
			operation: 'recordPayment',
			customerId: byId(String(p.customerId)),
			paymentDate: '2026-12-05',
			paymentType: 'CHECK',
			amount: 50,
			invoices: { invoice: [{ invoiceId: p.invoiceId, amount: 50 }] },
		}),
		found: (json) => json.alreadyPaid === true,
	},
	'bill:attachment:upload': {
		route: {
			method: 'POST',
			path: '~^/v3/attachments/customers/',
			logged: '/v3/attachments/customers/:customerId',
		},
		prepare: customer,
		parameters: (p) => ({
			resource: 'attachment',
			operation: 'upload',
			parentType: 'customer',
			customerId: byId(String(p.customerId)),
			fileName: 'contract.pdf',
		}),
		binary: {
			data: {
				data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
				mimeType: 'application/pdf',
				fileName: 'contract.pdf',
			},
		},
	},
	'bill:user:create': {
		route: { method: 'POST', path: '/v3/users' },
		prepare: async (_emulator, credentials) => {
			const roles = await runBillOk(credentials, {
				resource: 'role',
				operation: 'getMany',
				returnAll: true,
			});
			return { roleId: String(roles.find((r) => r.type === 'CLERK')!.id) };
		},
		parameters: (p) => ({
			resource: 'user',
			operation: 'create',
			firstName: 'Clark',
			lastName: 'Rerun',
			email: 'clark.rerun@example.com',
			roleId: byId(String(p.roleId)),
			acceptTermsOfService: true,
		}),
	},
	'bill:partner:createOrganization': {
		route: { method: 'POST', path: '/v3/partner/organizations' },
		credentials: partnerScope,
		parameters: () => ({
			authentication: 'billPartnerApi',
			resource: 'partner',
			operation: 'createOrganization',
			name: 'Rerun Rice Cakes Inc',
			address: { line1: '987 Home St', city: 'San Jose', zipOrPostalCode: '95002', country: 'US' },
			phone: '4085550100',
		}),
	},
	'bill:partner:createUser': {
		route: { method: 'POST', path: '/v3/partner/users' },
		credentials: partnerScope,
		prepare: async (emulator) => ({
			organizationId: seedClientOrganizations(emulator, 1)[0].organizationId,
		}),
		parameters: (p) => ({
			authentication: 'billPartnerApi',
			resource: 'partner',
			operation: 'createUser',
			partnerOrganizationId: byId(String(p.organizationId)),
			firstName: 'Tomato',
			lastName: 'Rerun',
			email: 'tomato.rerun@example.com',
			username: 'tomatorerun1',
			acceptTermsOfService: true,
		}),
	},
	...SPEND_CASES,
};
