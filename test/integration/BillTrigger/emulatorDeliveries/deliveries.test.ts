/**
 * The emulator's webhook deliveries over plain HTTP: signed as BILL signs them, key rotation, test events,
 * retries with backoff, and an event list with resends (BILL's rules the BILL Trigger relies on).
 */
import { existsSync, readFileSync } from 'fs';
import {
	emulator,
	http,
	receiver,
	COLLECTION,
	events,
	organizationHeaders,
	uuid4,
	createSubscription,
	createVendor,
	sign,
	useWebhookEmulator,
} from './setup';

useWebhookEmulator();

describe('webhook API (emulator)', () => {
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
