/**
 * Classifications of invoices, credit memos and recurring invoices (of each line and of the
 * whole), picked from the classification lists by name or given by ID, as bills have them: what
 * the node sends, what the emulator keeps and returns, and what both refuse.
 */
import axios from 'axios';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { receivables } from '../../../../emulator/receivables';
import { billCredentials, billNode, byId, runBill, runBillOk } from '../../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = () => billCredentials(emulator);
const ar = () => receivables(emulator.state);

const listed = (value: string, name: string) => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName: name,
});

async function make(type: string, fields: IDataObject): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'classification',
		operation: 'create',
		classificationType: type,
		...fields,
	});
	return made.id as string;
}

async function customer(): Promise<string> {
	const [made] = await runBillOk(credentials(), {
		resource: 'customer',
		operation: 'create',
		name: 'Paperless Band',
		email: 'ap@paperless.example',
	});
	return made.id as string;
}

/** One of each type an invoice line or an invoice takes, made in the emulator. */
async function classifications() {
	return {
		sales: await make('chartOfAccount', { name: 'Sales', accountType: 'EXPENSE' }),
		item: await make('item', { name: 'Drum sticks', itemType: 'INVENTORY' }),
		job: await make('job', { name: 'Tour 2026' }),
		department: await make('department', { name: 'Retail' }),
		location: await make('location', { name: 'Store 7' }),
		accountingClass: await make('accountingClass', { name: 'Merch' }),
	};
}

const invoice = (customerId: string, line: IDataObject, whole?: IDataObject): INodeParameters =>
	({
		resource: 'invoice',
		operation: 'create',
		customerMode: 'existing',
		customerId: byId(customerId),
		invoiceNumber: 'INV-1',
		lineItems: { item: [{ description: 'Drum sticks', quantity: 2, price: 14.99, ...line }] },
		additionalFields: {
			invoiceDate: '2026-12-01',
			...(whole ? { classifications: whole } : {}),
		},
	}) as INodeParameters;

