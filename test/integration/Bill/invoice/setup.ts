/**
 * Set-up for the Invoice and Received Payment tests, in-process against the emulator: a customer
 * made through the node, two invoice lines, and the create parameters for an existing customer.
 */
import type { IDataObject } from 'n8n-workflow';
import { startEmulator, type Emulator } from '../../../../emulator';
import { receivables, receivablesSettings } from '../../../../emulator/receivables';
import { billCredentials, byId, runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';

export let emulator: Emulator;
export let credentials: CredentialStore;

export const ar = () => receivables(emulator.state);
export const invoices = () => [...ar().invoices.values()];

export async function newCustomer(name = 'Paperless Band', email = 'ap@paperless.example') {
	const [customer] = await runBillOk(credentials, {
		resource: 'customer',
		operation: 'create',
		name,
		email,
	});
	return String(customer.id);
}

export const lines = {
	item: [
		{ description: 'Drum sticks', quantity: 2, price: 14.99 },
		{ description: 'Picks', quantity: 1, price: 50 },
	],
};

export const createFor = (customerId: string, invoiceNumber: string, extra: IDataObject = {}) => ({
	resource: 'invoice',
	operation: 'create',
	customerMode: 'existing',
	customerId: byId(customerId),
	invoiceNumber,
	lineItems: lines,
	additionalFields: { invoiceDate: '2026-12-01', dueDate: '2026-12-31' },
	...extra,
});

/** One emulator for the file with quick webhook retries; before each test it is reset, allows duplicate invoice numbers, and `credentials` are new. */
export function useInvoiceEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator({ webhookAttempts: 2, webhookBackoffMs: 10 });
	});
	afterAll(async () => emulator.stop());
	beforeEach(() => {
		emulator.reset();
		receivablesSettings(emulator).duplicateInvoiceNumbers = 'allow';
		receivablesSettings(emulator).emailWindowMs = 60_000;
		credentials = billCredentials(emulator);
	});
}
