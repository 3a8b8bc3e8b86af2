/**
 * BILL Trigger against the emulator: the subscription's lifecycle (activate, checkExists,
 * deactivate, retried activation), signed deliveries of real changes, refused forgeries,
 * BILL's repeated deliveries, partner-level subscriptions and BILL's limits.
 * Scenario (USERS.md): an AP team's workflow that reacts when a vendor or a bill is added in BILL.
 */
import axios from 'axios';
import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { resendEvent } from '../../../emulator/routes/webhooks';
import { billCredentials, partnerCredentials, runBillOk } from '../../harness/bill';
import type { CredentialStore } from '../../harness/context';
import { loadOptionsContext } from '../../harness/context';
import { TriggerHarness, startTrigger, triggerNode } from '../../harness/trigger';

let emulator: Emulator;
const harnesses: TriggerHarness[] = [];

beforeAll(async () => {
	emulator = await startEmulator({ webhookAttempts: 3, webhookBackoffMs: 20 });
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());
afterEach(async () => {
	await emulator.deliveriesSettled();
	await Promise.all(harnesses.splice(0).map((h) => h.stop()));
});

const http = axios.create({ validateStatus: () => true });
const enabledNow = (subscription: object) =>
	((subscription as IDataObject).status as IDataObject | undefined)?.enabled === true;

async function trigger(
	credentials: CredentialStore,
	parameters: IDataObject = {},
	extra: { webhookUrl?: string } = {},
) {
	const harness = await startTrigger({
		credentials,
		parameters: { events: ['vendor.created', 'bill.created'], ...parameters },
		...extra,
	});
	harnesses.push(harness);
	return harness;
}

const createVendor = async (credentials: CredentialStore, name: string) =>
	(
		await runBillOk(credentials, {
			resource: 'vendor',
			operation: 'create',
			name,
			accountType: 'BUSINESS',
			email: 'ap@vendor.example',
			phone: '+1 408 555 0100',
			address: {
				line1: '1 Main St',
				city: 'San Jose',
				stateOrProvince: 'CA',
				zipOrPostalCode: '95113',
				country: 'US',
			},
		})
	)[0];

const subscriptions = () => [...emulator.state.subscriptions.values()];

describe('BILL Trigger: subscription lifecycle', () => {
	it('activation creates one subscription with the workflow URL and events, and keeps its ID and key in static data', async () => {
		const harness = await trigger(billCredentials(emulator));
		await harness.activate();
		expect(subscriptions()).toHaveLength(1);
		const [subscription] = subscriptions();
		expect(subscription).toMatchObject({
			name: 'n8n: Bill approvals',
			organizationId: emulator.fixtures.organizationId,
			notificationUrl: harness.webhookUrl,
			status: { enabled: true },
			events: [
				{ type: 'bill.created', version: '1' },
				{ type: 'vendor.created', version: '1' },
			],
		});
		expect(harness.staticData.subscriptionId).toBe(subscription.id);
		expect(harness.staticData.securityKey).toBe(emulator.state.securityKeys.get(subscription.id));
		expect(harness.staticData.pendingCreate).toBeUndefined();
		expect(emulator.requests({ method: 'POST', route: '/v3/subscriptions' })).toHaveLength(1);
		expect(
			harness.logs.some((l) =>
				l.message.includes(`created webhook subscription ${subscription.id}`),
			),
		).toBe(true);

		// Activated again (n8n restart): checkExists finds it, nothing new is created.
		await harness.activate();
		expect(subscriptions()).toHaveLength(1);
		expect(emulator.requests({ method: 'POST', route: '/v3/subscriptions' })).toHaveLength(1);
	});

	it("sends the create again with the same idempotency key when BILL's answer is lost: still one subscription", async () => {
		const harness = await trigger(billCredentials(emulator));
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/subscriptions' });
		await harness.activate();
		expect(emulator.requests({ method: 'POST', route: /^\/v3\/subscriptions/ })).toHaveLength(2);
		expect(subscriptions()).toHaveLength(1);
		expect(emulator.state.idempotency.size).toBe(1);
		expect(harness.staticData.subscriptionId).toBe(subscriptions()[0].id);
	});

	it('a retried activation after a failed one takes over the subscription the lost answers made: still one subscription', async () => {
		const harness = await trigger(billCredentials(emulator));
		// Every answer is lost: billApiRequest gives up with the outcome unknown.
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/subscriptions', times: 5 });
		await expect(harness.activate()).rejects.toThrow();
		expect(emulator.requests({ method: 'POST', route: /^\/v3\/subscriptions/ })).toHaveLength(5);
		expect(subscriptions()).toHaveLength(1);
		// n8n does not save the static data of a failed activation: the idempotency key is gone.
		expect(harness.staticData.pendingCreate).toBeUndefined();
		await harness.activate();
		expect(subscriptions()).toHaveLength(1);
		expect(harness.logs.some((l) => l.message.includes(`took over webhook subscription`))).toBe(
			true,
		);
		expect(harness.staticData.subscriptionId).toBe(subscriptions()[0].id);
		expect(harness.staticData.securityKey).toBe(
			emulator.state.securityKeys.get(subscriptions()[0].id),
		);
	});

	it('checkExists re-enables a subscription BILL disabled after failed deliveries, and says so', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		await harness.stop(); // n8n is down: every delivery fails
		await createVendor(credentials, 'Harbor Freight');
		await emulator.deliveriesSettled();
		expect(emulator.deliveries.map((d) => d.statusCode)).toEqual([0, 0, 0]);
		const [subscription] = subscriptions();
		expect(subscription.status).toMatchObject({ enabled: false, updatedBy: 'SYSTEM' });

		const exists = await triggerNode.webhookMethods.default.checkExists.call(
			harness.hookFunctions(),
		);
		expect(exists).toBe(true);
		expect(subscription.status).toMatchObject({ enabled: true });
		expect(
			emulator.requests({ method: 'PATCH', route: '/v3/subscriptions/:subscriptionId' }),
		).toHaveLength(1);
		expect(
			harness.logs.some(
				(l) =>
					l.level === 'warn' &&
					l.message.includes(`BILL had disabled webhook subscription ${subscription.id}`),
			),
		).toBe(true);
		expect(subscriptions()).toHaveLength(1);
	});

	it('a subscription BILL disabled is enabled again and the events it missed are sent again from its history, each run once', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		await createVendor(credentials, 'Before The Outage');
		await emulator.deliveriesSettled();
		expect(harness.executions).toHaveLength(1);
		await harness.stop(); // n8n is down: every delivery fails, BILL disables the subscription
		for (const name of ['Missed One', 'Missed Two', 'Missed Three'])
			await createVendor(credentials, name);
		await emulator.deliveriesSettled();
		const [subscription] = subscriptions();
		expect(subscription.status).toMatchObject({ enabled: false });
		await harness.start(); // back, at the same URL
		const exists = await triggerNode.webhookMethods.default.checkExists.call(
			harness.hookFunctions(),
		);
		expect(exists).toBe(true);
		expect(subscription.status).toMatchObject({ enabled: true });
		await emulator.deliveriesSettled();
		const names = harness.executions.map((items) => (items[0].vendor as IDataObject).name);
		expect(names.sort()).toEqual(
			['Before The Outage', 'Missed One', 'Missed Three', 'Missed Two'].sort(),
		);
		expect(
			harness.logs.some(
				(l) =>
					l.level === 'warn' &&
					l.message.includes(`BILL had disabled webhook subscription ${subscription.id}`) &&
					l.message.includes('send the 3 event(s)'),
			),
		).toBe(true);
		// Asked again: enabled, nothing more is sent.
		await triggerNode.webhookMethods.default.checkExists.call(harness.hookFunctions());
		await emulator.deliveriesSettled();
		expect(harness.executions).toHaveLength(4);
	});

	it('under BILL-like retries (minutes apart, then disabled) the missed events are caught up the same way', async () => {
		emulator.readings.webhookRetries = 'billLike';
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		await harness.stop();
		await createVendor(credentials, 'Slow One');
		await createVendor(credentials, 'Slow Two');
		const [subscription] = subscriptions();
		for (let step = 0; step < 6 && enabledNow(subscription); step++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			emulator.clock.advance(61 * 60_000);
		}
		await emulator.deliveriesSettled();
		expect(subscription.status).toMatchObject({ enabled: false });
		// Up to 5 attempts for each of the two events, as the reading says; the first event to fail
		// its 5th disables the subscription, and BILL sends nothing more to a disabled one, so the
		// other event's 5th attempt comes only when it fell before that moment.
		const attempts = new Map<string, number>();
		for (const d of emulator.deliveries)
			attempts.set(
				String(d.eventId),
				Math.max(attempts.get(String(d.eventId)) ?? 0, Number(d.attempt)),
			);
		expect(attempts.size).toBe(2);
		expect(Math.max(...attempts.values())).toBe(5);
		expect(Math.min(...attempts.values())).toBeGreaterThanOrEqual(4);
		await harness.start();
		await triggerNode.webhookMethods.default.checkExists.call(harness.hookFunctions());
		await emulator.deliveriesSettled();
		expect(harness.executions.map((items) => (items[0].vendor as IDataObject).name).sort()).toEqual(
			['Slow One', 'Slow Two'],
		);
	});

	it('checkExists answers false when the subscription is gone, and activation then creates a new one', async () => {
		const harness = await trigger(billCredentials(emulator));
		await harness.activate();
		const oldId = harness.staticData.subscriptionId as string;
		emulator.state.subscriptions.delete(oldId);
		const exists = await triggerNode.webhookMethods.default.checkExists.call(
			harness.hookFunctions(),
		);
		expect(exists).toBe(false);
		expect(harness.staticData.subscriptionId).toBeUndefined();
		expect(
			harness.logs.some((l) =>
				l.message.includes(`${oldId} no longer exists in BILL; creating a new one`),
			),
		).toBe(true);
		await harness.activate();
		expect(subscriptions()).toHaveLength(1);
		expect(harness.staticData.subscriptionId).not.toBe(oldId);
	});

	it("checkExists replaces the events in place when the node's selection changed", async () => {
		const harness = await trigger(billCredentials(emulator));
		await harness.activate();
		const changed = new TriggerHarness({
			credentials: harness.options.credentials,
			parameters: { events: ['bill.*'] },
			webhookUrl: harness.webhookUrl,
		});
		Object.assign(changed.staticData, harness.staticData);
		await changed.activate();
		expect(subscriptions()).toHaveLength(1);
		expect((subscriptions()[0].events as IDataObject[]).map((e) => e.type)).toEqual([
			'bill.archived',
			'bill.created',
			'bill.restored',
			'bill.updated',
		]);
		expect(
			emulator.requests({ method: 'PUT', route: '/v3/subscriptions/:subscriptionId' }),
		).toHaveLength(1);
	});

	it('deactivation deletes the subscription; deleting one already gone is not an error', async () => {
		const harness = await trigger(billCredentials(emulator));
		await harness.activate();
		const id = harness.staticData.subscriptionId as string;
		expect(await harness.deactivate()).toBe(true);
		expect(subscriptions()).toHaveLength(0);
		expect(harness.staticData.subscriptionId).toBeUndefined();
		expect(harness.staticData.securityKey).toBeUndefined();
		expect(await harness.deactivate()).toBe(true); // nothing left to delete

		await harness.activate();
		emulator.state.subscriptions.delete(harness.staticData.subscriptionId as string);
		expect(await harness.deactivate()).toBe(true); // BILL answers 404
		expect(
			emulator
				.requests({ method: 'DELETE', route: '/v3/subscriptions/:subscriptionId' })
				.map((r) => r.status),
		).toEqual([200, 404]);
		expect(harness.logs.some((l) => l.message.includes('was already gone'))).toBe(true);
		expect(id).not.toBe(harness.staticData.subscriptionId);
	});

	it("names BILL's limit of 10 subscriptions when activation hits it", async () => {
		const credentials = billCredentials(emulator);
		for (let i = 0; i < 10; i++)
			await (
				await trigger(
					credentials,
					{},
					{ webhookUrl: `https://n8n.example.com/webhook/w${i}/webhook` },
				)
			).activate();
		expect(subscriptions()).toHaveLength(10);
		const eleventh = await trigger(
			credentials,
			{},
			{ webhookUrl: 'https://n8n.example.com/webhook/w10/webhook' },
		);
		await expect(eleventh.activate()).rejects.toThrow(
			/limit of 10 webhook subscriptions is reached/,
		);
		expect(subscriptions()).toHaveLength(10);
		expect(eleventh.staticData.pendingCreate).toBeUndefined();
	});

	it('takes over the subscription that already delivers to the workflow URL when static data was lost, with a new key', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		const id = harness.staticData.subscriptionId as string;
		const oldKey = harness.staticData.securityKey as string;
		for (const key of Object.keys(harness.staticData)) delete harness.staticData[key];

		await harness.activate();
		expect(subscriptions()).toHaveLength(1);
		expect(emulator.requests({ method: 'POST', route: '/v3/subscriptions' })).toHaveLength(1);
		expect(harness.staticData.subscriptionId).toBe(id);
		expect(harness.staticData.securityKey).not.toBe(oldKey);
		expect(harness.staticData.securityKey).toBe(emulator.state.securityKeys.get(id));
		expect(
			harness.logs.some(
				(l) => l.level === 'warn' && l.message.includes(`took over webhook subscription ${id}`),
			),
		).toBe(true);
		await createVendor(credentials, 'After take-over');
		await emulator.waitForDeliveries(1);
		expect(harness.executions).toHaveLength(1);
	});

	it('refuses an event the catalog does not have, naming the parameter, before creating anything', async () => {
		const harness = await trigger(billCredentials(emulator), { events: ['bill.paid'] });
		await expect(harness.activate()).rejects.toThrow(/no event "bill.paid" \(parameter "Events"\)/);
		expect(emulator.requests({ method: 'POST', route: '/v3/subscriptions' })).toHaveLength(0);
	});

	it('rotates the security key when it is older than the option says, and verifies with the new one', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials, { options: { rotateSecurityKeyAfterDays: 30 } });
		await harness.activate();
		const firstKey = harness.staticData.securityKey;
		await harness.activate();
		expect(
			emulator.requests({
				method: 'POST',
				route: '/v3/subscriptions/:subscriptionId/security_key',
			}),
		).toHaveLength(0);
		harness.staticData.securityKeyIssued = new Date(
			Date.now() - 31 * 24 * 3600 * 1000,
		).toISOString();
		await harness.activate();
		expect(
			emulator.requests({
				method: 'POST',
				route: '/v3/subscriptions/:subscriptionId/security_key',
			}),
		).toHaveLength(1);
		expect(harness.staticData.securityKey).not.toBe(firstKey);
		expect(harness.staticData.securityKey).toBe(
			emulator.state.securityKeys.get(harness.staticData.subscriptionId as string),
		);
		await createVendor(credentials, 'After rotation');
		await emulator.waitForDeliveries(1);
		expect(harness.executions).toHaveLength(1);
	});
});

