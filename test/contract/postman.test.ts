/**
 * The contract: BILL's Postman collection (../shared/bill-api) against our emulator and our node.
 * 1. Every route the emulator serves is one BILL's collection lists (same method, host, path),
 *    except the few documented elsewhere (each with its reason below).
 * 2. Every request the node's code can send is one the collection lists.
 * 3. The collection's own requests, run against the emulator with its variables filled in
 *    (ids from objects made first), get the documented success code, and the fields the
 *    emulator answers with are fields BILL's example response has.
 */
import axios from 'axios';
import { resolve } from 'path';

import { startEmulator, type Emulator } from '../../emulator';
import { sendableBody } from './apDepth';
import { Variables } from './contractVariables';
import { UPLOAD_PATH } from '../../emulator/routes/spend';
import { SPEND_FIELDS_AFTER_COLLECTION, SPEND_PLACEHOLDER_BODIES } from './spendVariables';
import {
	collectionAvailable,
	loadCollection,
	templateMatches,
	type PostmanRequest,
} from './postman';
import { answerDifferences } from './shape';
import { nodeRequests } from './nodeRequests';

/** Routes the emulator serves that the collection does not list, and why. */
const NOT_IN_COLLECTION: Record<string, string> = {
	'POST auth /authx/token':
		"BILL's OAuth token endpoint (https://developer.bill.com/docs/get-started-with-bill-oauth), on its auth host",
	'POST api /v3/mfa/validate':
		"BILL's prose path for Postman 'Validate phone for MFA setup'; the emulator accepts both",
	'GET api /v3/attachments/:attachmentId/download':
		"an attachment's downloadLink, which BILL gives but does not list (https://developer.bill.com/docs/documents-attachments: GET the link with the session header)",
	'POST events /v3/subscriptions/:subscriptionId/security-key':
		'the spelling of https://developer.bill.com/docs/bill-webhook-api-general-rules',
	'GET api /v3/check-images/:checkImageId':
		"a check image's downloadLink, which BILL gives but does not list (Postman 'Get check image data': GET the link with the session header)",
	[`PUT api ${UPLOAD_PATH}/:uploadId`]:
		'the storage address a Spend & Expense upload URL points to (PUT the image there), not an API route',
};

/**
 * Requests BILL documents after its collection was made (2025-12 and 2026), with the page: the
 * emulator serves them and the nodes send them, so both checks below accept them.
 */
const AFTER_COLLECTION: Array<{ method: string; path: string; source: string }> = [
	...['GET', 'POST'].map((method) => ({
		method,
		path: '/v3/customers/:customerId/bank-accounts',
		source:
			'https://developer.bill.com/hc/reference/createcustomerbankaccount (charge customers, 2025-12)',
	})),
	...['GET', 'PATCH'].map((method) => ({
		method,
		path: '/v3/customers/:customerId/bank-accounts/:bankAccountId',
		source: 'https://developer.bill.com/docs/ar-charge-customer',
	})),
	{
		method: 'POST',
		path: '/v3/customers/:customerId/bank-accounts/:bankAccountId/archive',
		source: 'https://developer.bill.com/docs/ar-charge-customer',
	},
	{
		method: 'POST',
		path: '/v3/customers/:customerId/charge-authorization',
		source: 'https://developer.bill.com/reference/authorizetochargecustomer',
	},
	{
		method: 'GET',
		path: '/v3/login/organizations',
		source: 'https://developer.bill.com/changelog/2025-01-21-new-endpoint-login-organizations',
	},
	{
		method: 'POST',
		path: '/v3/receivable-payments',
		source: 'https://developer.bill.com/reference/chargecustomer',
	},
	{
		method: 'POST',
		path: '/v3/bill-approvals',
		source:
			'https://developer.bill.com/docs/ap-bill-approvals (the guide; Postman posts to /v3/bill-approvals/policies)',
	},
];
const afterCollectionRequest = (method: string, path: string) =>
	AFTER_COLLECTION.some((a) => a.method === method && templateMatches(a.path, path));

/**
 * Fields BILL documents after the collection was made, by request (as paths in the answer): the
 * exchange-rate batch (https://developer.bill.com/docs/ap-international-payments shows
 * `billCurrency`, `exchangeRateBatchId` and `vendorId` in the answer;
 * https://developer.bill.com/changelog/2026-01-20-payments-api-improvements).
 */
