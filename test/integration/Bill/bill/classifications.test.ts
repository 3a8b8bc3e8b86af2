/**
 * A bill's classifications (of its lines and of the whole bill) picked from searchable lists by
 * name, by ID, or as saved workflows hold them from before the lists: plain ID strings.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import * as lists from '../../../../nodes/Bill/listSearch/classifications';
import { startEmulator, type Emulator } from '../../../../emulator';
import type { Json } from '../../../../emulator/state';
import { loadOptionsContext } from '../../../harness/context';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = () => billCredentials(emulator);

async function make(type: string, fields: IDataObject): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'classification',
		operation: 'create',
		classificationType: type,
		...fields,
	});
	return made.id as string;
}

async function vendor(): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'vendor',
		operation: 'create',
		name: 'Landlord LLC',
		accountType: 'BUSINESS',
		email: 'rent@landlord.example',
		phone: '1',
	});
	return made.id as string;
}

const listed = (value: string, name: string) => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName: name,
});

const bill = (vendorId: string, line: IDataObject, billLevel?: IDataObject): INodeParameters =>
	({
		resource: 'bill',
		operation: 'create',
		vendorId: byId(vendorId),
		invoiceNumber: 'R-2026-12',
		invoiceDate: '2026-12-01',
		dueDate: '2026-12-05',
		lineItemsInput: 'fields',
		lineItems: { lineItem: [{ pricedBy: 'amount', amount: 2500, description: 'Rent', ...line }] },
		...(billLevel ? { additionalFields: { classifications: billLevel } } : {}),
	}) as INodeParameters;

describe('Bill classifications picked by name', () => {
	it('sends the IDs of classifications picked from the lists, on the line and on the bill', async () => {
		const rent = await make('chartOfAccount', { name: 'Rent', accountType: 'EXPENSE' });
		const job = await make('job', { name: 'Store 7' });
		const employee = await make('employee', { firstName: 'Ada', lastName: 'Lovelace' });
		const department = await make('department', { name: 'Retail' });
		const [created] = await runBillOk(
			credentials(),
			bill(
				await vendor(),
				{
					classifications: {
						chartOfAccountId: listed(rent, 'Rent'),
						jobId: listed(job, 'Store 7'),
						employeeId: byId(employee),
					},
				},
				{ departmentId: listed(department, 'Retail') },
			),
		);
		const stored = emulator.state.bills.get(created.id as string)!;
		expect((stored.billLineItems as Json[])[0].classifications).toEqual({
			chartOfAccountId: rent,
			jobId: job,
			employeeId: employee,
		});
		expect(stored.classifications).toEqual({ departmentId: department });
	});

	it('takes plain ID strings, as workflows saved before the lists hold them', async () => {
		const rent = await make('chartOfAccount', { name: 'Rent', accountType: 'EXPENSE' });
		const [created] = await runBillOk(
			credentials(),
			bill(
				await vendor(),
				{ classifications: { chartOfAccountId: rent } },
				{
					locationId: 'loc02ABCDEFGHIJKLMNO',
				},
			),
		);
		const stored = emulator.state.bills.get(created.id as string)!;
		expect((stored.billLineItems as Json[])[0].classifications).toEqual({ chartOfAccountId: rent });
		expect(stored.classifications).toEqual({ locationId: 'loc02ABCDEFGHIJKLMNO' });
	});

	it('leaves out a classification added but not picked, and refuses one of another type', async () => {
		const vendorId = await vendor();
		const [created] = await runBillOk(
			credentials(),
			bill(vendorId, {
				classifications: { chartOfAccountId: { __rl: true, mode: 'list', value: '' } },
			}),
		);
		expect(
			(emulator.state.bills.get(created.id as string)!.billLineItems as Json[])[0].classifications,
		).toBeUndefined();
		const before = emulator.requests({ method: 'POST', route: '/v3/bills' }).length;
		const { error } = await runBill(
			credentials(),
			bill(vendorId, {
				classifications: { jobId: { __rl: true, mode: 'id', value: expr('0de02ABCDEFGHIJKLMNO') } },
			}),
		);
		expect(error?.message).toMatch(
			/^Line Items, line 1 → Classifications → Job: "0de02ABCDEFGHIJKLMNO" is not a BILL .*\[item 0\]$/,
		);
		expect(error?.description).toMatch(/must start with job/);
		expect(emulator.requests({ method: 'POST', route: '/v3/bills' }).length).toBe(before);
	});

	it('lists each type by name, number or ID, without archived ones', async () => {
		const rent = await make('chartOfAccount', {
			name: 'Rent',
			accountType: 'EXPENSE',
			additionalFields: { accountNumber: '6100' },
		});
		await make('chartOfAccount', { name: 'Utilities', accountType: 'EXPENSE' });
		const ada = await make('employee', { firstName: 'Ada', lastName: 'Lovelace' });
		const old = await make('item', { name: 'Old item', itemType: 'INVENTORY' });
		await runBillOk(credentials(), {
			resource: 'classification',
			operation: 'archive',
			classificationType: 'item',
			classificationId: byId(old),
		});
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'bill', operation: 'create' },
			credentials: credentials(),
		});
		expect((await lists.searchChartOfAccounts.call(context, '6100')).results).toEqual([
			{ name: '6100 · Rent', value: rent },
		]);
		expect((await lists.searchEmployees.call(context, 'love')).results).toEqual([
			{ name: 'Ada Lovelace', value: ada },
		]);
		expect((await lists.searchItems.call(context)).results).toEqual([]);
		for (const search of [
			lists.searchAccountingClasses,
			lists.searchDepartments,
			lists.searchJobs,
			lists.searchLocations,
		])
			expect((await search.call(context)).results).toEqual([]);
		// Customers of the AR routes (Customer → Create). The search has a space, as a random ID
		// may hold "zen".
		const customers: string[] = [];
		for (const [name, email] of [
			['Acme Retail', 'ap@acme.example'],
			['Zen Cafe', 'ap@zen.example'],
		]) {
			const [made] = await runBillOk(credentials(), {
				resource: 'customer',
				operation: 'create',
				name,
				email,
			});
			customers.push(made.id as string);
		}
		expect((await lists.searchClassificationCustomers.call(context, 'zen cafe')).results).toEqual([
			{ name: 'Zen Cafe · ap@zen.example', value: customers[1] },
		]);
	});

	it('every classification of a bill has a list method the node declares', () => {
		const methods = Object.keys(billNode.methods?.listSearch ?? {});
		const declared = JSON.stringify(billNode.description.properties).match(
			/"searchListMethod":"\w+"/g,
		);
		for (const m of new Set(declared)) expect(methods).toContain(m.split('"')[3]);
	});
});
