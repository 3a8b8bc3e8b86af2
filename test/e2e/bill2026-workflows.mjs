// @ts-check
/**
 * The workflows of test/e2e/bill2026.mjs (issue 27 in a real n8n), built as the editor saves them:
 * the published node types, typeVersion 1.2 (what a new node gets), resource locators by ID.
 */
import { CREDENTIAL } from '../../scripts/lib/stack.mjs';

/** @typedef {{ baseUrl: string, fixtures: any }} Emulator */

export const SYNC = { id: 'billEmulatorSyncToken', name: 'BILL sync token (emulator)' };
// The emulator's sync token (emulator/routes/authConsole.ts, SYNC_FIXTURES).
const SYNC_TOKEN = { username: 'n8n-sync', password: 'emu-sync-token-a71f03' };
export const IDS = {
	policies: 'billcomE2ePolicies',
	policyEdit: 'billcomE2ePolicyEdit',
	sync: 'billcomE2eSyncToken',
	webhook: 'billcomE2eWebhookOps',
	fields: 'billcomE2eFields',
	upload: 'billcomE2eDocUp',
	documents: 'billcomE2eDocs',
};
export const POLICY = 'E2E big bills';
export const INVOICE = 'E2E-APPROVALS-1';
const byId = (/** @type {string} */ value) => ({ __rl: true, mode: 'id', value });

/** A BILL API sign-in with the sync token (BILL: https://developer.bill.com/docs/token-based-sign-in). */
export function syncCredential(/** @type {Emulator} */ emulator) {
	const f = emulator.fixtures;
	const data = {
		environment: 'custom',
		customBaseUrl: emulator.baseUrl,
		signInWith: 'syncToken',
		...SYNC_TOKEN,
		organizationId: f.organizationId,
		devKey: f.devKey,
	};
	return { ...SYNC, type: 'billApi', data };
}

/**
 * A BILL node as the editor saves it (typeVersion 1.2, the one a new node gets).
 * @param {string} name @param {Record<string, unknown>} parameters @param {number} x
 */
function billNode(name, parameters, x, credential = CREDENTIAL, settings = {}) {
	return {
		...settings,
		parameters,
		id: name.toLowerCase().replace(/[^a-z]+/g, '-'),
		name,
		type: 'n8n-nodes-billcom.bill',
		typeVersion: 1.2,
		position: [x, 0],
		credentials: { billApi: { id: credential.id, name: credential.name } },
	};
}

