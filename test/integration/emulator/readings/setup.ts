/**
 * Set-up for the tests of BILL's silent places (issue "Ready for the real BILL"): the emulator plays
 * each reading in turn (emulator/readings.ts) and the node must behave well under every one.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';
import { startEmulator, type Emulator, type Readings } from '../../../../emulator';
import { runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';
import { TriggerHarness, startTrigger } from '../../../harness/trigger';
import { api, type Api } from '../../Bill/payment/setup';

export let emulator: Emulator;
export let admin: Api;
export const harnesses: TriggerHarness[] = [];
export const http = axios.create({ validateStatus: () => true });

export const play = (readings: Partial<Readings>) => Object.assign(emulator.readings, readings);
export const subscriptions = () => [...emulator.state.subscriptions.values()];
export const payments = () => [...emulator.state.payments.values()];
export const refusals = () => emulator.log.filter((e) => e.status >= 400);

export async function trigger(credentials: CredentialStore, parameters: IDataObject = {}) {
	const harness = await startTrigger({
		credentials,
		parameters: { events: ['vendor.created'], ...parameters },
	});
	harnesses.push(harness);
	return harness;
}

export const createVendor = async (
	credentials: CredentialStore,
	name: string,
	extra: IDataObject = {},
) =>
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

/** One emulator for the file (no limits, quick retries); reset with an administrator API before each test, every trigger stopped after it. */
export function useReadingsEmulator(): void {
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
}