describe('BILL Trigger: deliveries', () => {
	it("a vendor created with the BILL node arrives signed, is verified and starts one execution with BILL's event", async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		const vendor = await createVendor(credentials, 'San Jose Music Supplies');
		const [delivery] = await emulator.waitForDeliveries(1);
		expect(delivery).toMatchObject({ statusCode: 200, eventType: 'vendor.created', attempt: 1 });
		expect(harness.received[0].headers['x-bill-sha-signature']).toBeTruthy();
		expect(harness.executions).toHaveLength(1);
		const [[item]] = harness.executions;
		expect(item.metadata).toEqual({
			eventId: delivery.eventId,
			subscriptionId: harness.staticData.subscriptionId,
			organizationId: emulator.fixtures.organizationId,
			eventType: 'vendor.created',
			version: '1',
		});
		expect(item.organization).toEqual({ id: emulator.fixtures.organizationId });
		expect(item.vendor).toMatchObject({ id: vendor.id, name: 'San Jose Music Supplies' });
		expect(harness.staticData.acceptedEventIds).toEqual([delivery.eventId]);
	});

	it('a bill event (as the bills routes emit it) arrives; "Output Entity Only" gives the bill alone', async () => {
		const harness = await trigger(billCredentials(emulator), {
			events: ['bill.*'],
			options: { outputEntityOnly: true },
		});
		await harness.activate();
		const bill = {
			id: '00n02TESTBILL000001',
			vendorId: '00902TESTVENDOR0001',
			amount: 125.5,
			invoice: { invoiceNumber: 'INV-7' },
		};
		emulator.emit('bill.created', emulator.fixtures.organizationId, 'bill', bill);
		emulator.emit('vendor.created', emulator.fixtures.organizationId, 'vendor', {
			id: '00902NOTSUBSCRIBED01',
		});
		await emulator.deliveriesSettled();
		expect(emulator.deliveries).toHaveLength(1);
		expect(harness.executions).toEqual([[bill]]);
	});

	it('a bill created with the BILL node reaches the trigger as bill.created with its total amount', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials, { events: ['bill.created'] });
		await harness.activate();
		const vendor = await createVendor(credentials, 'Harbor Freight');
		const [bill] = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'create',
			vendorId: { __rl: true, mode: 'id', value: String(vendor.id) },
			invoiceNumber: 'HF-1001',
			invoiceDate: '2026-11-20',
			dueDate: '2026-12-20',
			lineItemsInput: 'fields',
			lineItems: {
				lineItem: [
					{ pricedBy: 'amount', amount: 149 },
					{ pricedBy: 'quantityPrice', quantity: 2, price: 79.99 },
				],
			},
		});
		await emulator.waitForDeliveries(1);
		await emulator.deliveriesSettled();
		expect(emulator.deliveries.map((d) => d.eventType)).toEqual(['bill.created']);
		expect(harness.executions).toHaveLength(1);
		const [[item]] = harness.executions;
		expect(item.metadata).toMatchObject({
			eventType: 'bill.created',
			organizationId: emulator.fixtures.organizationId,
		});
		expect(item.bill).toMatchObject({
			id: bill.id,
			amount: 308.98,
			invoice: { invoiceNumber: 'HF-1001' },
		});
	});

	it("BILL's repeated delivery of an event ID already accepted gets 200 and starts no second execution", async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		await createVendor(credentials, 'Maple Leaf Printing');
		const [first] = await emulator.waitForDeliveries(1);
		const record = await resendEvent(emulator, first.eventId);
		expect(record.statusCode).toBe(200);
		expect(emulator.deliveries.map((d) => [d.eventId, d.statusCode])).toEqual([
			[first.eventId, 200],
			[first.eventId, 200],
		]);
		expect(harness.received).toHaveLength(2);
		expect(harness.received[1].body).toBe(harness.received[0].body);
		expect(harness.executions).toHaveLength(1);
		// A new event still starts an execution.
		await createVendor(credentials, 'Second vendor');
		await emulator.waitForDeliveries(3);
		expect(harness.executions).toHaveLength(2);
	});

	it('a repeated delivery starts no second execution even when n8n did not save the static data (n8n 2.41 production webhooks)', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		await createVendor(credentials, 'Unsaved static data');
		const [first] = await emulator.waitForDeliveries(1);
		// What n8n 2.41 does after a production webhook call: the static data change is not kept.
		harness.staticData.acceptedEventIds = [];
		await resendEvent(emulator, first.eventId);
		expect(harness.received).toHaveLength(2);
		expect(harness.executions).toHaveLength(1);
	});

	it("the resend endpoint of BILL's API delivers the same event again, also without a second execution", async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials);
		await harness.activate();
		await createVendor(credentials, 'Resent vendor');
		const [first] = await emulator.waitForDeliveries(1);
		const { sessionId } = credentials.get('billApi');
		const response = await http.post(
			`${emulator.eventsBaseUrl}/v3/events/subscription/${first.subscriptionId}/event/${first.eventId}`,
			undefined,
			{ headers: { sessionId: String(sessionId), devKey: emulator.fixtures.devKey } },
		);
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({
			id: first.eventId,
			type: 'vendor.created',
			subscriptionId: first.subscriptionId,
			statusCode: 200,
		});
		expect(harness.executions).toHaveLength(1);
	});

	describe('refused deliveries: 401 and no execution', () => {
		let harness: TriggerHarness;
		let body: string;
		let signature: string;
		beforeEach(async () => {
			const credentials = billCredentials(emulator);
			harness = await trigger(credentials);
			await harness.activate();
			await createVendor(credentials, 'Signed vendor');
			await emulator.waitForDeliveries(1);
			body = harness.received[0].body;
			signature = String(harness.received[0].headers['x-bill-sha-signature']);
			expect(harness.executions).toHaveLength(1);
		});

		const send = async (payload: string, headers: Record<string, string>) =>
			await http.post(harness.webhookUrl, payload, {
				headers: { 'Content-Type': 'application/json', ...headers },
				transformRequest: (d: string) => d,
			});

		it('a missing signature', async () => {
			const response = await send(body.replace(/"eventId":"[^"]+"/, '"eventId":"forged-1"'), {});
			expect(response.status).toBe(401);
			expect(harness.executions).toHaveLength(1);
		});

		it('a signature made with another key', async () => {
			const forged = body.replace(/"eventId":"[^"]+"/, '"eventId":"forged-2"');
			const wrong = createHmac('sha256', 'not-the-security-key').update(forged).digest('base64');
			expect((await send(forged, { 'x-bill-sha-signature': wrong })).status).toBe(401);
			expect((await send(forged, { 'x-bill-sha-signature': 'garbage' })).status).toBe(401);
			expect(harness.executions).toHaveLength(1);
		});

		it('(413) a body over 2 MiB, even with a genuine signature', async () => {
			const key = String(harness.staticData.securityKey);
			const huge = JSON.stringify({
				metadata: { eventId: 'huge-1' },
				padding: 'x'.repeat(2 * 1024 * 1024),
			});
			const genuine = createHmac('sha256', key).update(huge).digest('base64');
			expect((await send(huge, { 'x-bill-sha-signature': genuine })).status).toBe(413);
			expect(harness.executions).toHaveLength(1);
		});

		it('a body altered by one byte under a genuine signature', async () => {
			const altered = body.replace('Signed vendor', 'Signed vendos');
			expect(altered.length).toBe(body.length);
			expect((await send(altered, { 'x-bill-sha-signature': signature })).status).toBe(401);
			expect(harness.executions).toHaveLength(1);
		});

		it("(accepted) a body that is the event as a JSON string, signed over its raw bytes, as BILL's docs also describe it", async () => {
			const key = String(harness.staticData.securityKey);
			const asString = JSON.stringify(
				body.replace(/"eventId":"[^"]+"/, '"eventId":"string-body-1"'),
			);
			const response = await send(asString, {
				'x-bill-sha-signature': createHmac('sha256', key).update(asString).digest('base64'),
			});
			expect(response.status).toBe(200);
			expect(harness.executions).toHaveLength(2);
			expect(harness.executions[1][0].metadata).toMatchObject({
				eventId: 'string-body-1',
				eventType: 'vendor.created',
			});
		});

		it('the genuine body and signature replayed are acknowledged once, without executing', async () => {
			const response = await send(body, { 'x-bill-sha-signature': signature });
			expect(response.status).toBe(200);
			expect(harness.executions).toHaveLength(1);
		});
	});

	it('partner level: one subscription with the app key receives the events of both organizations, each named', async () => {
		const partner = await trigger(partnerCredentials(emulator, { scope: 'partner' }), {
			authentication: 'billPartnerApi',
			events: ['vendor.created'],
		});
		await partner.activate();
		const [subscription] = subscriptions();
		expect(subscription.organizationId).toBeUndefined();
		expect(emulator.state.subscriptionScopes.get(subscription.id)).toEqual({
			appKey: emulator.fixtures.appKey,
		});
		// An organization-level trigger of the first organization, for contrast.
		const organization = await trigger(billCredentials(emulator), { events: ['vendor.created'] });
		await organization.activate();

		const f = emulator.fixtures;
		await createVendor(billCredentials(emulator), 'First org vendor');
		await emulator.waitForDeliveries(2);
		await createVendor(
			billCredentials(emulator, {
				overrides: { organizationId: f.otherOrganizationId, mfaId: '', deviceName: '' },
			}),
			'Second org vendor',
		);
		await emulator.waitForDeliveries(3);
		await emulator.deliveriesSettled();

		const seen = partner.executions.map(([item]) => [
			item.organization,
			(item.vendor as IDataObject).name,
		]);
		expect(seen).toEqual([
			[{ id: f.organizationId, name: 'Emulator Music Co' }, 'First org vendor'],
			[{ id: f.otherOrganizationId, name: 'Second Client LLC' }, 'Second org vendor'],
		]);
		expect(
			partner.executions.map(([item]) => (item.metadata as IDataObject).organizationId),
		).toEqual([f.organizationId, f.otherOrganizationId]);
		expect(organization.executions.map(([item]) => (item.vendor as IDataObject).name)).toEqual([
			'First org vendor',
		]);
		// Names are read once and kept.
		expect(emulator.requests({ method: 'GET', route: '/v3/partner/organizations' })).toHaveLength(
			1,
		);
		expect(emulator.requests({ method: 'POST', route: '/v3/partner/login' })).toHaveLength(1);
		expect(await partner.deactivate()).toBe(true);
		expect(subscriptions()).toHaveLength(1);
	});

	it('partner level: an event still starts the workflow, with the organization ID, when the names cannot be read', async () => {
		const partner = await trigger(partnerCredentials(emulator, { scope: 'partner' }), {
			authentication: 'billPartnerApi',
			events: ['vendor.created'],
		});
		await partner.activate();
		emulator.addFault({
			kind: 'status',
			method: 'GET',
			path: '/v3/partner/organizations',
			status: 403,
			code: 'BDC_1146',
			message: 'Not allowed.',
		});
		await createVendor(billCredentials(emulator), 'Unnamed org vendor');
		await emulator.waitForDeliveries(1);
		expect(partner.executions).toHaveLength(1);
		expect(partner.executions[0][0].organization).toEqual({ id: emulator.fixtures.organizationId });
		expect(
			partner.logs.some(
				(l) =>
					l.level === 'warn' && l.message.includes("could not read the partner's organizations"),
			),
		).toBe(true);
	});

	it('keeps secrets (security key, session, keys, password) out of outputs, logs and answers', async () => {
		const credentials = billCredentials(emulator);
		const harness = await trigger(credentials, { options: { rotateSecurityKeyAfterDays: 1 } });
		await harness.activate();
		const firstKey = String(harness.staticData.securityKey);
		harness.staticData.securityKeyIssued = '2000-01-01T00:00:00.000Z';
		await harness.activate();
		await createVendor(credentials, 'Secretive vendor');
		await emulator.waitForDeliveries(1);
		await http.post(harness.webhookUrl, '{"metadata":{}}', {
			headers: { 'Content-Type': 'application/json' },
		});
		const stored = credentials.get('billApi');
		const secrets = [
			firstKey,
			String(harness.staticData.securityKey),
			String(stored.sessionId),
			String(stored.devKey),
			String(stored.password),
			String(stored.mfaId),
		];
		const visible = JSON.stringify({
			executions: harness.executions,
			logs: harness.logs,
			answers: harness.received.map((r) => r.response),
		});
		expect(harness.executions).toHaveLength(1);
		for (const secret of secrets) {
			expect(secret.length).toBeGreaterThan(5);
			expect(visible).not.toContain(secret);
		}
	});
});

