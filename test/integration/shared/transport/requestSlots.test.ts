/**
 * Per-item creates at BILL's pace (issue 30): the BILL node prepares more items than BILL takes
 * requests, and the transport sends at most BILL's 3 at a time (withRequestSlot). What a user
 * sees stays: outputs in input order, BILL never refuses a 4th concurrent request, a create is
 * never repeated, and a run that fails at an item sends nothing for the items after it that had
 * not sent yet. How fast it goes is measured by `npm run bench`, never asserted here.
 */
import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';

let emulator: Emulator;
let credentials: CredentialStore;
beforeAll(async () => {
	emulator = await startEmulator({ latencyMs: 15 });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	credentials = billCredentials(emulator);
});

async function newCustomer(): Promise<string> {
	const [customer] = await runBillOk(credentials, {
		resource: 'customer',
		operation: 'create',
		name: 'Paperless Band',
		email: 'ap@paperless.example',
	});
	return String(customer.id);
}

const invoice = (customerId: string) => (itemIndex: number) => ({
	resource: 'invoice',
	operation: 'create',
	customerMode: 'existing',
	customerId: byId(customerId),
	invoiceNumber: `INV-${itemIndex}`,
	lineItems: { item: [{ description: 'Picks', quantity: 1, price: 10 + itemIndex }] },
	additionalFields: { invoiceDate: '2026-12-01', dueDate: '2026-12-31' },
});

describe('per-item requests at BILL pace', () => {
	it('creates 40 invoices in input order, at most 3 requests at once, none refused or repeated', async () => {
		const id = await newCustomer();
		const items = Array.from({ length: 40 }, (_, n) => ({ n }));
		const out = await runBillOk(credentials, invoice(id), { items });
		expect(out.map((o) => o.invoiceNumber)).toEqual(items.map((_, n) => `INV-${n}`));
		const creates = emulator.requests({ method: 'POST', route: '/v3/invoices' });
		expect(creates).toHaveLength(40);
		expect(creates.every((e) => e.status === 201 || e.status === 200)).toBe(true);
		// The emulator refuses a 4th concurrent request of the organization (BILL's limit) with BDC_1322.
		expect(emulator.requests().filter((e) => e.code === 'BDC_1322')).toEqual([]);
	});

	it('a run that fails at an item creates the invoices before it and none after it', async () => {
		const id = await newCustomer();
		const items = Array.from({ length: 30 }, (_, n) => ({ n }));
		const { error } = await runBill(
			credentials,
			(itemIndex) => ({
				...invoice(id)(itemIndex),
				customerId: byId(itemIndex === 5 ? 'not-a-customer' : id),
			}),
			{ items },
		);
		expect(error?.message).toMatch(/Customer.*item 5/);
		const created = emulator.requests({ method: 'POST', route: '/v3/invoices' });
		expect(created).toHaveLength(5);
	});

	it('with Continue On Fail every other item is created and the bad one carries its error', async () => {
		const id = await newCustomer();
		const items = Array.from({ length: 20 }, (_, n) => ({ n }));
		const { output, error } = await runBill(
			credentials,
			(itemIndex) => ({
				...invoice(id)(itemIndex),
				customerId: byId(itemIndex === 5 ? 'not-a-customer' : id),
			}),
			{ items, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(output.map((o) => o.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(output[5].json.error).toMatch(/Customer/);
		expect(emulator.requests({ method: 'POST', route: '/v3/invoices' })).toHaveLength(19);
	});
});
