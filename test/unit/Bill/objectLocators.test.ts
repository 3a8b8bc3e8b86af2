/**
 * Parameters that name a BILL object are picked from a searchable list (a resource locator with a
 * "From List" mode, plus "By ID" for expressions), not typed as IDs into a text field.
 *
 * The audit walks both action nodes (every parameter, nested in collections and fixed collections
 * too) and finds every text field whose name or display name ends in ID/Id/IDs, and every resource
 * locator without a list. Each one found must be in ALLOWED below, with the reason it stays as it
 * is; anything else fails. A new operation that adds an ID-only field fails here until it gets a
 * list (or a justified entry).
 */
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import { Bill } from '../../../nodes/Bill/Bill.node';
import { BillSpend } from '../../../nodes/BillSpend/BillSpend.node';

const MULTI =
	"several IDs, comma-separated (often mapped from an expression): n8n's resource locator holds one value (n8n-workflow's INodePropertyMode has no multiple selection); a multiOptions field would show only the first pages of an unbounded list without search, and would not display the comma-separated text saved workflows hold";
const SPEND_MULTI = `${MULTI}; Spend & Expense allows 60 requests a minute per token`;
const LINE =
	'a line of the object being edited: BILL lists lines only inside their bill, credit or invoice (its Get shows their IDs); leave it empty to add a line';

/**
 * `node:resource.operation.path` patterns (`*` for any operation; `#n` numbering of same-named
 * collections left out) of fields that stay as they are, and why.
 */
const ALLOWED: Record<string, string> = {
	// Not a BILL object.
	'bill:vendor.*.additionalFields.taxId':
		"the vendor's tax identification number (EIN or SSN), not a BILL object",
	'bill:vendor.*.updateFields.taxId':
		"the vendor's tax identification number (EIN or SSN), not a BILL object",
	'bill:organization.*.updateFields.taxId':
		"the organization's tax identification number, not a BILL object",
	'bill:partner.*.additionalFields.taxId':
		"the new organization's tax identification number, not a BILL object",
	// Transient IDs BILL gives for one exchange and has no list request for.
	'bill:mfa.validatePhone.setupId':
		'the setup ID Set Up Phone returns for this one phone verification; BILL has no list of setups',
	'bill:mfa.validateChallenge.challengeId':
		'the challenge ID Challenge returns for this one code; BILL has no list of challenges',
	'bill:session.stepUp.mfaId': 'a secret (the remembered-device MFA ID); never listed',
	'bill:*.*.actAsUserMfaId':
		"a secret (the client user's remembered-device MFA ID, for that organization's log-in-as-user); never listed",
	'bill:session.getDetails.actAsUserMfaId':
		"a secret (the client user's remembered-device MFA ID); never listed",
	'bill:session.stepUp.actAsUserMfaId':
		"a secret (the client user's remembered-device MFA ID); never listed",
	'bill:mfa.*.actAsUserMfaId':
		"a secret (the client user's remembered-device MFA ID); never listed",
	// Webhook IDs (UUIDs): events have no name to search by; subscriptions could be listed.
	'bill:webhook.*.subscriptionId':
		'a webhook subscription (a UUID the BILL Trigger names in the log); not yet a list of GET /v3/subscriptions',
	'bill:webhook.resendEvent.eventId':
		'an event of the history (a UUID from Get Event History); events have no name to pick from',
	'bill:webhook.getEvents.filters.entityId':
		'the ID of any kind of object (bill, vendor, invoice, payment, …), so no one list fits',
	'bill:document.getUploadStatus.uploadIds':
		'the upload IDs Document → Upload returns, several at once; BILL has no list of uploads',
	// A customer's own bank accounts: BILL lists them per customer only (GET /v3/customers/{id}/bank-accounts),
	// and the customer is usually an expression; Customer → Get Many Bank Accounts gives the IDs.
	'bill:customer.*.customerBankAccountId':
		"one of the customer's bank accounts; BILL lists them per customer only (Customer → Get Many Bank Accounts)",
	'bill:receivablePayment.charge.customerBankAccountId':
		'one of the customer\'s bank accounts (only with Funding Account "By ID"); BILL lists them per customer only',
	'bill:receivablePayment.charge.invoices.invoice.invoiceId':
		'an invoice of the customer, one per line, mapped from Invoice → Get Many in the charge workflow',
	// Lines of the object being edited.
	'bill:bill.*.lineItems.lineItem.id': LINE,
	'bill:bill.*.lineItemChanges.lineItem.id': LINE,
	'bill:recurringBill.*.lineItems.lineItem.id': LINE,
	'bill:recurringBill.*.lineItemChanges.lineItem.id': LINE,
	'bill:vendorCredit.*.lineItems.lineItem.id': LINE,
	'bill:vendorCredit.*.lineItemChanges.lineItem.id': LINE,
	'bill:creditMemo.*.lineItems.item.id': LINE,
	'bill:invoice.*.lineItems.item.id': LINE,
	'bill:recurringInvoice.*.lineItems.item.id': LINE,
	// Several IDs in one field.
	'bill:bill.getMany.filters.ids': MULTI,
	'bill:bankAccount.getMany.filters.ids': MULTI,
	'bill:payment.getMany.filters.ids': MULTI,
	'bill:payment.getMany.filters.vendorIds': MULTI,
	'spend:budget.create.additionalFields.additionalOwners': SPEND_MULTI,
	'spend:budget.create.additionalFields.members': SPEND_MULTI,
	'spend:budget.create.additionalFields.observers': SPEND_MULTI,
	'spend:budget.getMany.filters.budgetIds': SPEND_MULTI,
	'spend:card.getMany.filters.budgetIds': SPEND_MULTI,
	'spend:card.getMany.filters.cardIds': SPEND_MULTI,
	'spend:card.getMany.filters.userIds': SPEND_MULTI,
	'spend:reimbursement.getMany.filters.budgetIds': SPEND_MULTI,
	'spend:reimbursement.getMany.filters.reimbursementIds': SPEND_MULTI,
	'spend:reimbursement.getMany.filters.customFieldValueIds': SPEND_MULTI,
	'spend:reimbursement.getMany.filters.userIds': SPEND_MULTI,
	'spend:transaction.getMany.filters.budgetIds': SPEND_MULTI,
	'spend:transaction.getMany.filters.cardIds': SPEND_MULTI,
	'spend:transaction.getMany.filters.userIds': SPEND_MULTI,
	'spend:customField.removeValues.valueIds': SPEND_MULTI,
	// Objects BILL lists only in a way a locator cannot use.
	'bill:network.*.networkId':
		"another business's BILL network ID: BILL finds them only by a search with a name or tax ID (Network → Search), not as a list of this organization's objects",
	'bill:customer.*.additionalFields.paymentTermId':
		"BILL's payment terms list is not in BILL's Postman collection (its path is unconfirmed), so there is no list to pick from",
	'bill:customer.*.updateFields.paymentTermId':
		"BILL's payment terms list is not in BILL's Postman collection (its path is unconfirmed), so there is no list to pick from",
	'bill:attachment.*.attachmentId':
		'BILL lists attachments only under their object (bill, vendor, invoice…; Attachment → Get Many): the operation has no object to list from',
};

