/**
 * The test harness runs our nodes on n8n-core itself: expressions resolve per item through n8n's
 * expression engine, n8n's own parameter check refuses a resource-locator value that fails its
 * regex before the node runs, and the trigger's static data lives on between calls only as n8n
 * stores it.
 */
import axios from 'axios';
import { WorkflowHasIssuesError } from 'n8n-core';

import { forgetSubscription } from '../../nodes/shared/acceptedEvents';
import { startEmulator, type Emulator } from '../../emulator';
import { seedVendor } from '../../emulator/routes/bills';
import { billCredentials, byId, runBill, runBillOk } from '../harness/bill';
import { startTrigger, type TriggerHarness } from '../harness/trigger';

let emulator: Emulator;
const harnesses: TriggerHarness[] = [];
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());
afterEach(async () => {
	await emulator.deliveriesSettled();
	await Promise.all(harnesses.splice(0).map((h) => h.stop()));
});

const vendorReads = () => emulator.requests({ method: 'GET', route: '/v3/vendors/:vendorId' });

describe('the harness on n8n-core', () => {
	it('resolves `={{ $json.vendorId }}` per item through n8n’s expression engine', async () => {
		const harbor = seedVendor(emulator, 'Harbor Freight');
		const maple = seedVendor(emulator, 'Maple Leaf Printing');
		const output = await runBillOk(
			billCredentials(emulator),
			{ resource: 'vendor', operation: 'get', vendorId: byId('={{ $json.vendorId }}') },
			{ items: [{ vendorId: harbor }, { vendorId: maple }] },
		);
		expect(output.map((vendor) => vendor.name)).toEqual(['Harbor Freight', 'Maple Leaf Printing']);
		expect(vendorReads().map((r) => r.path)).toEqual([
			`/v3/vendors/${harbor}`,
			`/v3/vendors/${maple}`,
		]);
	});

	it('refuses, by n8n’s own check before the run, a vendor "By ID" that fails the locator’s regex', async () => {
		const { output, error } = await runBill(billCredentials(emulator), {
			resource: 'vendor',
			operation: 'get',
			vendorId: byId('12345'),
		});
		expect(error).toBeInstanceOf(WorkflowHasIssuesError);
		expect(error?.message).toMatch(/A BILL vendor ID has 20 characters and starts with 009/);
		expect(output).toEqual([]);
		expect(emulator.log).toEqual([]); // not even a login
	});

	it('keeps the trigger’s static data between calls as n8n stores it', async () => {
		const credentials = billCredentials(emulator);
		const harness = await startTrigger({ credentials, parameters: { events: ['vendor.created'] } });
		harnesses.push(harness);
		await harness.activate(); // create stores the subscription ID and key; n8n saves them
		const id = harness.staticData.subscriptionId as string;
		expect(id).toBe([...emulator.state.subscriptions.keys()][0]);

		// A delivery is a new workflow built from the stored data: the key checks the signature.
		await runBillOk(credentials, {
			resource: 'vendor',
			operation: 'create',
			name: 'Static Data Supply',
			accountType: 'BUSINESS',
			email: 'ap@static.example',
			phone: '+1 408 555 0100',
			address: {
				line1: '1 Main St',
				city: 'San Jose',
				stateOrProvince: 'CA',
				zipOrPostalCode: '95113',
				country: 'US',
			},
		});
		await emulator.waitForDeliveries(1);
		expect(harness.executions).toHaveLength(1);
		const [first] = harness.received;
		expect(harness.staticData.acceptedEventIds).toHaveLength(1); // saved after the delivery

		// BILL sends it again to a fresh process (the node's memory of event IDs is gone): the
		// next call sees the event ID the last one stored.
		forgetSubscription(id);
		const again = await axios.post(harness.webhookUrl, first.body, {
			headers: {
				'Content-Type': 'application/json',
				'x-bill-sha-signature': first.headers['x-bill-sha-signature'] as string,
			},
		});
		expect(again.data).toEqual({ received: true, duplicate: true });
		expect(harness.executions).toHaveLength(1);

		// Deactivation reads the stored ID to delete the subscription, and n8n saves that too.
		expect(await harness.deactivate()).toBe(true);
		expect(emulator.state.subscriptions.size).toBe(0);
		expect(harness.staticData.subscriptionId).toBeUndefined();
	});
});
