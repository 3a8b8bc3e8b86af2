/**
 * Set-up for the bill tests: one emulator for the file, every body BILL received by route (each
 * handler is wrapped once, before any test), a vendor made through the node, and Bill → Create's
 * parameters.
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import type { Json } from '../../../../emulator/state';
import { byId, runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';

export let emulator: Emulator;
/** Bodies BILL received, by route. */
export const received: Array<{ method: string; route: string; body: unknown }> = [];

/** Starts the emulator for the test file (reset before each test). */
export function useBillEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator();
		for (const route of emulator.routes) {
			const handler = route.handler;
			route.handler = (context) => {
				received.push({ method: context.method, route: route.pattern, body: context.body });
				return handler(context);
			};
		}
	});
	afterAll(async () => emulator.stop());
	beforeEach(() => {
		emulator.reset();
		received.length = 0;
	});
}

export const bodiesOf = (method: string, route: string) =>
	received.filter((r) => r.method === method && r.route === route).map((r) => r.body as Json);

export async function makeVendor(
	credentials: CredentialStore,
	name: string,
	billCurrency = 'USD',
): Promise<string> {
	const [vendor] = await runBillOk(credentials, {
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
		payeeName: name,
		billCurrency,
	});
	return vendor.id as string;
}

export const createParameters = (
	vendorId: string,
	invoiceNumber: string,
	extra: IDataObject = {},
) => ({
	resource: 'bill',
	operation: 'create',
	vendorId: byId(vendorId),
	invoiceNumber,
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	lineItemsInput: 'fields',
	lineItems: {
		lineItem: [
			{ pricedBy: 'amount', amount: 149, description: 'USB audio interface' },
			{ pricedBy: 'quantityPrice', quantity: 2, price: 79.99, description: 'Drum foot pedal' },
		],
	},
	...extra,
});
