/**
 * Every operation of both action nodes that creates something in BILL, and how a re-run of it
 * creates nothing twice (issue 29). test/unit/createRegistry.test.ts walks the nodes' registries
 * and fails for a create missing here; test/integration/shared/rerun.test.ts runs each create
 * under a lost answer and runs it again.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../nodes/shared/operation';
import { resources as billResources } from '../../nodes/Bill/resources';
import { resources as spendResources } from '../../nodes/BillSpend/resources';

export type Guarantee =
	/** A parameter (on by default for new nodes) makes the create return the object it finds. */
	| { option: string; key: string }
	/** The operation always looks first (no parameter). */
	| { builtIn: string; key: string }
	/** No re-run guarantee, and why none is needed or possible. */
	| { none: string };

export const NODES: Record<string, Record<string, Resource>> = {
	bill: billResources,
	billSpend: spendResources,
};

/** `node:resource:operation` → its guarantee. */
export const CREATES: Record<string, Guarantee> = {
	// BILL
	'bill:attachment:upload': { option: 'skipExisting', key: 'file name on the object' },
	'bill:customer:createBankAccount': {
		builtIn: "customer's active account",
		key: 'routing number, type and last four',
	},
	'bill:approval:createPolicy': { builtIn: 'existing policy', key: 'name' },
	'bill:bankAccount:create': { builtIn: 'existing account', key: 'routing number and last four' },
	'bill:bill:create': { option: 'skipExisting', key: 'vendor and invoice number' },
	'bill:bill:createMany': { option: 'skipExisting', key: 'vendor and invoice number' },
	'bill:classification:create': { option: 'skipExisting', key: 'name' },
	'bill:classification:createMany': { option: 'skipExisting', key: 'name' },
	'bill:creditMemo:create': { option: 'skipExisting', key: 'customer and reference number' },
	'bill:creditMemo:createMany': { option: 'skipExisting', key: 'customer and reference number' },
	'bill:customer:create': { option: 'skipExisting', key: 'name or email' },
	'bill:invoice:create': { option: 'skipExisting', key: 'customer and invoice number' },
	'bill:invoice:recordPayment': { option: 'skipPaid', key: 'invoices already paid in full' },
	'bill:partner:createOrganization': { option: 'returnExisting', key: 'name' },
	'bill:partner:createUser': { option: 'returnExisting', key: 'email' },
	'bill:payment:create': { builtIn: 'live payment', key: 'bill, amount and process date' },
	'bill:payment:createBulk': { builtIn: 'live payments', key: 'bill, amount and process date' },
	'bill:recurringBill:create': { option: 'skipExisting', key: 'vendor and description' },
	'bill:recurringInvoice:create': { option: 'skipExisting', key: 'customer and description' },
	'bill:user:create': { option: 'returnExisting', key: 'email' },
	'bill:vendor:create': { option: 'skipExisting', key: 'name' },
	'bill:vendor:createMany': { option: 'skipExisting', key: 'name' },
	'bill:vendorCredit:create': { option: 'skipExisting', key: 'vendor and reference number' },
	'bill:vendorCredit:createMany': { option: 'skipExisting', key: 'vendor and reference number' },
	'bill:bill:recordPayment': {
		none: 'BILL gives a recorded (outside BILL) payment no reference to find it by; the lost answer says to check the bill (Bill → Get) before recording again',
	},
	'bill:document:upload': {
		none: "BILL's documents of a bill carry the file name only while processing, then none; the lost answer says to check Document → Get Many before uploading again",
	},
	'bill:bankAccount:nominateUser': {
		none: "A user's access to an account (a state of the user on it, not a new object); the lost answer says to list the account's users (Get Many Users) first",
	},
	'bill:webhook:sendTestEvent': {
		none: 'Asks BILL to send a test notification to the subscription: a test, sent again by intent; it creates nothing in the books',
	},
	'bill:invoice:sendEmail': {
		none: 'Sends an email, creates no object; a re-run sends the email again by intent (e.g. a reminder)',
	},
	'bill:mfa:sendChallenge': {
		none: 'Texts a code, creates no object: only the newest code works with its Challenge ID, so running it again is the recovery',
	},
	'bill:mfa:setUpPhone': {
		none: 'Sets the one primary MFA phone (BILL takes only primary: true since 2026-04-03) and texts a code: running it again sets the same phone',
	},
	'bill:network:emailInvitation': {
		none: 'Emails an invitation, creates no object; the lost answer says to ask the vendor whether it arrived',
	},
	'bill:network:inviteCustomer': {
		none: 'A connection request, one per customer (BILL: delete a request before sending it again); the lost answer says Get Invitation tells whether it went',
	},
	'bill:network:inviteVendor': {
		none: 'A connection request, one per vendor (BILL: delete a request before sending it again); the lost answer says Get Invitation tells whether it went',
	},
	'bill:partner:addRiskPhone': {
		none: "A phone verification BILL deduplicates: the user's risk phone is set, not added",
	},
	'bill:riskVerification:addPhone': {
		none: "A phone verification BILL deduplicates: the organization's risk phone is set, not added",
	},
	'bill:riskVerification:create': {
		none: 'One risk verification per organization: Get tells whether it started; the lost answer says so',
	},
	// BILL Spend & Expense
	'billSpend:budget:create': { option: 'skipExisting', key: 'name, among active budgets' },
	'billSpend:card:create': { option: 'skipExisting', key: 'name, user and budget' },
	'billSpend:customField:create': { option: 'skipExisting', key: 'name, among active fields' },
	'billSpend:reimbursement:create': {
		option: 'skipExisting',
		key: 'user, amount, merchant and date, or user and note',
	},
	'billSpend:user:create': { option: 'skipExisting', key: 'email, among active users' },
	'billSpend:customField:addValues': {
		none: 'Adds values to an existing field, no new object and no money; the lost answer says to list the values (Get Many Values) before adding them again',
	},
	'billSpend:reimbursement:uploadReceipt': {
		none: 'Attaches a receipt image: a second copy of a receipt pays nothing twice; the lost answer says to check the receipts',
	},
	'billSpend:transaction:uploadReceipt': {
		none: 'Attaches a receipt image: a second copy of a receipt pays nothing twice; the lost answer says to check the receipts',
	},
};

/**
 * Whether an operation creates something in BILL, read from what it says it does: its
 * name or its action ("Create a card", "Upload an attachment", "Add values…", "Record a
 * payment…", "Invite…", "Email…", "Send…", "Set up…", "Start…", "Nominate…").
 */
const CREATING =
	/^(create|upload|add|record|invite|email|send|set ?up|start|nominate|submit|issue)/i;

export interface OperationEntry {
	id: string;
	node: string;
	resource: string;
	operation: string;
	action: string;
	properties: INodeProperties[];
}

export function operationsOf(node: string): OperationEntry[] {
	return Object.entries(NODES[node]).flatMap(([resource, r]) => {
		const selector = r.description.find((p) => p.name === 'operation');
		return Object.entries(r.operations).map(([operation, op]) => {
			const option = selector?.options?.find((o) => 'value' in o && o.value === operation) as
				| { action?: string }
				| undefined;
			return {
				id: `${node}:${resource}:${operation}`,
				node,
				resource,
				operation,
				action: option?.action ?? '',
				properties: op.description,
			};
		});
	});
}

export const isCreate = (entry: OperationEntry): boolean =>
	CREATING.test(entry.operation) || CREATING.test(entry.action);

/** Every creating operation of both nodes, walked from their registries. */
export const allCreates = (): OperationEntry[] =>
	Object.keys(NODES).flatMap(operationsOf).filter(isCreate);
