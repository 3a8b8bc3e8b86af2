// @ts-check
/** The per-item jobs' workflows (5 invoices, 6 vendors): see workflows.mjs. */
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
 * @typedef {import('./workflows-bills.mjs').Add} Add
 * @typedef {import('./workflows-bills.mjs').Setup} Setup
 */

/**
 * 5. Create invoices (BILL has no bulk create) and 6. vendors (BILL's bulk create) from rows.
 * @param {Add} add
 * @param {Setup} setup
 */
export function perItemWorkflows(add, { baseUrl, fixtures, batchIntervalMs }) {
	const devKey = fixtures.devKey;
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
	const vendorsBulk = add('vendors', 'theirsBulk', (path) => [
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
	vendorsBulk.json.connections['Loop Over Items'] = {
		main: [
			[{ node: 'Count', type: 'main', index: 0 }],
			[{ node: 'Group of 20', type: 'main', index: 0 }],
		],
	};
	vendorsBulk.json.connections['Created vendors'] = {
		main: [[{ node: 'Loop Over Items', type: 'main', index: 0 }]],
	};
}
