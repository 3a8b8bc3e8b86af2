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
import { randomUUID } from 'crypto';
import { resolve } from 'path';

import { startEmulator, type Emulator } from '../../emulator';
import { UPLOAD_MS } from '../../emulator/routes/documents';
import {
	CLASSIFICATION_VARIABLES,
	sendableBody,
	vendorBankAccount,
	vendorCreditBody,
} from './apDepth';
import { processPayments } from '../../emulator/routes/payments';
import { UPLOAD_PATH } from '../../emulator/routes/spend';
import {
	SPEND_FIELDS_AFTER_COLLECTION,
	SPEND_PLACEHOLDER_BODIES,
	spendVariable,
} from './spendVariables';
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

/**
 * The collection's variables, made on demand for one request: a fresh trusted admin session,
 * a vendor, a bill, a verified bank account, an MFA challenge and so on, each created through
 * the emulator's API as a user would.
 */
class Variables {
	private cache = new Map<string, string>();

	constructor(
		private readonly emulator: Emulator,
		private readonly http: ReturnType<typeof axios.create>,
	) {}

	async get(name: string, request: PostmanRequest): Promise<string> {
		if (!this.cache.has(name)) this.cache.set(name, await this.make(name, request));
		return this.cache.get(name)!;
	}

	private async call(
		method: string,
		path: string,
		body?: unknown,
		host: 'api' | 'events' = 'api',
		extra: Record<string, string> = {},
	) {
		const base = host === 'events' ? this.emulator.eventsBaseUrl : this.emulator.baseUrl;
		const headers = {
			devKey: this.emulator.fixtures.devKey,
			sessionId: await this.get('session_id', undefined as never),
			...extra,
		};
		const response = await this.http.request({ method, url: base + path, data: body, headers });
		if (response.status >= 300)
			throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.data)}`);
		return response.data as Record<string, unknown>;
	}

	private async make(name: string, request: PostmanRequest): Promise<string> {
		const f = this.emulator.fixtures;
		switch (name) {
			case 'username':
				return f.admin.username;
			case 'password':
				return f.admin.password;
			case 'organization_id':
				return f.organizationId;
			case 'developer_key':
				return f.devKey;
			case 'app_key':
				return f.appKey;
			case 'partner_username':
				return f.partner.username;
			case 'partner_password':
				return f.partner.password;
			case 'partner_organization_id':
				return f.organizationId;
			case 'partner_user_id':
				return f.admin.userId;
			case 'org_user_id':
				// Another user of the organization (the admin made the account, so it is one already).
				return f.clerk.userId;
			case 'mfa_remember_me_id':
				return f.mfaId;
			case 'mfa_device_name':
				return f.device;
			case 'mfa_machine_name':
				return 'Contract test';
			case 'user_phone_no':
				return '4155550123';
			case 'webhook_idempotency_key':
				return randomUUID();
			case 'webhook_notification_url':
				return 'https://hooks.example.com/bill';
			case 'session_id': {
				const r = await this.http.post(`${this.emulator.baseUrl}/v3/login`, {
					username: f.admin.username,
					password: f.admin.password,
					organizationId: f.organizationId,
					devKey: f.devKey,
					rememberMeId: f.mfaId,
					device: f.device,
				});
				return String(r.data.sessionId);
			}
			case 'partner_session_id': {
				const r = await this.http.post(`${this.emulator.baseUrl}/v3/partner/login`, {
					username: f.partner.username,
					password: f.partner.password,
					appKey: f.appKey,
				});
				return String(r.data.sessionId);
			}
			case 'vendor_id': {
				const id = String(
					(
						await this.call('POST', '/v3/vendors', {
							name: 'Contract Vendor',
							accountType: 'BUSINESS',
							email: 'c@example.com',
							phone: '1',
							// BILL's exchange rate is for international vendors only.
							...(request.path === '/v3/payments/exchange-rate' ? { billCurrency: 'EUR' } : {}),
						})
					).id,
				);
				// Getting or deleting a vendor's bank account needs one.
				if (request.path.endsWith('/bank-account') && request.method !== 'POST')
					await this.call('POST', `/v3/vendors/${id}/bank-account`, vendorBankAccount);
				return id;
			}
			case 'bill_approval_policy_id':
				return String(
					(
						await this.call('POST', '/v3/bill-approvals/policies', {
							policyName: `Contract policy ${this.cache.size}`,
							rules: [{ key: 'BILL_AMOUNT', op: 'gte', values: ['1000'] }],
							approvers: [this.emulator.fixtures.admin.userId],
						})
					).id,
				);
			case 'bill_id':
			case 'webhook_bill_id': {
				// The payments folder pays 228.99 of it: such a bill must owe at least that.
				const paying = request.path.startsWith('/v3/payments');
				const bill = await this.call('POST', '/v3/bills', {
					vendorId: await this.get('vendor_id', request),
					dueDate: '2026-12-31',
					invoice: { invoiceNumber: 'C-1', invoiceDate: '2026-12-01' },
					billLineItems: [
						{ amount: paying ? 300 : 100, description: 'one' },
						{ amount: 50, description: 'two' },
					],
				});
				const lines = bill.billLineItems as Array<{ id: string }>;
				this.cache.set('bill_line_item_id01', lines[0].id);
				this.cache.set('bill_line_item_id02', lines[1].id);
				return String(bill.id);
			}
			case 'bill_line_item_id01':
			case 'bill_line_item_id02':
				await this.get('bill_id', request);
				return this.cache.get(name)!;
			case 'org_bank_account_id': {
				const account = await this.call('POST', '/v3/funding-accounts/banks', {
					nameOnAccount: 'Agatha Ffringe',
					routingNumber: '074000010',
					accountNumber: '111222333',
					type: 'CHECKING',
					ownerType: 'BUSINESS',
					bankName: 'Chase',
				});
				// Every bank-account request but verify needs a verified account.
				if (!request.path.endsWith('/verify'))
					await this.call('POST', `/v3/funding-accounts/banks/${String(account.id)}/verify`, {
						depositAmount: 0.5,
					});
				return String(account.id);
			}
			case 'org_bank_account_user_id': {
				await this.get('org_bank_account_id', request);
				const users = await this.call('GET', '/v3/funding-accounts/banks/users');
				return String((users.results as Array<{ id: string }>)[0].id);
			}
			case 'bill_id01':
			case 'bill_id02': {
				// Bills of "Create a bulk payment", which pays 228.99 and 142 of them.
				const bill = await this.call('POST', '/v3/bills', {
					vendorId: await this.get('vendor_id', request),
					dueDate: '2026-12-31',
					invoice: { invoiceNumber: `C-${name}`, invoiceDate: '2026-12-01' },
					billLineItems: [{ amount: 250, description: 'one' }],
				});
				return String(bill.id);
			}
			case 'payment_id': {
				// A scheduled payment (cancel needs one; void needs a processed one, below).
				const payment = await this.call('POST', '/v3/payments', {
					billId: await this.get('bill_id', request),
					amount: 150,
					processDate: '2099-12-31',
					fundingAccount: {
						type: 'BANK_ACCOUNT',
						id: await this.get('org_bank_account_id', request),
					},
				});
				// Void and check images need a processed payment (the vendor is paid by check).
				if (request.path.endsWith('/void') || request.path.endsWith('/check-image'))
					processPayments(this.emulator, '2099-12-31');
				return String(payment.id);
			}
			case 'org_card_account_id': {
				const list = await this.call('GET', '/v3/funding-accounts/cards?cardUserStatus=VERIFIED');
				return String((list.cards as Array<{ id: string }>)[0].id);
			}
			case 'customer_id':
				return String(
					(
						await this.call('POST', '/v3/customers', {
							name: 'Contract Customer',
							email: 'customer@example.com',
						})
					).id,
				);
			case 'invoice_id': {
				const invoice = await this.call('POST', '/v3/invoices', {
					customer: { id: await this.get('customer_id', request) },
					invoiceNumber: 'C-1',
					invoiceLineItems: [
						{ quantity: 2, description: 'one', price: 50 },
						{ quantity: 1, description: 'two', price: 50 },
					],
				});
				const lines = invoice.invoiceLineItems as Array<{ id: string }>;
				this.cache.set('invoice_line_item_id01', lines[0].id);
				this.cache.set('invoice_line_item_id02', lines[1].id);
				return String(invoice.id);
			}
			case 'invoice_line_item_id01':
			case 'invoice_line_item_id02':
				await this.get('invoice_id', request);
				return this.cache.get(name)!;
			case 'received_payment_id':
				return String(
					(
						await this.call('POST', '/v3/invoices/record-payment', {
							customerId: await this.get('customer_id', request),
							paymentDate: '2026-12-01',
							paymentType: 'CASH',
							amount: 50,
							invoices: [{ id: await this.get('invoice_id', request), amount: 50 }],
						})
					).id,
				);
			case 'credit_memo_id': {
				const memo = await this.call('POST', '/v3/credit-memos', {
					customerId: await this.get('customer_id', request),
					referenceNumber: 'C-1',
					creditDate: '2026-12-01',
					creditMemoLineItems: [
						{ description: 'one', price: 14.99, quantity: 2 },
						{ description: 'two', price: 50, quantity: 1 },
						{ description: 'discount', ratePercent: -10 },
					],
				});
				const lines = memo.creditMemoLineItems as Array<{ id: string }>;
				lines.forEach((line, n) => this.cache.set(`credit_memo_line_item_id0${n + 1}`, line.id));
				return String(memo.id);
			}
			case 'credit_memo_line_item_id01':
			case 'credit_memo_line_item_id02':
			case 'credit_memo_line_item_id03':
				await this.get('credit_memo_id', request);
				return this.cache.get(name)!;
			case 'recurring_invoice_id': {
				const recurring = await this.call('POST', '/v3/recurring-invoices', {
					customerId: await this.get('customer_id', request),
					schedule: { period: 'MONTHLY', frequency: 1, nextDueDate: '2026-12-31' },
					recurringInvoiceLineItems: [{ amount: 19.99, quantity: 1, description: 'Monthly' }],
				});
				const [line] = recurring.recurringInvoiceLineItems as Array<{ id: string }>;
				this.cache.set('recurring_invoice_line_item_id01', line.id);
				return String(recurring.id);
			}
			case 'recurring_invoice_line_item_id01':
				await this.get('recurring_invoice_id', request);
				return this.cache.get(name)!;
			case 'attachment_id': {
				const invoiceId = await this.get('invoice_id', request);
				const attachment = await this.call(
					'POST',
					`/v3/attachments/invoices/${invoiceId}?name=c.pdf`,
					Buffer.from('%PDF-1.4'),
					'api',
					{ 'Content-Type': 'application/octet-stream' },
				);
				return String(attachment.id);
			}
			case 'bill_approver_user_id':
				return f.clerk.userId;
			case 'document_upload_id':
			case 'document_id': {
				const billId = await this.get('bill_id', request);
				const form = `--b\r\nContent-Disposition: form-data; name="file"; filename="c.pdf"\r\n\r\n%PDF-1.4\r\n--b--\r\n`;
				const upload = await this.call(
					'POST',
					`/v3/documents/bills/${billId}?name=c.pdf`,
					form,
					'api',
					{ 'Content-Type': 'multipart/form-data; boundary=b' },
				);
				if (name === 'document_upload_id') return String(upload.id);
				this.emulator.clock.advance(UPLOAD_MS);
				const [status] = (await this.call(
					'GET',
					`/v3/documents/upload-status?ids=${String(upload.id)}`,
				)) as unknown as Array<{ documentId: string }>;
				return status.documentId;
			}
			case 'mfa_setup_id':
				return String(
					(
						await this.call('POST', '/v3/mfa/setup', {
							phone: '4155550123',
							type: 'TEXT',
							primary: true,
						})
					).setupId,
				);
			case 'mfa_challenge_id':
				return String(
					(await this.call('POST', '/v3/mfa/challenge', { useBackup: false })).challengeId,
				);
			case 'mfa_token': {
				// The code "sent" for the setup or challenge this request validates.
				if (request.path.includes('setup')) await this.get('mfa_setup_id', request);
				else await this.get('mfa_challenge_id', request);
				const sms = this.emulator.state.sms;
				return sms[sms.length - 1].token;
			}
			case 'webhook_subscription_id': {
				const subscription = await this.call(
					'POST',
					'/v3/subscriptions',
					{
						name: 'Contract',
						status: { enabled: true },
						events: [{ type: 'bill.created', version: '1' }],
						notificationUrl: 'https://hooks.example.com/contract',
					},
					'events',
					{ 'X-Idempotent-Key': randomUUID() },
				);
				return String(subscription.id);
			}
			case 'webhook_event_id': {
				const id = await this.get('webhook_subscription_id', request);
				const event = await this.call('POST', `/v3/subscriptions/${id}/test`, {}, 'events');
				return String(event.id);
			}
			case 'billing_statement_id': {
				const list = await this.call(
					'GET',
					`/v3/organizations/${f.organizationId}/billing-statements`,
				);
				return String((list.results as Array<{ id: string }>)[0].id);
			}
			case 'org_user_role_id': {
				const roles = await this.call('GET', '/v3/roles');
				return String((roles.results as Array<{ id: string; type: string }>)[4].id);
			}
			case 'network_vendor_name':
				return 'Harbor Freight';
			case 'network_id':
				return '0190000EMUPNI000002';
			case 'vendor_email':
				return 'ap@harborfreight.example';
			case 'org_phone_no':
				return '4085550100';
			case 'partner_user_role_id': {
				const roles = await this.call('GET', '/v3/roles');
				return String((roles.results as Array<{ id: string }>)[0].id);
			}
			case 'vendor_credit_id': {
				const vendorId = await this.get('vendor_id', request);
				const credit = await this.call('POST', '/v3/vendor-credits', vendorCreditBody(vendorId));
				const lines = credit.vendorCreditLineItems as Array<{ id: string }>;
				this.cache.set('vendor_credit_line_item_id01', lines[0].id);
				this.cache.set('vendor_credit_line_item_id02', lines[1].id);
				return String(credit.id);
			}
			case 'recurring_bill_id': {
				const bill = await this.call('POST', '/v3/recurringbills', {
					vendorId: await this.get('vendor_id', request),
					schedule: { period: 'MONTHLY', frequency: 1, nextDueDate: '2026-12-31' },
					recurringBillLineItems: [{ amount: 19.99, description: 'Monthly subscription' }],
				});
				const lines = bill.recurringBillLineItems as Array<{ id: string }>;
				this.cache.set('recurring_bill_line_item_id01', lines[0].id);
				return String(bill.id);
			}
			case 'recurring_bill_line_item_id01':
				await this.get('recurring_bill_id', request);
				return this.cache.get(name)!;
			case 'vendor_credit_line_item_id01':
			case 'vendor_credit_line_item_id02':
				await this.get('vendor_credit_id', request);
				return this.cache.get(name)!;
			default: {
				const spend = await spendVariable(
					name,
					this.emulator,
					this.http,
					(n) => this.get(n, request),
					request.path,
				);
				if (spend !== undefined) return spend;
				if (CLASSIFICATION_VARIABLES[name]) {
					const { path, body } = CLASSIFICATION_VARIABLES[name];
					return String((await this.call('POST', `/v3/classifications/${path}`, body)).id);
				}
				throw new Error(
					`The contract test does not know how to make {{${name}}} (${request.method} ${request.path})`,
				);
			}
		}
	}
}
