/**
 * The emulator's webhook API (https://developer.bill.com/docs/working-with-bill-webhooks) over plain HTTP, without the node: BILL's rules
 * the BILL Trigger relies on, so that the trigger's tests are tests against BILL's behaviour.
 */
import axios from 'axios';
import { createHmac } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';

import { startEmulator, type Emulator } from '../../../emulator';

let emulator: Emulator;
const http = axios.create({ validateStatus: () => true });

/** A bare receiver: records each request and answers with `status`. */
class Receiver {
	readonly requests: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
	status = 200;
	url = '';
	private server?: Server;

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.writeHead(this.status).end();
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}
}

let receiver: Receiver;

/** BILL's Postman collection (the contract); the check is skipped where it is not available. */
const COLLECTION =
	process.env.BILL_POSTMAN_COLLECTION ??
	'/work/shared/bill-api/bill-v3-api.postman_collection.json';

beforeAll(async () => {
	emulator = await startEmulator({ webhookAttempts: 3, webhookBackoffMs: 10 });
});
afterAll(async () => emulator.stop());
beforeEach(async () => {
	emulator.reset();
	receiver = await new Receiver().start();
});
afterEach(async () => {
	await emulator.deliveriesSettled();
	await receiver.stop();
});

const events = () => emulator.eventsBaseUrl;

async function organizationHeaders(organizationId = emulator.fixtures.organizationId) {
	const f = emulator.fixtures;
	const login = await http.post(`${emulator.baseUrl}/v3/login`, {
		username: f.admin.username,
		password: f.admin.password,
		organizationId,
		devKey: f.devKey,
	});
	return { sessionId: login.data.sessionId as string, devKey: f.devKey };
}

async function partnerHeaders() {
	const f = emulator.fixtures;
	const login = await http.post(`${emulator.baseUrl}/v3/partner/login`, {
		username: f.partner.username,
		password: f.partner.password,
		appKey: f.appKey,
	});
	return { sessionId: login.data.sessionId as string, appKey: f.appKey };
}

let keys = 0;
/** A fresh UUID4 for X-Idempotent-Key. */
const uuid4 = () => `4a0b1c2d-${String(++keys).padStart(4, '0')}-4abc-8def-0123456789ab`;

const subscriptionBody = (url = receiver.url, types = ['vendor.created']) => ({
	name: 'AP automation',
	status: { enabled: true },
	events: types.map((type) => ({ type, version: '1' })),
	notificationUrl: url,
});

async function createSubscription(
	headers: Record<string, string>,
	body: object = subscriptionBody(),
	key = uuid4(),
) {
	return await http.post(`${events()}/v3/subscriptions`, body, {
		headers: { ...headers, 'X-Idempotent-Key': key },
	});
}

async function createVendor(headers: Record<string, string>, name: string) {
	const response = await http.post(
		`${emulator.baseUrl}/v3/vendors`,
		{ name, accountType: 'BUSINESS' },
		{ headers },
	);
	expect(response.status).toBe(201);
	return response.data as { id: string; name: string };
}

const sign = (key: string, body: string) => createHmac('sha256', key).update(body).digest('base64');

