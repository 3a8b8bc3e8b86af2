// @ts-check
/**
 * The nodes the benchmark's workflows are built from (bench/lib/workflows.mjs): n8n's Webhook,
 * Split Out, Code, Set, Summarize and HTTP Request nodes, our BILL node, and BILL's bodies mapped
 * from a row.
 */
import { randomUUID } from 'node:crypto';

import { CREDENTIAL } from '../../scripts/lib/stack.mjs';

let x = 0;

/** Starts a new workflow: its nodes are placed from the left again. */
export function startWorkflow() {
	x = 0;
}

/**
 * One node of a workflow, placed right of the one before.
 * @param {string} name
 * @param {string} type
 * @param {number} typeVersion
 * @param {Record<string, unknown>} parameters
 * @param {Record<string, unknown>} [extra]
 * @returns {any}
 */
export const node = (name, type, typeVersion, parameters, extra = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [(x += 220), 300],
	parameters,
	...extra,
});

/**
 * A workflow whose nodes run one after another (a node with `noChain` is not connected to the next).
 * @param {string} id
 * @param {string} name
 * @param {any[]} nodes
 * @param {Record<string, unknown>} [extraConnections]
 */
export function chain(id, name, nodes, extraConnections = {}) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		if (nodes[i].noChain) continue;
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	for (const n of nodes) delete n.noChain;
	return {
		id,
		name,
		active: false,
		nodes,
		connections: { ...connections, ...extraConnections },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

export const webhook = (path) =>
	node(
		'Webhook',
		'n8n-nodes-base.webhook',
		2,
		{
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'firstEntryJson',
			options: {},
		},
		{ webhookId: randomUUID() },
	);

export const count = () =>
	node('Count', 'n8n-nodes-base.summarize', 1.1, {
		fieldsToSummarize: { values: [{ aggregation: 'count', field: 'id' }] },
		options: {},
	});

export const splitOut = (name, field) =>
	node(name, 'n8n-nodes-base.splitOut', 1, {
		fieldToSplitOut: field,
		include: 'noOtherFields',
		options: {},
	});

/** Edit Fields (Set) in JSON mode: one item out of an expression. */
/** A Code node run once for all items (one evaluation, whatever the number of items). */
export const codeAll = (name, jsCode) =>
	node(name, 'n8n-nodes-base.code', 2, { mode: 'runOnceForAllItems', jsCode });
export const setJson = (name, expression) =>
	node(name, 'n8n-nodes-base.set', 3.4, {
		mode: 'raw',
		jsonOutput: `={{ ${expression} }}`,
		options: {},
	});

export const ours = (name, parameters) =>
	node(
		name,
		'n8n-nodes-billcom.bill',
		1,
		{ authentication: 'billApi', ...parameters },
		{ credentials: { billApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } } },
	);

/** BILL's headers on every call after the login, as BILL's docs show them. */
export function billHeaders(devKey) {
	return {
		sendHeaders: true,
		specifyHeaders: 'keypair',
		headerParameters: {
			parameters: [
				{ name: 'sessionId', value: "={{ $('Login').first().json.sessionId }}" },
				{ name: 'devKey', value: devKey },
			],
		},
	};
}

export const http = (name, parameters, options = {}) =>
	node(name, 'n8n-nodes-base.httpRequest', 4.2, { ...parameters, options });

/** POST /v3/login with the user's details typed into the body (there is no n8n credential for it). */
export function login(baseUrl, fixtures) {
	const body = {
		username: fixtures.admin.username,
		password: fixtures.admin.password,
		organizationId: fixtures.organizationId,
		devKey: fixtures.devKey,
	};
	return http('Login', {
		method: 'POST',
		url: `${baseUrl}/v3/login`,
		sendBody: true,
		contentType: 'json',
		specifyBody: 'json',
		jsonBody: JSON.stringify(body),
	});
}

/** "Batching" option of the HTTP Request node: 3 items, then wait `intervalMs` (BILL's 3 concurrent requests). */
export const batching = (intervalMs) => ({
	batching: { batch: { batchSize: 3, batchInterval: intervalMs } },
});

/** A BILL create body from a spreadsheet-like row (the same rows our node maps with its fields). */
/** An invoice create body (BILL's "Create an invoice") from an invoice row. */
export const INVOICE_FROM_ROW =
	'{ customer: { id: $json.customerId }, invoiceNumber: $json.invoiceNumber, invoiceDate: $json.invoiceDate, dueDate: $json.dueDate, invoiceLineItems: [{ description: $json.description, quantity: $json.quantity, price: $json.price }], processingOptions: { sendEmail: false } }';

/** A vendor create body (BILL's "Create a vendor") from a vendor row. */
export const VENDOR_FROM_ROW =
	"{ name: $json.name, accountType: 'BUSINESS', email: $json.email, phone: $json.phone }";

export const BILL_FROM_ROW =
	'{ vendorId: $json.vendorId, invoice: { invoiceNumber: $json.invoiceNumber, invoiceDate: $json.invoiceDate }, dueDate: $json.dueDate, billLineItems: [{ amount: $json.amount, description: $json.description }] }';
