/**
 * The benchmark's workflows, one per job and variant, each started by a production Webhook
 * (responds when its last node finished):
 *   ours      our node (n8n-nodes-billcom.bill) with the BILL credential;
 *   oursJson  (job 1 only) our node with "Bills Input: JSON", one expression per item instead of
 *             one per field (n8n evaluates every expression on its own, ~0.5 ms each here);
 *   oursItems (job 1 only) a Code node maps all rows to BILL's bill format at once, then our node
 *             with "Bills Input: Input Items as They Are": no expression per item at all;
 *   theirs    what a careful user builds from BILL's docs with n8n's HTTP Request node: a login
 *             request, then the calls with the sessionId and devKey headers, Batching set to
 *             BILL's 3 concurrent requests, n8n's pagination option following `nextPage`;
 *   theirsBulk (job 1 only) the same user who also found BILL's bulk create: Loop Over Items
 *             in groups of 100, Aggregate, one POST /v3/bills/bulk per group;
 *   theirsLoginEach (job 5 only) HTTP Request with a login before every call, as BILL allows
 *             (each item logs in, then creates its invoice with that session);
 *   n8nOnly   (job 4 only) the webhook and a No Operation node: what an execution costs in n8n
 *             before any BILL call, the part of job 4 no node can make faster.
 * Jobs 5 (invoices) and 6 (vendors) use the same variants: BILL has no bulk invoice create, so
 * ours is Invoice → Create per item (one session for all); vendors have BILL's bulk create (20 a
 * request), so ours is Vendor → Create Many and theirsBulk groups of 20.
 * Input comes in the webhook's body, the same for every variant.
 */
import { randomUUID } from 'node:crypto';

import { CREDENTIAL } from '../../scripts/lib/stack.mjs';

let x = 0;
const node = (name, type, typeVersion, parameters, extra = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [(x += 220), 300],
	parameters,
	...extra,
});

function chain(id, name, nodes, extraConnections = {}) {
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

const webhook = (path) =>
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

const count = () =>
	node('Count', 'n8n-nodes-base.summarize', 1.1, {
		fieldsToSummarize: { values: [{ aggregation: 'count', field: 'id' }] },
		options: {},
	});

const splitOut = (name, field) =>
	node(name, 'n8n-nodes-base.splitOut', 1, {
		fieldToSplitOut: field,
		include: 'noOtherFields',
		options: {},
	});

/** Edit Fields (Set) in JSON mode: one item out of an expression. */
/** A Code node run once for all items (one evaluation, whatever the number of items). */
const codeAll = (name, jsCode) =>
	node(name, 'n8n-nodes-base.code', 2, { mode: 'runOnceForAllItems', jsCode });
const setJson = (name, expression) =>
	node(name, 'n8n-nodes-base.set', 3.4, {
		mode: 'raw',
		jsonOutput: `={{ ${expression} }}`,
		options: {},
	});

const ours = (name, parameters) =>
	node(
		name,
		'n8n-nodes-billcom.bill',
		1,
		{ authentication: 'billApi', ...parameters },
		{ credentials: { billApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } } },
	);

