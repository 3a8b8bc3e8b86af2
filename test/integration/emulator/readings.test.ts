/**
 * Where BILL's documents are silent (issue "Ready for the real BILL"): the emulator plays each
 * reading in turn (emulator/readings.ts) and the node must behave well under every one.
 *   1. partner credential: the key headers of each level (lenient / strict about carrying both)
 *   2. payment create's duplicate check (the vendorId filter accepted / refused)
 *   3. a missing object (404 BDC_1121 / 404 another code / 400)
 *   4. the webhook subscription list and status shapes
 *   5. the webhook signature: the raw bytes, and nothing signed another way
 *   6. document upload's Content-Type
 */
import axios from 'axios';
import { createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import {
	BillPartnerApi,
	partnerAuthHeaders,
} from '../../../credentials/BillPartnerApi.credentials';
import {
	enabledOf,
	subscriptionIn,
	subscriptionsIn,
} from '../../../nodes/BillTrigger/subscriptionRequests';
import { objectInPath, withNotFoundHint } from '../../../nodes/shared/transport/notFound';
import { problemFromResponse } from '../../../nodes/shared/transport/errors';
import { startEmulator, type Emulator, type Readings } from '../../../emulator';
import { billCredentials, byId, partnerCredentials, runBill, runBillOk } from '../../harness/bill';
import { billNode } from '../../harness/bill';
import { logLines, runNode, type CredentialStore } from '../../harness/context';
import { TriggerHarness, startTrigger, triggerNode } from '../../harness/trigger';
import { api, day, type Api } from '../Bill/payment/setup';

let emulator: Emulator;
let admin: Api;
const harnesses: TriggerHarness[] = [];
const http = axios.create({ validateStatus: () => true });

beforeAll(async () => {
	emulator = await startEmulator({ limits: false, webhookAttempts: 2, webhookBackoffMs: 10 });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	admin = api(emulator);
});
afterEach(async () => {
	await emulator.deliveriesSettled();
	await Promise.all(harnesses.splice(0).map((h) => h.stop()));
});

const play = (readings: Partial<Readings>) => Object.assign(emulator.readings, readings);
const subscriptions = () => [...emulator.state.subscriptions.values()];
const payments = () => [...emulator.state.payments.values()];
const refusals = () => emulator.log.filter((e) => e.status >= 400);

async function trigger(credentials: CredentialStore, parameters: IDataObject = {}) {
	const harness = await startTrigger({
		credentials,
		parameters: { events: ['vendor.created'], ...parameters },
	});
	harnesses.push(harness);
	return harness;
}

const createVendor = async (credentials: CredentialStore, name: string, extra: IDataObject = {}) =>
	(
		await runBillOk(credentials, {
			...extra,
			resource: 'vendor',
			operation: 'create',
			name,
			accountType: 'BUSINESS',
			email: 'ap@vendor.example',
			phone: '+1 408 555 0100',
		})
	)[0];

describe('1. partner credential: exactly the documented key pair for each level', () => {
	const credentials = (scope: string): ICredentialDataDecryptedObject => ({
		scope,
		appKey: 'the-app-key',
		devKey: 'the-dev-key',
		sessionId: 'the-session',
	});

	it('organization scope sends devKey + sessionId, partner scope appKey + sessionId, and nothing else (as n8n calls it)', async () => {
		const authenticate = new BillPartnerApi().authenticate as (
			c: ICredentialDataDecryptedObject,
			r: IHttpRequestOptions,
		) => Promise<IHttpRequestOptions>;
		expect(typeof authenticate).toBe('function');
		const request: IHttpRequestOptions = {
			url: '/v3/bills',
			headers: { Accept: 'application/json' },
		};
		const organization = await authenticate(credentials('organization'), request);
		expect(organization.headers).toEqual({
			Accept: 'application/json',
			devKey: 'the-dev-key',
			sessionId: 'the-session',
		});
		const partner = await authenticate(credentials('partner'), request);
		expect(partner.headers).toEqual({
			Accept: 'application/json',
			appKey: 'the-app-key',
			sessionId: 'the-session',
		});
		expect(partnerAuthHeaders(credentials('organization'))).not.toHaveProperty('appKey');
		expect(partnerAuthHeaders(credentials('partner'))).not.toHaveProperty('devKey');
	});

	it('the strict reading refuses a call that carries both keys, even one of them empty', async () => {
		play({ keyHeaders: 'strict' });
		const f = emulator.fixtures;
		const login = await http.post(`${emulator.baseUrl}/v3/login`, {
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		});
		const sessionId = String(login.data.sessionId);
		const both = await http.get(`${emulator.baseUrl}/v3/vendors`, {
			headers: { devKey: f.devKey, sessionId, appKey: '' },
		});
		expect(both.status).toBe(400);
		const one = await http.get(`${emulator.baseUrl}/v3/vendors`, {
			headers: { devKey: f.devKey, sessionId },
		});
		expect(one.status).toBe(200);
	});

	describe.each(['lenient', 'strict'] as const)('key headers read %s', (keyHeaders) => {
		beforeEach(() => play({ keyHeaders }));

		it('organization scope (log in as user): the BILL node works', async () => {
			const credentials = partnerCredentials(emulator);
			const authentication = { authentication: 'billPartnerApi' };
			const vendor = await createVendor(credentials, 'Partner-made vendor', authentication);
			const [read] = await runBillOk(credentials, {
				...authentication,
				resource: 'vendor',
				operation: 'get',
				vendorId: byId(String(vendor.id)),
			});
			expect(read.name).toBe('Partner-made vendor');
			expect(refusals()).toEqual([]);
		});

		it('partner scope: the BILL Trigger subscribes at partner level and receives an event of a client organization', async () => {
			const partner = await trigger(partnerCredentials(emulator, { scope: 'partner' }), {
				authentication: 'billPartnerApi',
			});
			await partner.activate();
			const [subscription] = subscriptions();
			expect(emulator.state.subscriptionScopes.get(subscription.id)).toEqual({
				appKey: emulator.fixtures.appKey,
			});
			await createVendor(billCredentials(emulator), 'Seen by the partner');
			await emulator.waitForDeliveries(1);
			await emulator.deliveriesSettled();
			expect(partner.executions.map(([item]) => (item.vendor as IDataObject).name)).toEqual([
				'Seen by the partner',
			]);
			await partner.activate(); // checkExists finds it again
			expect(await partner.deactivate()).toBe(true);
			expect(subscriptions()).toEqual([]);
			expect(refusals()).toEqual([]);
		});

		it('organization scope: the BILL Trigger subscribes at organization level', async () => {
			const harness = await trigger(partnerCredentials(emulator), {
				authentication: 'billPartnerApi',
			});
			await harness.activate();
			const [subscription] = subscriptions();
			expect(emulator.state.subscriptionScopes.get(subscription.id)).toEqual({
				organizationId: emulator.fixtures.organizationId,
			});
			expect(refusals()).toEqual([]);
		});
	});
});

describe("2. payment create's duplicate check", () => {
	const payParameters = (
		billId: string,
		accountId: string,
		amount: number,
		processDate: string,
	) => ({
		resource: 'payment',
		operation: 'create',
		billId: byId(billId),
		amount,
		processDate,
		fundingType: 'BANK_ACCOUNT',
		fundingAccountId: byId(accountId),
	});
	const paymentPosts = (route = '/v3/payments') =>
		emulator.requests({
			method: 'POST',
			route: new RegExp(`^${route}( \\(connection reset after\\))?$`),
		}).length;

	describe.each(['lenient', 'strict'] as const)('payment filters read %s', (paymentFilters) => {
		beforeEach(() => play({ paymentFilters }));

		it('a re-run after a lost answer pays nothing; a second, different payment of the bill is still made', async () => {
			const vendorId = await admin.vendor();
			const billId = String((await admin.bill(vendorId, 300)).id);
			const accountId = await admin.bankAccount();
			const first = payParameters(billId, accountId, 80, day(emulator, 1));
			emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/payments' });
			const { output } = await runBill(billCredentials(emulator), first, { continueOnFail: true });
			expect(output[0].json).toMatchObject({ outcomeUnknown: true });
			expect(payments()).toHaveLength(1);

			const [rerun] = await runBillOk(billCredentials(emulator), first);
			expect(rerun).toMatchObject({ id: payments()[0].id, alreadyExisted: true });
			const [again] = await runBillOk(billCredentials(emulator), first);
			expect(again.alreadyExisted).toBe(true);
			expect(paymentPosts()).toBe(1);

			const [second] = await runBillOk(
				billCredentials(emulator),
				payParameters(billId, accountId, 50, day(emulator, 1)),
			);
			expect(second.alreadyExisted).toBe(false);
			expect(payments()).toHaveLength(2);
			expect(emulator.state.bills.get(billId)).toMatchObject({ scheduledAmount: 130 });
		});

		it('two items paying the same bill the same way in one run make one payment', async () => {
			const billId = String((await admin.bill(await admin.vendor(), 300)).id);
			const accountId = await admin.bankAccount();
			const output = await runBillOk(
				billCredentials(emulator),
				payParameters(billId, accountId, 50, day(emulator, 1)),
				{ items: [{}, {}, {}] },
			);
			expect(output.map((o) => o.alreadyExisted)).toEqual([false, true, true]);
			expect(payments()).toHaveLength(1);
		});

		it('bulk: a re-run pays nothing again', async () => {
			const a = await admin.bill(await admin.vendor('Harbor Audio'), 228.99);
			const b = await admin.bill(await admin.vendor('Lumen Lighting'), 142);
			const accountId = await admin.bankAccount();
			const parameters = {
				resource: 'payment',
				operation: 'createBulk',
				processDate: day(emulator, 1),
				fundingType: 'BANK_ACCOUNT',
				fundingAccountId: byId(accountId),
				payments: {
					payment: [
						{ billId: String(a.id), amount: 228.99 },
						{ billId: String(b.id), amount: 100 },
					],
				},
			};
			const first = await runBillOk(billCredentials(emulator), parameters);
			expect(first.map((p) => p.alreadyExisted)).toEqual([false, false]);
			const again = await runBillOk(billCredentials(emulator), parameters);
			expect(again.map((p) => p.alreadyExisted)).toEqual([true, true]);
			expect(paymentPosts('/v3/payments/bulk')).toBe(1);
			expect(payments()).toHaveLength(2);
		});
	});

	it('strict: the refused filter falls back to what BILL documents; a bill that shows no payment needs no search', async () => {
		play({ paymentFilters: 'strict' });
		const billId = String((await admin.bill(await admin.vendor(), 300)).id);
		const accountId = await admin.bankAccount();
		logLines.length = 0;
		const { output } = await runBill(
			billCredentials(emulator),
			payParameters(billId, accountId, 100, day(emulator, 1)),
		);
		expect(output[0].json.alreadyExisted).toBe(false);
		const lists = emulator.requests({ method: 'GET', route: '/v3/payments' });
		// The filtered list, refused with BILL's error for an unsupported filter; no unfiltered read.
		expect(lists.map((r) => [r.status, r.code])).toEqual([[400, 'BDC_1002']]);
		expect(logLines.some((l) => /refused the vendorId filter/.test(l))).toBe(true);
	});
});

describe('3. a missing object, however BILL answers it', () => {
	describe.each(['BDC_1121', 'otherCode', 'badRequest'] as const)(
		'notFound read %s',
		(notFound) => {
			beforeEach(() => play({ notFound }));

			it('the trigger: a subscription deleted in BILL is recreated on activation, and deleting it is not an error', async () => {
				const harness = await trigger(billCredentials(emulator));
				await harness.activate();
				const oldId = String(harness.staticData.subscriptionId);
				emulator.state.subscriptions.delete(oldId);
				expect(
					await triggerNode.webhookMethods.default.checkExists.call(harness.hookFunctions()),
				).toBe(false);
				await harness.activate();
				expect(subscriptions()).toHaveLength(1);
				expect(harness.staticData.subscriptionId).not.toBe(oldId);

				emulator.state.subscriptions.delete(String(harness.staticData.subscriptionId));
				expect(await harness.deactivate()).toBe(true);
				expect(harness.logs.some((l) => l.message.includes('was already gone'))).toBe(true);
			});

			it('the BILL node: a bill BILL does not have is an error whose hint is about the ID, not the endpoint', async () => {
				const { output } = await runBill(
					billCredentials(emulator),
					{ resource: 'bill', operation: 'get', billId: byId('00n02NOSUCHBILL00001') },
					{ continueOnFail: true },
				);
				const json = output[0].json;
				expect(String(json.hint ?? '')).not.toMatch(/endpoint/);
				if (notFound === 'badRequest') {
					expect(json).toMatchObject({ httpCode: '400', code: 'BDC_1002' });
				} else {
					expect(json.httpCode).toBe('404');
					expect(String(json.hint)).toMatch(/BILL has no bill 00n02NOSUCHBILL00001/);
				}
			});
		},
	);

	it('the trigger does not take a 404 or 400 for "gone" while BILL still lists the subscription, nor when the list cannot be read', async () => {
		const harness = await trigger(billCredentials(emulator));
		await harness.activate();
		const id = String(harness.staticData.subscriptionId);
		emulator.addFault({
			kind: 'status',
			method: 'GET',
			path: `/v3/subscriptions/${id}`,
			status: 400,
			code: 'BDC_1002',
			message: 'Invalid request.',
		});
		await expect(
			triggerNode.webhookMethods.default.checkExists.call(harness.hookFunctions()),
		).rejects.toThrow(/BDC_1002/);
		expect(harness.staticData.subscriptionId).toBe(id);

		// A wrong base URL answers 404 BDC_1121 to everything, the list included.
		emulator.addFault({ kind: 'status', method: 'DELETE', status: 404, code: 'BDC_1121' });
		emulator.addFault({
			kind: 'status',
			method: 'GET',
			path: '/v3/subscriptions',
			status: 404,
			code: 'BDC_1121',
		});
		await expect(harness.deactivate()).rejects.toThrow(/BDC_1121/);
		expect(harness.staticData.subscriptionId).toBe(id);
		expect(subscriptions()).toHaveLength(1);
	});

	it('hints: "not found" for a path with an object ID whatever the code, "unknown endpoint" only for a path', () => {
		expect(objectInPath('/v3/bills/00n02JZNIEYMNPY99iz9')).toEqual({
			noun: 'bill',
			id: '00n02JZNIEYMNPY99iz9',
		});
		expect(objectInPath('/v3/payments/stp02ABCDEFGHIJKLMNO/cancel')?.noun).toBe('payment');
		expect(objectInPath('/v3/subscriptions/0b6e9c5e-4a8b-4d6b-9a53-2f1c1c2d3e4f')?.noun).toBe(
			'webhook subscription',
		);
		expect(objectInPath('/v3/bills')).toBeUndefined();
		expect(objectInPath('/v3/documents/upload-status')).toBeUndefined();

		const notSupported = [{ code: 'BDC_1121', message: 'API not supported' }];
		const onId = withNotFoundHint(problemFromResponse(404, notSupported), {
			path: '/v3/vendors/00902BILKFECNEV2oji1',
		});
		expect(onId.hint).toMatch(/BILL has no vendor 00902BILKFECNEV2oji1/);
		const onPath = withNotFoundHint(problemFromResponse(404, notSupported), { path: '/v3/billz' });
		expect(onPath.hint).toMatch(/does not know this endpoint/);
		const otherCode = withNotFoundHint(
			problemFromResponse(404, [{ code: 'BDC_9404', message: 'x' }]),
			{ path: '/v3/bills/00n02JZNIEYMNPY99iz9' },
		);
		expect(otherCode.hint).toMatch(/BILL has no bill/);
		const webhook400 = withNotFoundHint(
			problemFromResponse(400, [{ code: 'BDC_1002', message: 'x' }]),
			{ path: '/v3/subscriptions/0b6e9c5e-4a8b-4d6b-9a53-2f1c1c2d3e4f', host: 'events' },
		);
		expect(webhook400.hint).toMatch(/also answers 400 for a webhook subscription ID/);
	});
});

describe('4. subscription list and status shapes', () => {
	const shapes = (['object', 'array'] as const).flatMap((list) =>
		(['object', 'string', 'missing'] as const).map((status) => [list, status] as const),
	);

	describe.each(shapes)('list read %s, status read %s', (subscriptionList, subscriptionStatus) => {
		beforeEach(() => play({ subscriptionList, subscriptionStatus }));

		it('activation, a second activation and a lost static data keep one subscription and send no needless update', async () => {
			const harness = await trigger(billCredentials(emulator));
			await harness.activate();
			await harness.activate();
			// n8n lost the static data: the subscription is found in the list and taken over.
			const again = new TriggerHarness({
				credentials: harness.options.credentials,
				parameters: harness.options.parameters,
				webhookUrl: harness.webhookUrl,
			});
			await again.activate();
			expect(subscriptions()).toHaveLength(1);
			expect(again.staticData.subscriptionId).toBe(harness.staticData.subscriptionId);
			expect(
				emulator
					.requests({ route: '/v3/subscriptions/:subscriptionId' })
					.filter((r) => ['PUT', 'PATCH'].includes(r.method)),
			).toEqual([]);
			expect(refusals()).toEqual([]);
		});

		it('a subscription BILL disabled is enabled again where the answer says so, and left alone where it cannot tell', async () => {
			const harness = await trigger(billCredentials(emulator));
			await harness.activate();
			const [subscription] = subscriptions();
			(subscription.status as IDataObject).enabled = false;
			await harness.activate();
			const patches = emulator.requests({
				method: 'PATCH',
				route: '/v3/subscriptions/:subscriptionId',
			});
			if (subscriptionStatus === 'missing') {
				expect(patches).toEqual([]);
				expect(harness.logs.some((l) => l.message.includes('does not say whether'))).toBe(true);
			} else {
				expect(patches).toHaveLength(1);
				expect((subscription.status as IDataObject).enabled).toBe(true);
			}
		});
	});

	it('reads the list envelope and the status defensively; a list it cannot find is an error, not an empty list', () => {
		const s = { id: 'a' };
		expect(subscriptionsIn([s])).toEqual([s]);
		expect(subscriptionsIn({ results: [s], nextPage: 'x' })).toEqual([s]);
		expect(subscriptionsIn({ subscriptions: [s] })).toEqual([s]);
		expect(subscriptionsIn({})).toEqual([]);
		expect(subscriptionsIn({ results: null })).toEqual([]);
		expect(subscriptionsIn({ results: 'x' })).toBeUndefined();
		expect(subscriptionsIn({ a: [s], b: [s] })).toBeUndefined();
		expect(subscriptionsIn('x')).toBeUndefined();
		const one = { id: 'a', events: [], notificationUrl: 'https://x' };
		expect(subscriptionIn(one)).toBe(one);
		expect(subscriptionIn({ subscription: one })).toBe(one);
		expect(subscriptionIn({ id: 'a' })).toBeUndefined();
		expect(subscriptionIn([one])).toBeUndefined();
		expect(enabledOf({ status: { enabled: true } })).toBe(true);
		expect(enabledOf({ status: { enabled: 'false' } })).toBe(false);
		expect(enabledOf({ status: 'ENABLED' })).toBe(true);
		expect(enabledOf({})).toBeUndefined();
		expect(enabledOf({ status: { enabled: 'maybe' } })).toBeUndefined();
	});
});

describe('5. webhook signature: base64 HMAC-SHA256 of the raw bytes with the security key, nothing else', () => {
	let harness: TriggerHarness;
	let body: string;
	let key: string;
	beforeEach(async () => {
		harness = await trigger(billCredentials(emulator));
		await harness.activate();
		await createVendor(billCredentials(emulator), 'Signed vendor');
		await emulator.waitForDeliveries(1);
		body = harness.received[0].body;
		key = String(harness.staticData.securityKey);
		expect(harness.executions).toHaveLength(1);
	});

	const fresh = (id: string) => body.replace(/"eventId":"[^"]+"/, `"eventId":"${id}"`);
	const hmac = (data: string, k = key) => createHmac('sha256', k).update(data);
	const send = async (payload: string, signature?: string) =>
		(
			await http.post(harness.webhookUrl, payload, {
				headers: {
					'Content-Type': 'application/json',
					...(signature === undefined ? {} : { 'x-bill-sha-signature': signature }),
				},
				transformRequest: (d: string) => d,
			})
		).status;

	it('accepts the raw bytes signed, as an object or as a JSON string', async () => {
		const asObject = fresh('raw-1');
		expect(await send(asObject, hmac(asObject).digest('base64'))).toBe(200);
		const asString = JSON.stringify(fresh('raw-2'));
		expect(await send(asString, hmac(asString).digest('base64'))).toBe(200);
		expect(harness.executions).toHaveLength(3);
	});

	it('refuses a delivery signed any other way (re-serialised JSON, the inner string, hex, another hash, no key)', async () => {
		const compact = fresh('other-1');
		const pretty = JSON.stringify(JSON.parse(compact), null, 2);
		const asString = JSON.stringify(compact);
		const forgeries: Array<[string, string]> = [
			// the body as sent is pretty, the signature over the compact (re-serialised) JSON
			[pretty, hmac(compact).digest('base64')],
			// the body is a JSON string, the signature over the string it contains
			[asString, hmac(compact).digest('base64')],
			// the body is the object, the signature over it re-serialised as a JSON string
			[compact, hmac(asString).digest('base64')],
			[compact, hmac(compact).digest('hex')],
			[compact, createHmac('sha1', key).update(compact).digest('base64')],
			[compact, createHmac('sha256', '').update(compact).digest('base64')],
			[compact, hmac(`${compact}\n`).digest('base64')],
			[compact, ''],
		];
		for (const [payload, signature] of forgeries) expect(await send(payload, signature)).toBe(401);
		expect(await send(compact)).toBe(401);
		expect(harness.executions).toHaveLength(1);
	});
});

describe("6. document upload's Content-Type", () => {
	it("sends */* as BILL's Postman request does; the emulator takes application/octet-stream too", async () => {
		const billId = String((await admin.bill(await admin.vendor(), 120)).id);
		const content = Buffer.from('%PDF-1.4 test');
		const result = await runNode({
			node: billNode,
			credentials: billCredentials(emulator),
			parameters: { resource: 'document', operation: 'upload', billId: byId(billId) },
			items: [{}],
			binary: [
				{
					data: {
						data: content.toString('base64'),
						mimeType: 'application/pdf',
						fileName: 'invoice.pdf',
					},
				},
			],
		});
		expect(result.error).toBeUndefined();
		const uploads = [...emulator.state.documents.values()];
		expect(uploads.map((u) => u.contentType)).toEqual(['*/*']);

		const raw = await admin.call('POST', `/v3/documents/bills/${billId}?name=second.pdf`, content, {
			'Content-Type': 'application/octet-stream',
		});
		expect(raw.status).toBe(200);
	});
});
