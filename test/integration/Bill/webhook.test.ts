/**
 * Webhook resource (issue 27 §5): a subscription's event history with the entity ID filter, one
 * event sent again (the BILL Trigger runs it once), a test notification; IDs checked first.
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { billCredentials, runBill, runBillOk } from '../../harness/bill';
import { startTrigger, type TriggerHarness } from '../../harness/trigger';

let emulator: Emulator;
const harnesses: TriggerHarness[] = [];

beforeAll(async () => {
	emulator = await startEmulator({ webhookAttempts: 2, webhookBackoffMs: 10 });
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());
afterEach(async () => {
	await emulator.deliveriesSettled();
	await Promise.all(harnesses.splice(0).map((h) => h.stop()));
});

async function subscribed() {
	const credentials = billCredentials(emulator);
	const harness = await startTrigger({ credentials, parameters: { events: ['vendor.created'] } });
	harnesses.push(harness);
	await harness.activate();
	const vendor = async (name: string) =>
		(
			await runBillOk(credentials, {
				resource: 'vendor',
				operation: 'create',
				name,
				email: 'ap@example.com',
				phone: '5555550100',
				additionalFields: {},
			})
		)[0];
	return { credentials, harness, vendor, id: harness.staticData.subscriptionId as string };
}

describe('Webhook resource', () => {
	it('Get Event History: every event, or those of one entity', async () => {
		const { credentials, vendor, id } = await subscribed();
		const first = await vendor('History One');
		await vendor('History Two');
		await emulator.deliveriesSettled();
		const all = await runBillOk(credentials, {
			resource: 'webhook',
			operation: 'getEvents',
			subscriptionId: id,
			returnAll: true,
		});
		expect(all).toHaveLength(2);
		expect(all[0]).toMatchObject({ subscriptionId: id, type: 'vendor.created', statusCode: 200 });
		const one = await runBillOk(credentials, {
			resource: 'webhook',
			operation: 'getEvents',
			subscriptionId: id,
			returnAll: true,
			filters: { entityId: String(first.id) },
		});
		expect(one).toHaveLength(1);
		expect(String(one[0].payload)).toContain(String(first.id));
	});

	it('Resend Event: BILL delivers it again; the BILL Trigger does not run it twice', async () => {
		const { credentials, harness, vendor, id } = await subscribed();
		await vendor('Resent Vendor');
		await emulator.deliveriesSettled();
		const [event] = await runBillOk(credentials, {
			resource: 'webhook',
			operation: 'getEvents',
			subscriptionId: id,
			returnAll: true,
		});
		const [resent] = await runBillOk(credentials, {
			resource: 'webhook',
			operation: 'resendEvent',
			subscriptionId: id,
			eventId: String(event.id),
		});
		expect(resent).toMatchObject({ id: event.id, statusCode: 200 });
		await emulator.deliveriesSettled();
		expect(harness.received).toHaveLength(2);
		expect(harness.executions).toHaveLength(1);
	});

	it('Send Test Event: a test notification with the entity given reaches the trigger', async () => {
		const { credentials, harness, id } = await subscribed();
		const [record] = await runBillOk(credentials, {
			resource: 'webhook',
			operation: 'sendTestEvent',
			subscriptionId: id,
			eventType: 'vendor.created',
			version: '1',
			entity: JSON.stringify({ vendor: { id: 'test-vendor-id', name: 'Test Vendor' } }),
		});
		expect(record).toMatchObject({ type: 'vendor.created', statusCode: 200 });
		await emulator.deliveriesSettled();
		expect((harness.executions[0][0].vendor as IDataObject).name).toBe('Test Vendor');
	});

	it('refuses a subscription ID that is not one, naming the parameter, before calling BILL', async () => {
		const before = emulator.log.length;
		const { error } = await runBill(billCredentials(emulator), {
			resource: 'webhook',
			operation: 'resendEvent',
			subscriptionId: 'not/an-id',
			eventId: '0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e',
		});
		expect(error?.message).toMatch(/^Subscription ID: "not\/an-id" is not a BILL webhook ID/);
		expect(emulator.log.length).toBe(before);
	});
});
