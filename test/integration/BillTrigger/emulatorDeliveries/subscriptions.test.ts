/**
 * The emulator's webhook subscriptions over plain HTTP: the catalog, idempotent creates, HTTPS, limits,
 * updates and the split between organization and partner subscriptions (BILL's rules the BILL Trigger relies on).
 */
import {
	emulator,
	http,
	receiver,
	events,
	organizationHeaders,
	partnerHeaders,
	uuid4,
	subscriptionBody,
	createSubscription,
	useWebhookEmulator,
} from './setup';

useWebhookEmulator();

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
});
