/**
 * Every searchable list finds what the user types wherever it sits in the list: n8n's editor
 * reads the next page only when the user scrolls, and an empty list cannot be scrolled, so a
 * search that looked at the first 100 only showed "No results" for a match on page 2.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { listSearch } from '../../../../nodes/Bill/listSearch';
import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, billNode, byId, runBillOk } from '../../../harness/bill';
import { loadOptionsContext } from '../../../harness/context';

jest.setTimeout(120_000);

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = () => billCredentials(emulator);
const context = () =>
	loadOptionsContext({
		node: billNode,
		parameters: { resource: 'bill', operation: 'create' },
		credentials: credentials(),
	});

/** Creates one object per item (`fields(n)` for the n-th) with the node itself. */
async function create(count: number, fields: (n: number) => IDataObject): Promise<IDataObject[]> {
	const items = Array.from({ length: count }, (_, n) => ({ n }));
	return await runBillOk(credentials(), (itemIndex) => fields(itemIndex) as INodeParameters, {
		items,
	});
}

const number = (n: number) => String(n).padStart(3, '0');
const names = (found: { results: Array<{ name: string }> }) => found.results.map((r) => r.name);

it('135 GL accounts: "sales" finds "Sales - Online" on page 2, and matches inside a name', async () => {
	await create(134, (n) => ({
		resource: 'classification',
		operation: 'create',
		classificationType: 'chartOfAccount',
		name: `Account ${number(n)}`,
	}));
	const [online] = await create(1, () => ({
		resource: 'classification',
		operation: 'create',
		classificationType: 'chartOfAccount',
		name: 'Sales - Online',
	}));
	const first = await listSearch.searchChartOfAccounts.call(context());
	expect(first.results).toHaveLength(100);
	expect(names(first)).not.toContain('Sales - Online');
	const found = await listSearch.searchChartOfAccounts.call(context(), 'sales');
	expect(found.results).toEqual([{ name: 'Sales - Online', value: online.id }]);
	// Anywhere in the name, not only from its start.
	expect(names(await listSearch.searchChartOfAccounts.call(context(), 'online'))).toEqual([
		'Sales - Online',
	]);
});

it("120 newer bills: an older bill's invoice number is found", async () => {
	const [vendor] = await runBillOk(credentials(), {
		resource: 'vendor',
		operation: 'create',
		name: 'Landlord LLC',
		accountType: 'BUSINESS',
		email: 'rent@landlord.example',
		phone: '1',
	});
	const bill = (invoiceNumber: string): IDataObject => ({
		resource: 'bill',
		operation: 'create',
		vendorId: byId(vendor.id as string),
		invoiceNumber,
		invoiceDate: '2026-12-01',
		dueDate: '2026-12-05',
		lineItemsInput: 'fields',
		lineItems: { lineItem: [{ pricedBy: 'amount', amount: 10, description: 'Rent' }] },
	});
	const [old] = await create(1, () => bill('OLD-7731'));
	emulator.clock.advance(60_000);
	await create(120, (n) => bill(`NEW-${number(n)}`));
	const first = await listSearch.searchBills.call(context());
	expect(first.results.map((r) => r.value)).not.toContain(old.id);
	const found = await listSearch.searchBills.call(context(), '7731');
	expect(found.results.map((r) => r.value)).toEqual([old.id]);
});

it('110 vendors and 110 customers: a name is found by a word inside it, past the first page', async () => {
	await create(110, (n) => ({
		resource: 'vendor',
		operation: 'create',
		name: `Alpha ${number(n)}`,
		accountType: 'BUSINESS',
		email: `v${n}@example.com`,
		phone: '1',
	}));
	const [zeta] = await create(1, () => ({
		resource: 'vendor',
		operation: 'create',
		name: 'Zeta Music Supplies',
		accountType: 'BUSINESS',
		email: 'zeta@example.com',
		phone: '1',
	}));
	const vendors = await listSearch.searchVendors.call(context(), 'supplies');
	expect(vendors.results.map((r) => r.value)).toEqual([zeta.id]);
	// A name's start still comes from BILL's own filter (name sw).
	expect((await listSearch.searchVendors.call(context(), 'Zeta')).results).toHaveLength(1);

	await create(110, (n) => ({
		resource: 'customer',
		operation: 'create',
		name: `Alpha ${number(n)}`,
		email: `c${n}@example.com`,
	}));
	const [cafe] = await create(1, () => ({
		resource: 'customer',
		operation: 'create',
		name: 'Zen Harbor Cafe',
		email: 'zen@example.com',
	}));
	const customers = await listSearch.searchCustomers.call(context(), 'harbor');
	expect(customers.results.map((r) => r.value)).toEqual([cafe.id]);
});

it('110 newer invoices: an older invoice number is found', async () => {
	const [customer] = await runBillOk(credentials(), {
		resource: 'customer',
		operation: 'create',
		name: 'Lakeside Music',
		email: 'ap@lakeside.example',
	});
	const invoice = (invoiceNumber: string): IDataObject => ({
		resource: 'invoice',
		operation: 'create',
		customerId: byId(customer.id as string),
		invoiceNumber,
		invoiceDate: '2026-12-01',
		dueDate: '2026-12-31',
		lineItems: { item: [{ description: 'Lessons', quantity: 1, price: 40 }] },
	});
	const [old] = await create(1, () => invoice('INV-OLD-5521'));
	emulator.clock.advance(60_000);
	await create(110, (n) => invoice(`INV-${number(n)}`));
	const found = await listSearch.searchInvoices.call(context(), '5521');
	expect(found.results.map((r) => r.value)).toEqual([old.id]);
});
