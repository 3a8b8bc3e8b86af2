// @ts-check
/** The bill jobs' workflows (1 create, 2 list, 3 update, 4 read): see workflows.mjs. */
import {
	BILL_FROM_ROW,
	INVOICE_FROM_ROW,
	VENDOR_FROM_ROW,
	batching,
	billHeaders,
	codeAll,
	count,
	http,
	login,
	node,
	ours,
	setJson,
	splitOut,
	webhook,
} from './workflow-nodes.mjs';

/**
 * @typedef {(job: string, variant: string, build: (path: string) => any[]) => { json: any }} Add
 * @typedef {{ baseUrl: string, fixtures: any, batchIntervalMs: number }} Setup
 */

/**
 * 1. Create bills from rows, in every variant.
 * @param {Add} add
 * @param {Setup} setup
 */
export function createBillWorkflows(add, { baseUrl, fixtures, batchIntervalMs }) {
	const devKey = fixtures.devKey;
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
	const bulk = add('create', 'theirsBulk', (path) => {
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
	bulk.json.connections['Loop Over Items'] = {
		main: [
			[{ node: 'Count', type: 'main', index: 0 }],
			[{ node: 'Group of 100', type: 'main', index: 0 }],
		],
	};
	bulk.json.connections['Create 100 bills'] = {
		main: [[{ node: 'Loop Over Items', type: 'main', index: 0 }]],
	};
}

/**
 * 2. List every bill of one vendor; 3. update bills from rows.
 * @param {Add} add
 * @param {Setup} setup
 */
export function listAndUpdateWorkflows(add, { baseUrl, fixtures, batchIntervalMs }) {
	const devKey = fixtures.devKey;
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
}

/**
 * 4. Read one bill (called R times in a row).
 * @param {Add} add
 * @param {Setup} setup
 */
export function readWorkflows(add, { baseUrl, fixtures, batchIntervalMs }) {
	const devKey = fixtures.devKey;
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
}