const FIELDS_AFTER_COLLECTION: Record<string, string[]> = {
	'GET /v3/payments/exchange-rate': ['$.billCurrency', '$.exchangeRateBatchId', '$.vendorId'],
	// https://developer.bill.com/changelog (2026): documents' virus scan and page count, and a
	// vendor bank account's status.
	'GET /v3/documents/:documentId': ['$.scanStatus', '$.numOfPages'],
	'GET /v3/vendors/:vendorId/bank-account': ['$.status'],
	'POST /v3/vendors/:vendorId/bank-account': ['$.status'],
};

/** The answer fields of a request that BILL documented after its collection. */
function afterCollection(method: string, path: string): string[] {
	const spend = path.startsWith('/v3/spend/') ? Object.keys(SPEND_FIELDS_AFTER_COLLECTION) : [];
	return [...(FIELDS_AFTER_COLLECTION[`${method} ${path}`] ?? []), ...spend];
}

/** Routes served and listed whose example run cannot reach a success, and why. */
const UNCHECKED_ROUTES: string[] = [
	// Its example body names the custom field "string" (SPEND_PLACEHOLDER_BODIES): refused, as BILL would.
	'PUT api /v3/spend/transactions/:transactionId/custom-fields',
];

/**
 * Requests whose example body names the objects it changes by the machine-generated placeholder
 * "string": each element's `id` becomes the variable of an object made here, and line items with
 * the placeholder id are sent without one (added), so BILL's success code can be checked.
 */
const PLACEHOLDER_IDS: Record<string, (body: string) => string> = {
	'PATCH /v3/credit-memos/bulk': (body) =>
		JSON.stringify(
			(JSON.parse(body) as Array<Record<string, unknown>>).map((memo) => ({
				...memo,
				id: '{{credit_memo_id}}',
				customerId: '{{customer_id}}',
				creditMemoLineItems: (memo.creditMemoLineItems as Array<Record<string, unknown>>).map(
					({ id: _id, ...line }) => line,
				),
			})),
		),
};

const ROOT = resolve(__dirname, '..', '..');
const describeIf = collectionAvailable() ? describe : describe.skip;
if (!collectionAvailable()) {
	// CI has ../shared; a checkout without it says so loudly instead of passing quietly.
	console.warn(
		'BILL Postman collection not found: contract tests skipped (set BILL_POSTMAN_COLLECTION)',
	);
}