describe('Invoice, credit memo and recurring invoice classifications', () => {
	it('an invoice sends and gets back the classifications picked by name, by ID or as plain IDs; Update and Replace change them', async () => {
		const c = await classifications();
		const customerId = await customer();
		const [created] = await runBillOk(
			credentials(),
			invoice(
				customerId,
				{
					classifications: {
						chartOfAccountId: listed(c.sales, 'Sales'),
						itemId: byId(c.item),
						jobId: c.job,
					},
				},
				{ departmentId: listed(c.department, 'Retail'), locationId: c.location },
			),
		);
		const stored = ar().invoices.get(String(created.id))!;
		expect(stored.invoiceLineItems).toEqual([
			expect.objectContaining({
				description: 'Drum sticks',
				quantity: 2,
				price: 14.99,
				classifications: { chartOfAccountId: c.sales, itemId: c.item, jobId: c.job },
			}),
		]);
		expect(stored.classifications).toEqual({ departmentId: c.department, locationId: c.location });
		// BILL's answer (the node's output) carries them back.
		const lines = created.invoiceLineItems as IDataObject[];
		expect(lines[0].classifications).toEqual({
			chartOfAccountId: c.sales,
			itemId: c.item,
			jobId: c.job,
		});
		expect(created.classifications).toEqual({ departmentId: c.department, locationId: c.location });

		const id = String(created.id);
		const lineId = String(lines[0].id);
		const [updated] = await runBillOk(credentials(), {
			resource: 'invoice',
			operation: 'update',
			invoiceId: byId(id),
			updateFields: { classifications: { accountingClassId: listed(c.accountingClass, 'Merch') } },
			lineItems: {
				item: [
					{
						id: lineId,
						quantity: 2,
						price: 14.99,
						classifications: { departmentId: listed(c.department, 'Retail') },
					},
				],
			},
		});
		expect(updated.classifications).toEqual({ accountingClassId: c.accountingClass });
		expect((updated.invoiceLineItems as IDataObject[])[0].classifications).toEqual({
			departmentId: c.department,
		});
		await runBillOk(credentials(), {
			resource: 'invoice',
			operation: 'replace',
			invoiceId: byId(id),
			customerId: byId(customerId),
			invoiceNumber: 'INV-1',
			lineItems: {
				item: [
					{ description: 'Picks', quantity: 1, price: 50, classifications: { itemId: c.item } },
				],
			},
			additionalFields: { classifications: { jobId: listed(c.job, 'Tour 2026') } },
		});
		const replaced = ar().invoices.get(id)!;
		expect(replaced.classifications).toEqual({ jobId: c.job });
		expect(replaced.invoiceLineItems).toEqual([
			expect.objectContaining({ description: 'Picks', classifications: { itemId: c.item } }),
		]);
	});

	it('a credit memo (Create, Create Many, Update) and a recurring invoice (Create, Update) take them on lines and on the whole', async () => {
		const c = await classifications();
		const customerId = await customer();
		const memo = (referenceNumber: string) => ({
			customerId: byId(customerId),
			referenceNumber,
			creditDate: '2026-12-01',
			lineItems: {
				item: [
					{
						description: 'Returned sticks',
						lineType: 'priced',
						quantity: 1,
						price: 14.99,
						classifications: { chartOfAccountId: listed(c.sales, 'Sales') },
					},
				],
			},
			additionalFields: { classifications: { locationId: listed(c.location, 'Store 7') } },
		});
		const [one] = await runBillOk(credentials(), {
			resource: 'creditMemo',
			operation: 'create',
			...memo('CM-1'),
		});
		expect(one.classifications).toEqual({ locationId: c.location });
		expect((one.creditMemoLineItems as IDataObject[])[0].classifications).toEqual({
			chartOfAccountId: c.sales,
		});
		const [many] = await runBillOk(credentials(), {
			resource: 'creditMemo',
			operation: 'createMany',
			...memo('CM-2'),
		});
		expect(emulator.requests({ method: 'POST', route: '/v3/credit-memos/bulk' })).toHaveLength(1);
		expect(ar().creditMemos.get(String(many.id))).toMatchObject({
			classifications: { locationId: c.location },
			creditMemoLineItems: [{ classifications: { chartOfAccountId: c.sales } }],
		});
		await runBillOk(credentials(), {
			resource: 'creditMemo',
			operation: 'update',
			creditMemoId: byId(String(many.id)),
			updateFields: { classifications: { jobId: byId(c.job) } },
		});
		expect(ar().creditMemos.get(String(many.id))!.classifications).toEqual({ jobId: c.job });

		const [recurring] = await runBillOk(credentials(), {
			resource: 'recurringInvoice',
			operation: 'create',
			customerId: byId(customerId),
			period: 'MONTHLY',
			frequency: 1,
			nextDueDate: '2026-12-31',
			lineItems: {
				item: [
					{
						description: 'Lessons',
						quantity: 1,
						price: 80,
						classifications: { itemId: listed(c.item, 'Drum sticks') },
					},
				],
			},
			additionalFields: { classifications: { departmentId: c.department } },
		});
		expect(recurring.classifications).toEqual({ departmentId: c.department });
		const line = (recurring.recurringInvoiceLineItems as IDataObject[])[0];
		expect(line.classifications).toEqual({ itemId: c.item });
		const [changed] = await runBillOk(credentials(), {
			resource: 'recurringInvoice',
			operation: 'update',
			recurringInvoiceId: byId(String(recurring.id)),
			updateFields: { classifications: { accountingClassId: listed(c.accountingClass, 'Merch') } },
		});
		expect(changed.classifications).toEqual({ accountingClassId: c.accountingClass });
	});

	it('refuses, before anything is sent, an ID of another type, on a line and on the whole', async () => {
		const customerId = await customer();
		const { error } = await runBill(
			credentials(),
			invoice(customerId, { classifications: { jobId: byId('0de02ABCDEFGHIJKLMNO') } }),
		);
		expect(error?.message).toMatch(
			/^Line Items, line 1 → Classifications → Job: "0de02ABCDEFGHIJKLMNO" is not a BILL .*\[item 0\]$/,
		);
		const { error: whole } = await runBill(
			credentials(),
			invoice(customerId, {}, { locationId: byId('0ca02ABCDEFGHIJKLMNO') }),
		);
		expect(whole?.message).toMatch(
			/^Classifications → Location: "0ca02ABCDEFGHIJKLMNO" is not a BILL .*\[item 0\]$/,
		);
		const { error: memoError } = await runBill(credentials(), {
			resource: 'creditMemo',
			operation: 'update',
			creditMemoId: byId('ccr02ABCDEFGHIJKLMNO'),
			lineItems: {
				item: [
					{
						id: 'cli02ABCDEFGHIJKLMNO',
						lineType: 'priced',
						quantity: 1,
						price: 5,
						classifications: { itemId: byId('0ca02ABCDEFGHIJKLMNO') },
					},
				],
			},
		});
		expect(memoError?.message).toMatch(
			/^Line Items, line 1 → Classifications → Item: "0ca02ABCDEFGHIJKLMNO" is not a BILL /,
		);
		expect(emulator.requests({ method: 'POST', route: '/v3/invoices' })).toHaveLength(0);
		expect(emulator.requests({ method: 'PATCH' })).toHaveLength(0);
	});

	it('offers on these objects only the classifications BILL documents for them (no employee or customer; no account or item on the whole)', () => {
		const offered = (resource: string, operation: string, path: string[]) => {
			const property = billNode.description.properties.find(
				(p) =>
					p.name === path[0] &&
					p.displayOptions?.show?.resource?.includes(resource) &&
					p.displayOptions?.show?.operation?.includes(operation),
			);
			let options = property?.options as Array<{
				name: string;
				values?: unknown;
				options?: unknown;
			}>;
			for (const name of path.slice(1)) {
				const next = options?.find((o) => o.name === name);
				options = (next?.values ?? next?.options) as typeof options;
			}
			return (options ?? []).map((o) => o.name).sort();
		};
		const line = [
			'accountingClassId',
			'chartOfAccountId',
			'departmentId',
			'itemId',
			'jobId',
			'locationId',
		];
		const whole = ['accountingClassId', 'departmentId', 'jobId', 'locationId'];
		for (const [resource, operation, wholeAt] of [
			['invoice', 'create', 'additionalFields'],
			['invoice', 'update', 'updateFields'],
			['creditMemo', 'createMany', 'additionalFields'],
			['creditMemo', 'updateMany', 'updateFields'],
			['recurringInvoice', 'replace', 'additionalFields'],
		]) {
			expect(offered(resource, operation, ['lineItems', 'item', 'classifications'])).toEqual(line);
			expect(offered(resource, operation, [wholeAt, 'classifications'])).toEqual(whole);
		}
	});

	it('the emulator, as BILL does, refuses a classification an invoice, credit memo or recurring invoice does not have', async () => {
		const customerId = await customer();
		const f = emulator.fixtures;
		const http = axios.create({ baseURL: emulator.baseUrl, validateStatus: () => true });
		const login = await http.post('/v3/login', {
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		});
		const headers = { devKey: f.devKey, sessionId: login.data.sessionId as string };
		const refused = [
			await http.post(
				'/v3/invoices',
				{
					customer: { id: customerId },
					invoiceLineItems: [
						{ quantity: 1, price: 5, classifications: { employeeId: 'emp02ABCDEFGHIJKLMNO' } },
					],
				},
				{ headers },
			),
			await http.post(
				'/v3/credit-memos',
				{
					customerId,
					referenceNumber: 'CM-1',
					creditDate: '2026-12-01',
					creditMemoLineItems: [{ quantity: 1, price: 5 }],
					classifications: { chartOfAccountId: '0ca02ABCDEFGHIJKLMNO' },
				},
				{ headers },
			),
			await http.post(
				'/v3/recurring-invoices',
				{
					customerId,
					schedule: { period: 'MONTHLY', frequency: 1, nextDueDate: '2026-12-31' },
					recurringInvoiceLineItems: [{ quantity: 1, price: 5, classifications: { customerId } }],
				},
				{ headers },
			),
		];
		expect(refused.map((r) => [r.status, r.data[0]?.code, r.data[0]?.message])).toEqual([
			[400, 'BDC_1002', 'invoiceLineItems[0].classifications.employeeId: unknown field'],
			[400, 'BDC_1002', 'classifications.chartOfAccountId: unknown field'],
			[400, 'BDC_1002', 'recurringInvoiceLineItems[0].classifications.customerId: unknown field'],
		]);
		expect(ar().invoices.size + ar().creditMemos.size + ar().recurringInvoices.size).toBe(0);
	});

	it('every classification list these objects use is one the node declares', () => {
		const methods = Object.keys(billNode.methods?.listSearch ?? {});
		const names = (billNode.description.properties as unknown as IDataObject[])
			.filter((p) =>
				['invoice', 'creditMemo', 'recurringInvoice'].some((r) =>
					JSON.stringify(p.displayOptions ?? {}).includes(`"${r}"`),
				),
			)
			.flatMap((p) => JSON.stringify(p).match(/"searchListMethod":"search\w+"/g) ?? []);
		for (const method of ['searchChartOfAccounts', 'searchJobs', 'searchDepartments'])
			expect(names.join()).toContain(method);
		for (const m of new Set(names)) expect(methods).toContain(m.split('"')[3]);
	});
});
