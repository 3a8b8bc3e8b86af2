/**
 * BILL Trigger: the subscription's lifecycle (activate, checkExists, deactivate, retried
 * activation), partner-level subscriptions and BILL's limits.
 */
import type { IDataObject } from 'n8n-workflow';
import { billCredentials } from '../../../harness/bill';
import { TriggerHarness, triggerNode } from '../../../harness/trigger';
import {
	emulator,
	enabledNow,
	trigger,
	createVendor,
	subscriptions,
	useTriggerEmulator,
} from './setup';

useTriggerEmulator();

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