describeIf('BILL Postman collection contract', () => {
	const collection = collectionAvailable() ? loadCollection() : [];
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ limits: false });
	});
	afterAll(async () => emulator?.stop());

	it('reads the collection (302 requests)', () => {
		expect(collection.length).toBe(302);
	});

	it('lists every route the emulator serves (or the route is documented elsewhere, with the reason)', () => {
		const missing = emulator.routes
			.map((r) => `${r.method} ${r.host} ${r.pattern}`)
			.filter((key) => !NOT_IN_COLLECTION[key])
			.filter((key) => {
				const [method, host, pattern] = key.split(' ');
				if (host === 'api' && afterCollectionRequest(method, pattern)) return false;
				return !collection.some(
					(c) => c.method === method && c.host === host && c.path === pattern,
				);
			});
		expect(missing).toEqual([]);
	});

	it('lists every request (METHOD and path) the node and the credentials can send', () => {
		const { requests, unresolved } = nodeRequests(ROOT);
		if (process.env.CONTRACT_DEBUG)
			console.log(requests.map((r) => `${r.method} ${r.path} ${r.site}`).join('\n'));
		// Every path written in the code is sent with a method the code shows (or declared).
		expect(unresolved).toEqual([]);
		expect(requests.length).toBeGreaterThan(280);
		const unknown = requests
			.filter(
				(r) =>
					!collection.some((c) => c.method === r.method && templateMatches(c.path, r.path)) &&
					!afterCollectionRequest(r.method, r.path) &&
					!(r.method === 'POST' && r.path === '/v3/mfa/validate'),
			)
			.map((r) => `${r.method} ${r.path} (${r.site})`);
		expect(unknown).toEqual([]);
		// The S&E Trigger subscribes with BILL's documented call.
		expect(requests).toContainEqual(
			expect.objectContaining({
				method: 'POST',
				path: '/v3/subscriptions',
				site: expect.stringMatching(/^nodes\/BillSpendTrigger\//),
			}),
		);
	});

	describe("the collection's requests run against the emulator", () => {
		const http = axios.create({ validateStatus: () => true });
		const served = (request: PostmanRequest) =>
			emulator.routes.some(
				(r) => r.method === request.method && r.host === request.host && r.pattern === request.path,
			);

		it("answers each with the documented success code, in the shape of BILL's example answer (no other field, no other JSON type, at any depth)", async () => {
			const results: string[] = [];
			const checked = new Set<string>();
			let ran = 0;
			for (const request of collection) {
				if (!served(request) || request.successCode === undefined) continue;
				emulator.reset();
				const variables = new Variables(emulator, http);
				const fill = async (text: string) => {
					let out = text;
					for (const name of [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])) {
						out = out.split(`{{${name}}}`).join(await variables.get(name, request));
					}
					return out;
				};
				let path = request.path;
				for (const [key, value] of Object.entries(request.pathVariables))
					path = path.replace(`:${key}`, encodeURIComponent(await fill(value)));
				const headers: Record<string, string> = {};
				for (const [key, value] of Object.entries(request.headers))
					headers[key] = await fill(value);
				const params: Record<string, string> = {};
				for (const { key, value } of request.query) params[key] = await fill(value);
				const example = PLACEHOLDER_IDS[`${request.method} ${request.path}`];
				let body = request.body
					? await fill(example ? example(request.body) : sendableBody(request.path, request.body))
					: undefined;
				// Postman "Accept connection request" leaves {{customer_id}} unquoted: not JSON until quoted.
				if (request.name === 'Accept connection request' && body)
					body = body.replace(/:\s*([0-9A-Za-z]{20})(\s*[,}])/g, ': "$1"$2');
				const base = request.host === 'events' ? emulator.eventsBaseUrl : emulator.baseUrl;
				const response = await http.request({
					method: request.method,
					url: base + path,
					headers: body ? { 'Content-Type': 'application/json', ...headers } : headers,
					params,
					data: body,
					transformResponse: (d) => d,
				});
				ran++;
				if (process.env.CONTRACT_DEBUG)
					console.log(
						request.method,
						request.path,
						response.status,
						String(response.data).slice(0, 150),
					);
				const label = `${request.method} ${request.path} ("${request.name}")`;
				const placeholder = SPEND_PLACEHOLDER_BODIES[`${request.method} ${request.path}`];
				if (placeholder && response.status === 400 && placeholder.test(String(response.data)))
					continue;
				if (response.status !== request.successCode) {
					results.push(
						`${label}: ${response.status} instead of ${request.successCode}: ${String(response.data).slice(0, 200)}`,
					);
					continue;
				}
				checked.add(`${request.method} ${request.host} ${request.path}`);
				const after = afterCollection(request.method, request.path);
				const differences = answerDifferences(response.data as string, request.successBody).filter(
					(d) => !after.some((field) => d.startsWith(`${field}:`)),
				);
				if (differences.length)
					results.push(`${label}: not BILL's shape: ${differences.join('; ')}`);
			}
			const routes = new Set(emulator.routes.map((r) => `${r.method} ${r.host} ${r.pattern}`));
			// Requests documented after the collection have no example answer to compare with.
			const unchecked = [...routes].filter(
				(key) =>
					!checked.has(key) &&
					!NOT_IN_COLLECTION[key] &&
					!(
						key.split(' ')[1] === 'api' &&
						afterCollectionRequest(key.split(' ')[0], key.split(' ')[2])
					),
			);
			if (process.env.CONTRACT_DEBUG) console.log(`${checked.size} routes checked`, unchecked);
			// Every route the emulator serves that BILL's collection lists, sent and its answer checked
			// (but those BILL's examples cannot reach: UNCHECKED_ROUTES).
			expect(unchecked).toEqual(UNCHECKED_ROUTES);
			expect(checked.size).toBeGreaterThan(250);
			expect(results).toEqual([]);
		});
	});
});