interface Found {
	key: string;
	path: string;
	displayName: string;
	type: string;
}

function isCollection(option: unknown): option is INodePropertyCollection {
	return typeof option === 'object' && option !== null && 'values' in option;
}

/** Every declared parameter (nested ones too), with its path under each resource and operation. */
function walk(
	properties: INodeProperties[],
	prefix: string | undefined,
	out: Array<{ path: string; property: INodeProperties }>,
) {
	for (const property of properties) {
		const show = property.displayOptions?.show ?? {};
		const list = (key: string) => (Array.isArray(show[key]) ? show[key].map(String) : ['*']);
		const paths =
			prefix === undefined
				? list('resource').flatMap((r) =>
						list('operation').map((o) => `${r}.${o}.${property.name}`),
					)
				: [`${prefix}.${property.name}`];
		for (const path of paths) {
			out.push({ path, property });
			for (const option of property.options ?? []) {
				if (isCollection(option)) walk(option.values, `${path}.${option.name}`, out);
				else if (typeof option === 'object' && 'type' in option) walk([option], path, out);
			}
		}
	}
	return out;
}

const NAMES_AN_ID = /(ID|Id|IDs|Ids)$/;

/** The fields of a node that name an object by ID only. */
export function idOnlyFields(nodeName: string, node: INodeType): Found[] {
	const found = new Map<string, Found>();
	for (const { path, property } of walk(node.description.properties, undefined, [])) {
		const idOnlyLocator =
			property.type === 'resourceLocator' && !(property.modes ?? []).some((m) => m.name === 'list');
		const idText =
			property.type === 'string' &&
			(NAMES_AN_ID.test(property.name) || NAMES_AN_ID.test(property.displayName));
		if (!idText && !idOnlyLocator) continue;
		const [resource, operation, ...rest] = path.split('.');
		const key = `${nodeName}:${path}`;
		const wildcard = `${nodeName}:${resource}.*.${rest.join('.')}`;
		void operation;
		found.set(key, {
			key: key in ALLOWED ? key : wildcard,
			path,
			displayName: property.displayName,
			type: property.type,
		});
	}
	return [...found.values()];
}

const nodes: Array<[string, INodeType]> = [
	['bill', new Bill()],
	['spend', new BillSpend()],
];

describe('parameters naming a BILL object are searchable lists', () => {
	it.each(nodes)('%s: every ID-only field is allowed with a reason', (nodeName, node) => {
		const unexplained = idOnlyFields(nodeName, node)
			.filter((f) => !(f.key in ALLOWED))
			.map((f) => `${nodeName}:${f.path} (${f.displayName}, ${f.type})`);
		expect(unexplained).toEqual([]);
	});

	it('every allowed entry still matches a field (none is stale)', () => {
		const keys = new Set(
			nodes.flatMap(([name, node]) => idOnlyFields(name, node).map((f) => f.key)),
		);
		expect(Object.keys(ALLOWED).filter((key) => !keys.has(key))).toEqual([]);
	});

	it.each(nodes)('%s: every list a locator names is a method of the node', (_, node) => {
		const methods = Object.keys(node.methods?.listSearch ?? {});
		const named = new Set(
			walk(node.description.properties, undefined, []).flatMap(({ property: p }) =>
				(p.modes ?? []).map((m) => m.typeOptions?.searchListMethod).filter(Boolean),
			),
		);
		expect([...named].filter((m) => !methods.includes(m as string))).toEqual([]);
	});
});