/** Manual Trigger → the nodes one after another. @param {string} id @param {string} name @param {any[]} nodes */
function chain(id, name, nodes) {
	const run = {
		parameters: {},
		id: 'run',
		name: 'Run',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
	};
	const all = [run, ...nodes];
	/** @type {Record<string, unknown>} */
	const connections = {};
	for (let i = 0; i < all.length - 1; i++)
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

/** A policy's rules and approvers as the editor's fixed collections hold them. @param {string[]} approvers */
const policyParameters = (approvers) => ({
	rules: { rule: [{ key: 'BILL_AMOUNT', op: 'gte', values: '1000' }] },
	approvers: { approver: approvers.map((id) => ({ approverId: byId(id) })) },
});

/** Create a policy, a bill that asks for its approvals, ACH batching (run twice by the test). */
export function policiesWorkflow(/** @type {Emulator} */ emulator, /** @type {string} */ vendorId) {
	const f = emulator.fixtures;
	const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
	return chain(IDS.policies, 'e2e: approval policy, a bill with its approvals, ACH batching', [
		billNode(
			'Create policy',
			{
				resource: 'approval',
				operation: 'createPolicy',
				policyName: POLICY,
				...policyParameters([f.clerk.userId, f.admin.userId]),
			},
			220,
		),
		billNode(
			'Bill with approvals',
			{
				resource: 'bill',
				operation: 'create',
				vendorId: byId(vendorId),
				invoiceNumber: INVOICE,
				invoiceDate: due,
				dueDate: due,
				lineItems: { lineItem: [{ amount: 1500, description: 'Stage lights' }] },
				billApprovals: true,
			},
			440,
		),
		billNode(
			'ACH batching',
			{
				resource: 'organization',
				operation: 'update',
				updateFields: { individualTransferIn: true, individualTransferOut: false },
			},
			660,
		),
	]);
}

/** The policies listed, the first one renamed with its approvers reversed, then deleted. */
export function policyEditWorkflow(/** @type {Emulator} */ emulator) {
	const f = emulator.fixtures;
	const policyId = byId('={{ $json.id }}');
	return chain(IDS.policyEdit, 'e2e: approval policy updated, then deleted', [
		billNode('Policies', { resource: 'approval', operation: 'getManyPolicies' }, 220),
		billNode(
			'Update policy',
			{
				resource: 'approval',
				operation: 'updatePolicy',
				policyId,
				policyName: 'E2E renamed',
				...policyParameters([f.admin.userId, f.clerk.userId]),
			},
			440,
		),
		billNode('Delete policy', { resource: 'approval', operation: 'deletePolicy', policyId }, 660),
	]);
}

/** A payment with the sync-token credential (BILL gives sync tokens no payments). */
export function syncWorkflow(/** @type {string} */ billId, /** @type {string} */ bankAccountId) {
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	return chain(IDS.sync, 'e2e: a payment attempted with a sync token', [
		billNode(
			'Vendors',
			{ resource: 'vendor', operation: 'getMany', returnAll: false, limit: 1 },
			220,
			SYNC,
		),
		billNode(
			'Pay bill',
			{
				resource: 'payment',
				operation: 'create',
				billId: byId(billId),
				amount: 10,
				processDate: tomorrow,
				fundingType: 'BANK_ACCOUNT',
				fundingAccountId: byId(bankAccountId),
			},
			440,
			SYNC,
			{ onError: 'continueRegularOutput' },
		),
	]);
}

/** Event history of one entity, that event resent, a test notification. */
export function webhookWorkflow(
	/** @type {string} */ subscriptionId,
	/** @type {string} */ entityId,
) {
	return chain(IDS.webhook, 'e2e: webhook event history, resend, test notification', [
		billNode(
			'Event history',
			{
				resource: 'webhook',
				operation: 'getEvents',
				subscriptionId,
				returnAll: true,
				filters: { entityId },
			},
			220,
		),
		billNode(
			'Resend',
			{ resource: 'webhook', operation: 'resendEvent', subscriptionId, eventId: '={{ $json.id }}' },
			440,
		),
		billNode(
			'Test notification',
			{
				resource: 'webhook',
				operation: 'sendTestEvent',
				subscriptionId,
				eventType: 'vendor.created',
				version: '1',
				entity: JSON.stringify({ vendor: { id: 'test-vendor-id', name: 'Test Vendor' } }),
			},
			660,
		),
	]);
}

/** A foreign vendor's transfer method, a vendor bank account's status. */
export function fieldsWorkflow(/** @type {string} */ foreignId, /** @type {string} */ plainId) {
	return chain(IDS.fields, 'e2e: 2026 fields: vendor transferMethod, bank account status', [
		billNode(
			'Foreign vendor',
			{ resource: 'vendor', operation: 'get', vendorId: byId(foreignId) },
			220,
		),
		billNode(
			'Bank account',
			{
				resource: 'vendor',
				operation: 'setBankAccount',
				vendorId: byId(plainId),
				nameOnAccount: 'Drum Supply Co',
				routingNumber: '074000010',
				accountNumber: '123456789012',
				type: 'CHECKING',
				ownerType: 'BUSINESS',
				paymentCurrency: 'usd',
			},
			440,
		),
	]);
}

/** A PDF of two pages, as text: the emulator counts its `/Type /Page` objects. */
const PDF = `%PDF-1.4
1 0 obj << /Type /Pages /Count 2 >> endobj
2 0 obj << /Type /Page >> endobj
3 0 obj << /Type /Page >> endobj
%%EOF
`;

/** A file made in the workflow (Edit Fields → Convert to File) attached to a bill, then the bill's documents. */
export function documentWorkflows(/** @type {string} */ billId) {
	const node = (
		/** @type {string} */ name,
		/** @type {string} */ type,
		typeVersion,
		parameters,
		x,
	) => ({
		parameters,
		id: name.toLowerCase().replace(/[^a-z]+/g, '-'),
		name,
		type,
		typeVersion,
		position: [x, 0],
	});
	const upload = chain(IDS.upload, 'e2e: a receipt attached to a bill', [
		node(
			'Receipt text',
			'n8n-nodes-base.set',
			3.4,
			{
				assignments: { assignments: [{ id: 'text', name: 'text', value: PDF, type: 'string' }] },
				options: {},
			},
			220,
		),
		node(
			'Receipt file',
			'n8n-nodes-base.convertToFile',
			1.1,
			{
				operation: 'toText',
				sourceProperty: 'text',
				options: { fileName: 'receipt.pdf' },
			},
			440,
		),
		billNode(
			'Attach to bill',
			{ resource: 'document', operation: 'upload', billId: byId(billId) },
			660,
		),
	]);
	const list = chain(IDS.documents, "e2e: a bill's documents", [
		billNode(
			'Documents',
			{ resource: 'document', operation: 'getMany', billId: byId(billId), returnAll: true },
			220,
		),
	]);
	return [upload, list];
}