describe('BILL Trigger: event list', () => {
	const loadOptions = (credentials: CredentialStore) =>
		loadOptionsContext({ node: triggerNode, parameters: { events: [] }, credentials });

	it('lists BILL\'s catalog with versions and "any" choices, without Spend & Expense events', async () => {
		const options = await triggerNode.methods.loadOptions.getEvents.call(
			loadOptions(billCredentials(emulator)),
		);
		const values = options.map((o) => o.value);
		expect(values).toEqual(
			expect.arrayContaining([
				'*',
				'bill.*',
				'vendor.*',
				'bill.created',
				'bank-account.updated',
				'autopay.failed',
			]),
		);
		expect(values.some((v) => String(v).startsWith('spend.'))).toBe(false);
		expect(options.find((o) => o.value === 'bank-account.created')).toMatchObject({
			name: 'Bank Account Created',
			description: 'bank-account.created, version 1',
		});
		expect(emulator.requests({ method: 'GET', route: '/v3/events/catalog' })).toHaveLength(1);
	});

	it('falls back to the documented list, saying so, when the catalog cannot be read', async () => {
		emulator.addFault({
			kind: 'status',
			method: 'GET',
			path: '/v3/events/catalog',
			status: 403,
			code: 'BDC_1146',
			message: 'Not allowed.',
		});
		const options = await triggerNode.methods.loadOptions.getEvents.call(
			loadOptions(billCredentials(emulator)),
		);
		const created = options.find((o) => o.value === 'bill.created');
		expect(created?.description).toMatch(
			/documented list; BILL's catalog could not be loaded: BILL error BDC_1146/,
		);
		// "Any Event", six entities with several events, twenty documented events.
		expect(options).toHaveLength(1 + 6 + 20);
	});
});