describe('webhook API (emulator)', () => {
	it('answers the catalog with types and versions', async () => {
		const response = await http.get(`${events()}/v3/events/catalog`, {
			headers: await organizationHeaders(),
		});
		expect(response.status).toBe(200);
		expect(response.data).toEqual(
			expect.arrayContaining([
				{ type: 'bill.created', versions: ['1'] },
				{ type: 'bank-account.updated', versions: ['1'] },
			]),
		);
	});

	it('requires a UUID4 X-Idempotent-Key, and answers a repeated key with the same subscription', async () => {
		const headers = await organizationHeaders();
		const missing = await http.post(`${events()}/v3/subscriptions`, subscriptionBody(), {
			headers,
		});
		expect(missing.status).toBe(400);
		expect(missing.data[0].message).toMatch(/X-Idempotent-Key/);
		const uuid1 = await createSubscription(
			headers,
			subscriptionBody(),
			'6fa459ea-ee8a-1ca4-894e-db77e160355e',
		);
		expect(uuid1.status).toBe(400);
		expect(emulator.state.subscriptions.size).toBe(0);

		const key = uuid4();
		const first = await createSubscription(headers, subscriptionBody(), key);
		expect(first.status).toBe(200);
		expect(first.data).toMatchObject({
			name: 'AP automation',
			organizationId: emulator.fixtures.organizationId,
			status: { enabled: true },
			notificationUrl: receiver.url,
		});
		expect(typeof first.data.securityKey).toBe('string');
		const again = await createSubscription(headers, subscriptionBody(), key);
		expect(again.data).toEqual(first.data);
		expect(emulator.state.subscriptions.size).toBe(1);

		const got = await http.get(`${events()}/v3/subscriptions/${first.data.id}`, { headers });
		expect(got.status).toBe(200);
		expect(got.data.securityKey).toBeUndefined();
	});

	it('requires HTTPS, except on loopback', async () => {
		const headers = await organizationHeaders();
		expect(
			(await createSubscription(headers, subscriptionBody('http://n8n.example.com/webhook')))
				.status,
		).toBe(400);
		expect(
			(await createSubscription(headers, subscriptionBody('https://n8n.example.com/webhook')))
				.status,
		).toBe(200);
		expect(
			(await createSubscription(headers, subscriptionBody('http://127.0.0.1:5678/webhook'))).status,
		).toBe(200);
	});

	it('refuses an 11th subscription and a duplicate (same events and URL)', async () => {
		const headers = await organizationHeaders();
		expect((await createSubscription(headers)).status).toBe(200);
		const duplicate = await createSubscription(headers);
		expect(duplicate.status).toBe(400);
		expect(duplicate.data[0].message).toMatch(/same events and notification URL/);
		// Same URL, other events: not a duplicate.
		expect(
			(await createSubscription(headers, subscriptionBody(receiver.url, ['bill.created']))).status,
		).toBe(200);
		for (let i = 2; i < 10; i++)
			expect(
				(await createSubscription(headers, subscriptionBody(`https://n8n.example.com/${i}`)))
					.status,
			).toBe(200);
		const eleventh = await createSubscription(
			headers,
			subscriptionBody('https://n8n.example.com/11'),
		);
		expect(eleventh.status).toBe(400);
		expect(eleventh.data[0].message).toMatch(/Maximum number of subscriptions \(10\)/);
		// The limit is per organization.
		expect(
			(await createSubscription(await organizationHeaders(emulator.fixtures.otherOrganizationId)))
				.status,
		).toBe(200);
	});

	it('updates (PATCH name/status/URL only), replaces (PUT), lists forward-only and deletes', async () => {
		const headers = await organizationHeaders();
		const { id } = (await createSubscription(headers)).data;
		const patched = await http.patch(
			`${events()}/v3/subscriptions/${id}`,
			{ name: 'Manage bills', status: { enabled: false } },
			{ headers },
		);
		expect(patched.data).toMatchObject({
			name: 'Manage bills',
			status: { enabled: false, updatedBy: 'USER' },
		});
		expect(
			(await http.patch(`${events()}/v3/subscriptions/${id}`, { events: [] }, { headers })).status,
		).toBe(400);
		const replaced = await http.put(
			`${events()}/v3/subscriptions/${id}`,
			subscriptionBody(receiver.url, ['bill.created', 'bill.updated']),
			{ headers },
		);
		expect(replaced.data.events).toEqual([
			{ type: 'bill.created', version: '1' },
			{ type: 'bill.updated', version: '1' },
		]);
		const list = await http.get(`${events()}/v3/subscriptions`, { headers, params: { max: 1 } });
		expect(list.data.results.map((s: { id: string }) => s.id)).toEqual([id]);
		expect(list.data.prevPage).toBeUndefined();
		expect((await http.delete(`${events()}/v3/subscriptions/${id}`, { headers })).status).toBe(200);
		expect((await http.get(`${events()}/v3/subscriptions/${id}`, { headers })).status).toBe(404);
		expect((await http.delete(`${events()}/v3/subscriptions/${id}`, { headers })).status).toBe(404);
	});

	it('keeps organization and partner subscriptions apart', async () => {
		const organization = await organizationHeaders();
		const partner = await partnerHeaders();
		const orgSubscription = (await createSubscription(organization)).data;
		const partnerSubscription = (
			await createSubscription(partner, subscriptionBody('https://partner.example.com/hook'))
		).data;
		expect(partnerSubscription.organizationId).toBeUndefined();
		expect(
			(
				await http.get(`${events()}/v3/subscriptions/${partnerSubscription.id}`, {
					headers: organization,
				})
			).status,
		).toBe(404);
		expect(
			(await http.get(`${events()}/v3/subscriptions/${orgSubscription.id}`, { headers: partner }))
				.status,
		).toBe(404);
		expect(
			(await http.get(`${events()}/v3/subscriptions`, { headers: partner })).data.results,
		).toHaveLength(1);
	});

	it("delivers a change signed with the security key, as BILL's payload shape", async () => {
		const headers = await organizationHeaders();
		const { id, securityKey } = (await createSubscription(headers)).data;
		const vendor = await createVendor(headers, 'Harbor Freight');
		await emulator.waitForDeliveries(1);
		const [request] = receiver.requests;
		expect(request.headers['x-bill-sha-signature']).toBe(sign(securityKey, request.body));
		const payload = JSON.parse(request.body);
		expect(payload.metadata).toEqual({
			eventId: expect.any(String),
			subscriptionId: id,
			organizationId: emulator.fixtures.organizationId,
			eventType: 'vendor.created',
			version: '1',
		});
		expect(payload.vendor).toMatchObject({ id: vendor.id, name: 'Harbor Freight' });
		// The other organization's vendor is not this subscription's business.
		await createVendor(
			await organizationHeaders(emulator.fixtures.otherOrganizationId),
			'Elsewhere',
		);
		await emulator.deliveriesSettled();
		expect(receiver.requests).toHaveLength(1);
	});

	it('rotates the security key idempotently; later deliveries are signed with the new key', async () => {
		const headers = await organizationHeaders();
		const { id, securityKey } = (await createSubscription(headers)).data;
		const url = `${events()}/v3/subscriptions/${id}/security_key`;
		expect((await http.post(url, undefined, { headers })).status).toBe(400);
		const key = uuid4();
		const rotated = await http.post(url, undefined, {
			headers: { ...headers, 'X-Idempotent-Key': key },
		});
		expect(rotated.status).toBe(200);
		expect(rotated.data.securityKey).not.toBe(securityKey);
		expect(
			(await http.post(url, undefined, { headers: { ...headers, 'X-Idempotent-Key': key } })).data,
		).toEqual(rotated.data);
		await createVendor(headers, 'Rotated');
		await emulator.waitForDeliveries(1);
		expect(receiver.requests[0].headers['x-bill-sha-signature']).toBe(
			sign(rotated.data.securityKey, receiver.requests[0].body),
		);
	});

	it('sends a test event and answers with its record', async () => {
		const headers = await organizationHeaders();
		const { id } = (await createSubscription(headers)).data;
		const body = {
			eventType: 'bill.created',
			version: '1',
			bill: { id: 'test-bill-id', vendorId: 'test-vendor-id', amount: 100 },
		};
		const response = await http.post(`${events()}/v3/subscriptions/${id}/test`, body, { headers });
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({
			type: 'bill.created',
			version: '1',
			subscriptionId: id,
			statusCode: 200,
		});
		expect(JSON.parse(response.data.payload).bill).toEqual(body.bill);
		expect(receiver.requests).toHaveLength(1);
	});

	it('retries a failing receiver with backoff, then disables the subscription and sends nothing more', async () => {
		const headers = await organizationHeaders();
		const { id } = (await createSubscription(headers)).data;
		receiver.status = 500;
		await createVendor(headers, 'Never received');
		await emulator.deliveriesSettled();
		expect(emulator.deliveries.map((d) => [d.attempt, d.statusCode])).toEqual([
			[1, 500],
			[2, 500],
			[3, 500],
		]);
		const subscription = (await http.get(`${events()}/v3/subscriptions/${id}`, { headers })).data;
		expect(subscription.status).toMatchObject({ enabled: false, updatedBy: 'SYSTEM' });
		receiver.status = 200;
		await createVendor(headers, 'While disabled');
		await emulator.deliveriesSettled();
		expect(receiver.requests).toHaveLength(3);
	});

	it("lists a subscription's events (by entity, by time) and resends one with the same event ID", async () => {
		const headers = await organizationHeaders();
		const { id } = (await createSubscription(headers)).data;
		const first = await createVendor(headers, 'First');
		await createVendor(headers, 'Second');
		await emulator.waitForDeliveries(2);
		const all = await http.get(`${events()}/v3/events/subscription/${id}`, { headers });
		expect(all.data.results).toHaveLength(2);
		const byEntity = await http.get(`${events()}/v3/events/subscription/${id}`, {
			headers,
			params: { entityId: first.id },
		});
		expect(byEntity.data.results).toHaveLength(1);
		const record = byEntity.data.results[0];
		expect(record).toMatchObject({ type: 'vendor.created', subscriptionId: id, statusCode: 200 });
		const future = await http.get(`${events()}/v3/events/subscription/${id}`, {
			headers,
			params: { createdTimeFrom: '2999-01-01T00:00:00.000Z' },
		});
		expect(future.data.results).toHaveLength(0);
		const resent = await http.post(
			`${events()}/v3/events/subscription/${id}/event/${record.id}`,
			undefined,
			{ headers },
		);
		expect(resent.data).toMatchObject({ id: record.id, statusCode: 200 });
		expect(receiver.requests).toHaveLength(3);
		expect(JSON.parse(receiver.requests[2].body).metadata.eventId).toBe(record.id);
	});

	(existsSync(COLLECTION) ? it : it.skip)(
		"serves exactly the webhook paths and methods of BILL's Postman collection",
		() => {
			const collection = JSON.parse(readFileSync(COLLECTION, 'utf8'));
			const expected: string[] = [];
			const walk = (
				items: Array<{
					item?: unknown[];
					request?: { method: string; url: { raw: string } | string };
				}>,
			) => {
				for (const item of items) {
					if (item.item) walk(item.item as typeof items);
					else if (item.request) {
						const raw =
							typeof item.request.url === 'string' ? item.request.url : item.request.url.raw;
						if (raw.startsWith('{{webhookBaseUrl}}'))
							expected.push(
								`${item.request.method} ${raw.slice('{{webhookBaseUrl}}'.length).split('?')[0]}`,
							);
					}
				}
			};
			walk(collection.item);
			// Spend & Expense subscriptions are the same calls with an API token (routes/spendWebhooks.ts).
			const served = [
				...new Set(
					emulator.routes.filter((r) => r.host === 'events').map((r) => `${r.method} ${r.pattern}`),
				),
			];
			expect(served.sort()).toEqual(expected.sort());
		},
	);
});
