/**
 * "By Name": a locator given the object's name (e.g. a spreadsheet column) instead of its ID. The
 * name is looked up once per distinct name for the node's run; no match, or more than one, is a
 * clear error naming the parameter, the item and the value; a name given "By ID" says "use By
 * Name". The sentence of a bad ID names the kind of ID, not the field path.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, byId, expr, runBill, runBillOk } from '../../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = () => billCredentials(emulator);
const byName = (value: string) => ({ __rl: true, mode: 'name', value });

async function make(parameters: IDataObject): Promise<string> {
	const [made] = await runBillOk(credentials(), parameters as INodeParameters);
	return made.id as string;
}
const account = async (name: string) =>
	await make({
		resource: 'classification',
		operation: 'create',
		classificationType: 'chartOfAccount',
		name,
	});
const vendor = async (name: string, email = 'ap@vendor.example') =>
	await make({
		resource: 'vendor',
		operation: 'create',
		name,
		accountType: 'BUSINESS',
		email,
		phone: '1',
	});

/** A bill of one line coded to `chartOfAccountId`, for vendor `vendorId`. */
const bill = (vendorId: unknown, chartOfAccountId: unknown): INodeParameters =>
	({
		resource: 'bill',
		operation: 'create',
		vendorId,
		invoiceNumber: expr('INV-1'),
		invoiceDate: '2026-12-01',
		dueDate: '2026-12-05',
		lineItemsInput: 'fields',
		lineItems: {
			lineItem: [
				{
					pricedBy: 'amount',
					amount: 100,
					description: 'Sale',
					classifications: { chartOfAccountId },
				},
			],
		},
	}) as INodeParameters;

const lookups = (route: string) => emulator.log.filter((e) => e.route === route).length;

describe('By Name', () => {
	it('codes bill lines to GL accounts named in an item field, looking each distinct name up once a run', async () => {
		const online = await account('Sales - Online');
		const retail = await account('Sales - Retail');
		const vendorId = await vendor('Acme Supplies');
		const before = lookups('/v3/classifications/chart-of-accounts');
		const items = ['Sales - Online', 'sales - retail', 'Sales - Online'].map((gl) => ({ gl }));
		const bills = await runBillOk(
			credentials(),
			(itemIndex) => ({
				...bill(byName('Acme Supplies'), undefined),
				invoiceNumber: `INV-${itemIndex}`,
				lineItems: {
					lineItem: [
						{
							pricedBy: 'amount',
							amount: 100,
							description: 'Sale',
							classifications: {
								chartOfAccountId: { __rl: true, mode: 'name', value: '={{ $json.gl }}' },
							},
						},
					],
				},
			}),
			{ items },
		);
		const coded = bills.map(
			(b) =>
				((b.billLineItems as IDataObject[])[0].classifications as IDataObject).chartOfAccountId,
		);
		expect(coded).toEqual([online, retail, online]);
		expect(bills.every((b) => b.vendorId === vendorId)).toBe(true);
		// Two distinct names, one list read for the run (a page of 100 holds them all).
		expect(lookups('/v3/classifications/chart-of-accounts') - before).toBe(1);
		// A second run asks BILL again (nothing is kept between runs).
		await runBillOk(credentials(), {
			...bill(byName('Acme Supplies'), byName('Sales - Online')),
			invoiceNumber: 'INV-again',
		} as INodeParameters);
		expect(lookups('/v3/classifications/chart-of-accounts') - before).toBe(2);
	});

	it('no match, or more than one, is an error naming the parameter, the item and the name; nothing is sent', async () => {
		await account('Sales - Online');
		await vendor('Twin Traders', 'a@twin.example');
		await vendor('Twin Traders', 'b@twin.example');
		const before = lookups('/v3/bills');
		const none = await runBill(credentials(), bill(byName('Nobody Inc'), byName('Sales - Online')));
		expect(none.error?.message).toBe('Vendor: no active vendor is named "Nobody Inc" [item 0]');
		const twice = await runBill(
			credentials(),
			bill(byName('Twin Traders'), byName('Sales - Online')),
		);
		expect(twice.error?.message).toBe('Vendor: 2 active vendors are named "Twin Traders" [item 0]');
		const vendorId = await vendor('Solo Supply');
		const noAccount = await runBill(credentials(), bill(byId(vendorId), byName('Sales - Onlin')));
		expect(noAccount.error?.message).toBe(
			'Line Items, line 1 → Classifications → Chart of Account: no active chart of account is named "Sales - Onlin" [item 0]',
		);
		expect(lookups('/v3/bills')).toBe(before);
	});

	it('a name given "By ID" says what kind of ID it is not, and to use By Name', async () => {
		const vendorId = await vendor('Solo Supply');
		const { error } = await runBill(credentials(), bill(byId(vendorId), byId('Sales - Online')));
		expect(error?.message).toBe(
			'Line Items, line 1 → Classifications → Chart of Account: "Sales - Online" is not a BILL chart of account ID [item 0]',
		);
		expect(error?.description).toMatch(/use By Name/);
	});

	it('customers on Invoice → Create and users on User → Get, by name', async () => {
		const customerId = await make({
			resource: 'customer',
			operation: 'create',
			name: 'Lakeside Music',
			email: 'ap@lakeside.example',
		});
		const [invoice] = await runBillOk(credentials(), {
			resource: 'invoice',
			operation: 'create',
			customerId: byName('lakeside music'),
			invoiceNumber: 'L-1',
			invoiceDate: '2026-12-01',
			dueDate: '2026-12-31',
			lineItems: { item: [{ description: 'Lessons', quantity: 1, price: 40 }] },
		} as INodeParameters);
		expect(invoice.customerId).toBe(customerId);
		const [user] = await runBillOk(credentials(), {
			resource: 'user',
			operation: 'get',
			userId: byName('ap.clerk@example.com'),
		} as INodeParameters);
		expect(user.id).toBe(emulator.fixtures.clerk.userId);
	});
});
