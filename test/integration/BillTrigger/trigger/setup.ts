/**
 * Set-up for the BILL Trigger tests against the emulator: one emulator with quick webhook retries,
 * triggers started through the harness (stopped after each test), a vendor created as a user would.
 * Scenario (USERS.md): an AP team's workflow that reacts when a vendor or a bill is added in BILL.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';
import { startEmulator, type Emulator } from '../../../../emulator';
import { runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';
import { TriggerHarness, startTrigger } from '../../../harness/trigger';

export let emulator: Emulator;
export const harnesses: TriggerHarness[] = [];

export const http = axios.create({ validateStatus: () => true });
export const enabledNow = (subscription: object) =>
	((subscription as IDataObject).status as IDataObject | undefined)?.enabled === true;

export async function trigger(
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

export const createVendor = async (credentials: CredentialStore, name: string) =>
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

export const subscriptions = () => [...emulator.state.subscriptions.values()];

/** An emulator with quick webhook retries, reset before each test; every trigger started is stopped after it. */
export function useTriggerEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator({ webhookAttempts: 3, webhookBackoffMs: 20 });
	});
	afterAll(async () => emulator.stop());
	beforeEach(() => emulator.reset());
	afterEach(async () => {
		await emulator.deliveriesSettled();
		await Promise.all(harnesses.splice(0).map((h) => h.stop()));
	});
}