/** BILL's headers on every call after the login, as BILL's docs show them. */
function billHeaders(devKey) {
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

const http = (name, parameters, options = {}) =>
	node(name, 'n8n-nodes-base.httpRequest', 4.2, { ...parameters, options });

/** POST /v3/login with the user's details typed into the body (there is no n8n credential for it). */
function login(baseUrl, fixtures) {
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
const batching = (intervalMs) => ({
	batching: { batch: { batchSize: 3, batchInterval: intervalMs } },
});

/** A BILL create body from a spreadsheet-like row (the same rows our node maps with its fields). */
/** An invoice create body (BILL's "Create an invoice") from an invoice row. */
const INVOICE_FROM_ROW =
	'{ customer: { id: $json.customerId }, invoiceNumber: $json.invoiceNumber, invoiceDate: $json.invoiceDate, dueDate: $json.dueDate, invoiceLineItems: [{ description: $json.description, quantity: $json.quantity, price: $json.price }], processingOptions: { sendEmail: false } }';

/** A vendor create body (BILL's "Create a vendor") from a vendor row. */
const VENDOR_FROM_ROW =
	"{ name: $json.name, accountType: 'BUSINESS', email: $json.email, phone: $json.phone }";

const BILL_FROM_ROW =
	'{ vendorId: $json.vendorId, invoice: { invoiceNumber: $json.invoiceNumber, invoiceDate: $json.invoiceDate }, dueDate: $json.dueDate, billLineItems: [{ amount: $json.amount, description: $json.description }] }';

export const VARIANTS = {
	ours: 'our node',
	theirs: 'HTTP Request',
	theirsBulk: 'HTTP Request + bulk',
	oursJson: 'our node, JSON input',
	oursItems: 'our node, input items as they are',
	theirsLoginEach: 'HTTP Request, a login per call',
	n8nOnly: 'n8n alone (no BILL call)',
};

/**
 * Workflows for `{ baseUrl, fixtures }` and the theirs batching interval. Returns
 * [{ job, variant, id, name, path, json }].
 */
export function benchWorkflows({ baseUrl, fixtures, batchIntervalMs }) {
	const devKey = fixtures.devKey;
	const list = [];
	const add = (job, variant, build) => {
		const path = `bench-${job}-${variant}`.toLowerCase();
		const id = `benchWorkflow${String(list.length + 1).padStart(3, '0')}`;
		x = 0;
		const json = chain(id, `Bench ${job}: ${VARIANTS[variant]}`, build(path));
		list.push({ job, variant, id, path, name: json.name, json });
	};

	// 1. Create bills from rows { vendorId, invoiceNumber, invoiceDate, dueDate, amount, description }.
	add('create', 'ours', (path) => [
		webhook(path),
		splitOut('Rows', 'body.rows'),
		ours('Create bills', {
			resource: 'bill',
			operation: 'createMany',
			billsInput: 'items',
			vendorId: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
			invoiceNumber: '={{ $json.invoiceNumber }}',
			invoiceDate: '={{ $json.invoiceDate }}',
			dueDate: '={{ $json.dueDate }}',
			lineItemsInput: 'fields',
			lineItems: {
				lineItem: [
					{
						pricedBy: 'amount',
						amount: '={{ $json.amount }}',
						description: '={{ $json.description }}',
					},
				],
			},
			additionalFields: {},
			skipExisting: true,
		}),
		count(),
	]);
	add('create', 'oursJson', (path) => [
		webhook(path),
		splitOut('Rows', 'body.rows'),
		ours('Create bills', {
			resource: 'bill',
			operation: 'createMany',
			billsInput: 'json',
			billsJson: `={{ JSON.stringify(${BILL_FROM_ROW}) }}`,
			skipExisting: true,
		}),
		count(),
	]);
	add('create', 'oursItems', (path) => [
		webhook(path),
		codeAll(
			'To BILL bills',
			"return $('Webhook').first().json.body.rows.map((r) => ({ json: { vendorId: r.vendorId, invoice: { invoiceNumber: r.invoiceNumber, invoiceDate: r.invoiceDate }, dueDate: r.dueDate, billLineItems: [{ amount: r.amount, description: r.description }] } }));",
		),
		ours('Create bills', {
			resource: 'bill',
			operation: 'createMany',
			billsInput: 'itemJson',
			skipExisting: true,
		}),
		count(),
	]);
	add('create', 'theirs', (path) => [
		webhook(path),
		login(baseUrl, fixtures),
		setJson('Rows', "{ rows: $('Webhook').first().json.body.rows }"),
		splitOut('Split rows', 'rows'),
		http(
			'Create bill',
			{
				method: 'POST',
				url: `${baseUrl}/v3/bills`,
				...billHeaders(devKey),
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify(${BILL_FROM_ROW}) }}`,
			},
			batching(batchIntervalMs),
		),
		count(),
	]);
	add('create', 'theirsBulk', (path) => {
		const loop = node('Loop Over Items', 'n8n-nodes-base.splitInBatches', 3, {
			batchSize: 100,
			options: {},
		});
		const nodes = [
			webhook(path),
			login(baseUrl, fixtures),
			setJson('Rows', "{ rows: $('Webhook').first().json.body.rows }"),
			splitOut('Split rows', 'rows'),
			setJson('Bill body', BILL_FROM_ROW),
			loop,
			node('Group of 100', 'n8n-nodes-base.aggregate', 1, {
				aggregate: 'aggregateAllItemData',
				destinationFieldName: 'bills',
				options: {},
			}),
			{
				...http('Create 100 bills', {
					method: 'POST',
					url: `${baseUrl}/v3/bills/bulk`,
					...billHeaders(devKey),
					sendBody: true,
					contentType: 'json',
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify($json.bills) }}',
				}),
				noChain: true,
			},
			count(),
		];
		return nodes;
	});
	// The loop: "loop" output (1) → Group → Create → back to the loop; "done" output (0) → Count.
	const bulk = list.find((w) => w.job === 'create' && w.variant === 'theirsBulk');
	bulk.json.connections['Loop Over Items'] = {
		main: [
			[{ node: 'Count', type: 'main', index: 0 }],
			[{ node: 'Group of 100', type: 'main', index: 0 }],
		],
	};
	bulk.json.connections['Create 100 bills'] = {
		main: [[{ node: 'Loop Over Items', type: 'main', index: 0 }]],
	};

	// 2. Every bill of one vendor, Return All.
	add('list', 'ours', (path) => [
		webhook(path),
		ours('All bills', {
			resource: 'bill',
			operation: 'getMany',
			returnAll: true,
			filters: { vendorId: { __rl: true, mode: 'id', value: '={{ $json.body.vendorId }}' } },
		}),
		count(),
	]);
	add('list', 'theirs', (path) => [
		webhook(path),
		login(baseUrl, fixtures),
		http(
			'List bills',
			{
				method: 'GET',
				url: `${baseUrl}/v3/bills`,
				...billHeaders(devKey),
				sendQuery: true,
				specifyQuery: 'keypair',
				queryParameters: {
					parameters: [
						{ name: 'max', value: '100' },
						{
							name: 'filters',
							value: "=vendorId:eq:{{ $('Webhook').first().json.body.vendorId }}",
						},
					],
				},
			},
			{
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: {
							parameters: [{ type: 'qs', name: 'page', value: '={{ $response.body.nextPage }}' }],
						},
						paginationCompleteWhen: 'other',
						completeExpression: '={{ !$response.body.nextPage }}',
						limitPagesFetched: false,
						requestInterval: 0,
					},
				},
			},
		),
		splitOut('Bills', 'results'),
		count(),
	]);

	// 3. Update bills from rows { id, description }.
	add('update', 'ours', (path) => [
		webhook(path),
		splitOut('Rows', 'body.rows'),
		ours('Update bill', {
			resource: 'bill',
			operation: 'update',
			billId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			updateFields: { description: '={{ $json.description }}' },
		}),
		count(),
	]);
	add('update', 'theirs', (path) => [
		webhook(path),
		login(baseUrl, fixtures),
		setJson('Rows', "{ rows: $('Webhook').first().json.body.rows }"),
		splitOut('Split rows', 'rows'),
		http(
			'Update bill',
			{
				method: 'PATCH',
				url: `=${baseUrl}/v3/bills/{{ $json.id }}`,
				...billHeaders(devKey),
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ description: $json.description }) }}',
			},
			batching(batchIntervalMs),
		),
		count(),
	]);

	// 5. Create invoices from rows { customerId, invoiceNumber, invoiceDate, dueDate, description, quantity, price }.
	add('invoices', 'ours', (path) => [
		webhook(path),
		splitOut('Rows', 'body.rows'),
		ours('Create invoice', {
			resource: 'invoice',
			operation: 'create',
			customerMode: 'existing',
			customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
			invoiceNumber: '={{ $json.invoiceNumber }}',
			lineItems: {
				item: [
					{
						description: '={{ $json.description }}',
						quantity: '={{ $json.quantity }}',
						price: '={{ $json.price }}',
					},
				],
			},
			skipExisting: true,
			additionalFields: {
				invoiceDate: '={{ $json.invoiceDate }}',
				dueDate: '={{ $json.dueDate }}',
			},
		}),
		count(),
	]);
	const createInvoice = (name, sessionId, row = '$json') =>
		http(
			name,
			{
				method: 'POST',
				url: `${baseUrl}/v3/invoices`,
				sendHeaders: true,
				specifyHeaders: 'keypair',
				headerParameters: {
					parameters: [
						{ name: 'sessionId', value: sessionId },
						{ name: 'devKey', value: devKey },
					],
				},
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify(${INVOICE_FROM_ROW.replaceAll('$json', row)}) }}`,
			},
			batching(batchIntervalMs),
		);
	add('invoices', 'theirs', (path) => [
		webhook(path),
		login(baseUrl, fixtures),
		setJson('Rows', "{ rows: $('Webhook').first().json.body.rows }"),
		splitOut('Split rows', 'rows'),
		createInvoice('Create invoice', "={{ $('Login').first().json.sessionId }}"),
		count(),
	]);
	add('invoices', 'theirsLoginEach', (path) => [
		webhook(path),
		setJson('Rows', "{ rows: $('Webhook').first().json.body.rows }"),
		splitOut('Split rows', 'rows'),
		{
			...login(baseUrl, fixtures),
			parameters: { ...login(baseUrl, fixtures).parameters, options: batching(batchIntervalMs) },
		},
		// The row is the item the login was made for (n8n pairs each login's answer with its row).
		createInvoice('Create invoice', '={{ $json.sessionId }}', "$('Split rows').item.json"),
		count(),
	]);

	// 6. Create vendors from rows { name, email, phone }.
	add('vendors', 'ours', (path) => [
		webhook(path),
		splitOut('Rows', 'body.rows'),
		ours('Create vendors', {
			resource: 'vendor',
			operation: 'createMany',
			name: '={{ $json.name }}',
			accountType: 'BUSINESS',
			email: '={{ $json.email }}',
			phone: '={{ $json.phone }}',
			skipExisting: true,
		}),
		count(),
	]);
	add('vendors', 'theirs', (path) => [
		webhook(path),
		login(baseUrl, fixtures),
		setJson('Rows', "{ rows: $('Webhook').first().json.body.rows }"),
		splitOut('Split rows', 'rows'),
		http(
			'Create vendor',
			{
				method: 'POST',
				url: `${baseUrl}/v3/vendors`,
				...billHeaders(devKey),
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: `={{ JSON.stringify(${VENDOR_FROM_ROW}) }}`,
			},
			batching(batchIntervalMs),
		),
		count(),
	]);
	add('vendors', 'theirsBulk', (path) => [
		webhook(path),
		login(baseUrl, fixtures),
		setJson('Rows', "{ rows: $('Webhook').first().json.body.rows }"),
		splitOut('Split rows', 'rows'),
		setJson('Vendor body', VENDOR_FROM_ROW),
		node('Loop Over Items', 'n8n-nodes-base.splitInBatches', 3, { batchSize: 20, options: {} }),
		node('Group of 20', 'n8n-nodes-base.aggregate', 1, {
			aggregate: 'aggregateAllItemData',
			destinationFieldName: 'vendors',
			options: {},
		}),
		http('Create 20 vendors', {
			method: 'POST',
			url: `${baseUrl}/v3/vendors/bulk`,
			...billHeaders(devKey),
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json.vendors) }}',
		}),
		// BILL answers a bulk vendor create with `{ vendors: [...] }`, not a bare array as for bills.
		{ ...splitOut('Created vendors', 'vendors'), noChain: true },
		count(),
	]);
	const vendorsBulk = list.find((w) => w.job === 'vendors' && w.variant === 'theirsBulk');
	vendorsBulk.json.connections['Loop Over Items'] = {
		main: [
			[{ node: 'Count', type: 'main', index: 0 }],
			[{ node: 'Group of 20', type: 'main', index: 0 }],
		],
	};
	vendorsBulk.json.connections['Created vendors'] = {
		main: [[{ node: 'Loop Over Items', type: 'main', index: 0 }]],
	};

	// 4. Read one bill (called 20 times in a row).
	add('read', 'ours', (path) => [
		webhook(path),
		ours('Get bill', {
			resource: 'bill',
			operation: 'get',
			billId: { __rl: true, mode: 'id', value: '={{ $json.body.billId }}' },
		}),
	]);
	add('read', 'theirs', (path) => [
		webhook(path),
		login(baseUrl, fixtures),
		http('Get bill', {
			method: 'GET',
			url: `=${baseUrl}/v3/bills/{{ $('Webhook').first().json.body.billId }}`,
			...billHeaders(devKey),
		}),
	]);
	add('read', 'n8nOnly', (path) => [
		webhook(path),
		node('No BILL call', 'n8n-nodes-base.noOp', 1, {}),
	]);
	return list;
}
