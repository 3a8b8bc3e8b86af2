/** Classification resource, in-process against the emulator: every operation and refusal, over the seven types. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { searchClassifications } from '../../../nodes/Bill/listSearch/classifications';
import { startEmulator, type Emulator } from '../../../emulator';
import { setBulkReading, storedClassifications } from '../../../emulator/routes/classifications';
import { loadOptionsContext } from '../../harness/context';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	setBulkReading(emulator, 'atomic');
});

const stored = () => [...storedClassifications(emulator.state).values()];
const sent = (route: RegExp | string, method?: string) =>
	emulator.requests({ route, method }).length;

const create = (classificationType: string, fields: IDataObject): INodeParameters => ({
	resource: 'classification',
	operation: 'create',
	classificationType,
	...fields,
});

describe('Classification: create', () => {
	it.each([
		[
			'chartOfAccount',
			{ name: 'Rent', accountType: 'EXPENSE', additionalFields: { accountNumber: '6100' } },
			{ name: 'Rent', account: { type: 'EXPENSE', number: '6100' } },
			/^0ca/,
		],
		[
			'accountingClass',
			{ name: 'Retail', additionalFields: { shortName: 'RT' } },
			{ name: 'Retail', shortName: 'RT' },
			/^cls/,
		],
		[
			'department',
			{ name: 'Sales', additionalFields: { description: 'West' } },
			{ name: 'Sales', description: 'West' },
			/^0de/,
		],
		[
			'employee',
			{ firstName: 'Ada', lastName: 'Lovelace' },
			{ firstName: 'Ada', lastName: 'Lovelace' },
			/^emp/,
		],
		[
			'item',
			{
				name: 'Sales tax',
				itemType: 'SALES_TAX',
				additionalFields: { percentage: 7.25, taxable: true },
			},
			{ name: 'Sales tax', type: 'SALES_TAX', percentage: 7.25, taxable: true },
			/^0ii/,
		],
		['job', { name: 'Kitchen remodel' }, { name: 'Kitchen remodel' }, /^job/],
		['location', { name: 'Main St' }, { name: 'Main St' }, /^loc/],
	])('creates a %s with its fields as BILL has them', async (type, fields, expected, prefix) => {
		const credentials = billCredentials(emulator);
		const [made] = await runBillOk(credentials, create(type, fields));
		expect(made.id).toMatch(prefix);
		expect(made).toMatchObject({ ...expected, alreadyExisted: false });
		expect(stored()).toHaveLength(1);
	});

	it('creates nothing twice: a re-run and a repeated name in one run return the existing one', async () => {
		const credentials = billCredentials(emulator);
		const items = [{ name: 'Rent' }, { name: ' rent ' }, { name: 'Utilities' }];
		const first = await runBillOk(
			credentials,
			(_i, json) => create('chartOfAccount', { name: json.name, accountType: 'EXPENSE' }),
			{ items },
		);
		expect(first.map((o) => o.alreadyExisted)).toEqual([false, true, false]);
		expect(first[1].id).toBe(first[0].id);
		const again = await runBillOk(
			credentials,
			(_i, json) => create('chartOfAccount', { name: json.name, accountType: 'EXPENSE' }),
			{ items },
		);
		expect(again.map((o) => o.alreadyExisted)).toEqual([true, true, true]);
		expect(stored()).toHaveLength(2);
		expect(sent('/v3/classifications/chart-of-accounts', 'POST')).toBe(2);
		// One lookup per run, shared by the items.
		expect(sent('/v3/classifications/chart-of-accounts', 'GET')).toBe(2);
	});

	it('matches an employee by first and last name; an archived one does not count', async () => {
		const credentials = billCredentials(emulator);
		const [ada] = await runBillOk(
			credentials,
			create('employee', { firstName: 'Ada', lastName: 'Lovelace' }),
		);
		await runBillOk(credentials, {
			resource: 'classification',
			operation: 'archive',
			classificationType: 'employee',
			classificationId: byId(ada.id as string),
		});
		const [again] = await runBillOk(
			credentials,
			create('employee', { firstName: 'ada', lastName: 'LOVELACE' }),
		);
		expect(again.alreadyExisted).toBe(false);
		expect(again.id).not.toBe(ada.id);
	});

	it('with "Skip Existing Names" off, sends the create without looking', async () => {
		const credentials = billCredentials(emulator);
		await runBillOk(credentials, create('job', { name: 'A', skipExisting: false }));
		await runBillOk(credentials, create('job', { name: 'A', skipExisting: false }));
		expect(stored()).toHaveLength(2);
		expect(sent('/v3/classifications/jobs', 'GET')).toBe(0);
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const credentials = billCredentials(emulator);
		const cases: Array<[INodeParameters, RegExp]> = [
			[create('department', { name: expr('  ') }), /^Name: is required \[item 0\]/],
			[
				create('item', { name: 'X', itemType: 'SALES_TAX', additionalFields: { price: 'ten' } }),
				/^Price: "ten" is not a number \[item 0\]/,
			],
			[
				create('department', { name: 'X', additionalFields: { parentId: '0ca02ABCDEFGHIJKLMNO' } }),
				/^Parent: .*not a BILL department ID \[item 0\]/,
			],
			[
				create('chartOfAccount', { name: 'X', accountType: expr('not a type') }),
				/^Account Type: "not a type" is not a type BILL knows \[item 0\]/,
			],
			[
				create('item', {
					name: 'X',
					itemType: 'INVENTORY',
					additionalFields: { chartOfAccountId: 'cls02ABCDEFGHIJKLMNO' },
				}),
				/^Income Chart of Account: /,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials, parameters);
			expect(error?.message).toMatch(message);
		}
		expect(sent(/classifications/)).toBe(0);
	});

	it("gives BILL's code and message when BILL refuses, and goes on with Continue On Fail", async () => {
		const credentials = billCredentials(emulator);
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'name: too long',
			method: 'POST',
			path: '/v3/classifications/jobs',
		});
		const { output } = await runBill(
			credentials,
			(_i, json) => create('job', { name: json.name, skipExisting: false }),
			{ items: [{ name: 'A' }, { name: 'B' }], continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/name: too long/);
		expect(JSON.stringify(output[0].json)).toContain('BDC_1002');
		expect(output[1].json.name).toBe('B');
	});
});

describe('Classification: get, update, archive, restore, list', () => {
	it('gets, updates, archives and restores one', async () => {
		const credentials = billCredentials(emulator);
		const [made] = await runBillOk(credentials, create('location', { name: 'Main St' }));
		const id = made.id as string;
		const op = (operation: string, extra: IDataObject = {}) =>
			runBillOk(credentials, {
				resource: 'classification',
				operation,
				classificationType: 'location',
				classificationId: byId(id),
				...extra,
			});
		expect((await op('get'))[0].name).toBe('Main St');
		const [updated] = await op('update', { updateFields: { description: 'Flagship' } });
		expect(updated).toMatchObject({ name: 'Main St', description: 'Flagship' });
		expect((await op('archive'))[0].archived).toBe(true);
		expect((await op('restore'))[0].archived).toBe(false);
		// A saved workflow may hold the ID as plain text, as before a locator: it still works.
		const [plain] = await runBillOk(credentials, {
			resource: 'classification',
			operation: 'get',
			classificationType: 'location',
			classificationId: id,
		});
		expect(plain.id).toBe(id);
	});

	it("refuses an ID of another type, an empty update, and shows BILL's not-found", async () => {
		const credentials = billCredentials(emulator);
		const base = { resource: 'classification', classificationType: 'department' };
		const wrong = await runBill(credentials, {
			...base,
			operation: 'get',
			classificationId: byId('0ca02ABCDEFGHIJKLMNO'),
		});
		expect(wrong.error?.message).toMatch(/^Classification: .* \[item 0\]/);
		expect(wrong.error?.description).toMatch(/start with 0de/);
		const empty = await runBill(credentials, {
			...base,
			operation: 'update',
			classificationId: byId('0de02ABCDEFGHIJKLMNO'),
		});
		expect(empty.error?.message).toMatch(/^Update Fields: add at least one field/);
		expect(sent(/classifications/)).toBe(0);
		const missing = await runBill(credentials, {
			...base,
			operation: 'get',
			classificationId: byId('0de02ABCDEFGHIJKLMNO'),
		});
		expect(missing.error?.message).toMatch(/Department not found/);
		expect(JSON.stringify(missing.error)).toContain('BDC_1121');
	});

	it('lists with a limit, Return All, the archived filter and a sort', async () => {
		const credentials = billCredentials(emulator);
		await runBillOk(
			credentials,
			(i) =>
				create('employee', {
					firstName: `F${i}`,
					lastName: `L${String(i).padStart(3, '0')}`,
					skipExisting: false,
				}),
			{ items: Array.from({ length: 105 }, () => ({})) },
		);
		const list = (extra: IDataObject) =>
			runBillOk(credentials, {
				resource: 'classification',
				operation: 'getMany',
				classificationType: 'employee',
				...extra,
			});
		expect(await list({ returnAll: false, limit: 5 })).toHaveLength(5);
		const all = await list({
			returnAll: true,
			sort: { sortBy: { field: 'lastName', direction: 'desc' } },
		});
		expect(all).toHaveLength(105);
		expect(all[0].lastName).toBe('L104');
		expect(await list({ returnAll: true, filters: { archived: true } })).toHaveLength(0);
	});

	it('searches the chosen type by name, number or ID, active ones only', async () => {
		const credentials = billCredentials(emulator);
		const made = await runBillOk(
			credentials,
			(_i, json) =>
				create('chartOfAccount', {
					name: json.name,
					accountType: 'EXPENSE',
					additionalFields: { accountNumber: json.number },
				}),
			{
				items: [
					{ name: 'Rent', number: '6100' },
					{ name: 'Utilities', number: '6200' },
					{ name: 'Old rent', number: '6199' },
				],
			},
		);
		await runBillOk(credentials, {
			resource: 'classification',
			operation: 'archive',
			classificationType: 'chartOfAccount',
			classificationId: byId(made[2].id as string),
		});
		const context = loadOptionsContext({
			node: billNode,
			parameters: {
				resource: 'classification',
				operation: 'get',
				classificationType: 'chartOfAccount',
			},
			credentials,
		});
		expect((await searchClassifications.call(context, 'rent')).results).toEqual([
			{ name: '6100 · Rent', value: made[0].id },
		]);
		expect((await searchClassifications.call(context, '6200')).results).toHaveLength(1);
		expect((await searchClassifications.call(context)).results).toHaveLength(2);
	});
});

describe('Classification: Many operations', () => {
	const createMany = (extra: IDataObject = {}) => ({
		resource: 'classification',
		operation: 'createMany',
		classificationType: 'department',
		name: '={{ $json.name }}',
		...extra,
	});

	it('creates 120 in requests of 50, and a re-run creates nothing twice', async () => {
		const credentials = billCredentials(emulator);
		const items = Array.from({ length: 120 }, (_, i) => ({ name: `Dept ${i}` }));
		const out = await runBillOk(credentials, createMany(), { items });
		expect(out).toHaveLength(120);
		expect(out.every((o, i) => o.name === `Dept ${i}` && o.alreadyExisted === false)).toBe(true);
		expect(sent('/v3/classifications/departments/bulk')).toBe(3);
		const again = await runBillOk(credentials, createMany(), { items });
		expect(again.every((o) => o.alreadyExisted === true)).toBe(true);
		expect(sent('/v3/classifications/departments/bulk')).toBe(3);
		expect(stored()).toHaveLength(120);
	});

	it("takes BILL's JSON, one or an array per item, and checks it before sending", async () => {
		const credentials = billCredentials(emulator);
		const out = await runBillOk(
			credentials,
			createMany({
				classificationType: 'employee',
				classificationsInput: 'json',
				classificationsJson: '={{ JSON.stringify($json.people) }}',
			}),
			{
				items: [
					{
						people: [
							{ firstName: 'Ada', lastName: 'L' },
							{ firstName: 'Alan', lastName: 'T' },
						],
					},
					{ people: { firstName: 'Grace', lastName: 'H' } },
				],
			},
		);
		expect(out.map((o) => o.firstName)).toEqual(['Ada', 'Alan', 'Grace']);
		const { error } = await runBill(
			credentials,
			createMany({
				classificationsInput: 'json',
				classificationsJson: '[{"description": "no name"}]',
			}),
		);
		expect(error?.message).toMatch(/^Classifications \(JSON\): needs "name" \[item 0\]/);
	});

	it('with Continue On Fail: a bad item gets its error; a refused request fails its own 50 only', async () => {
		const credentials = billCredentials(emulator);
		const items = Array.from({ length: 60 }, (_, i) => ({ name: i === 3 ? '' : `D${i}` }));
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'name: duplicate',
			method: 'POST',
			path: '/v3/classifications/departments/bulk',
			times: 1,
		});
		const { output } = await runBill(
			credentials,
			createMany({ name: '={{ $json.name || " " }}' }),
			{ items, continueOnFail: true },
		);
		expect(output).toHaveLength(60);
		expect(output[3].json.error).toMatch(/Name: is required \[item 3\]/);
		const failed = output.filter((o) => /BILL refused the bulk create/.test(String(o.json.error)));
		const created = output.filter((o) => o.json.id);
		expect(failed.length + created.length).toBe(59);
		expect(failed.length).toBeGreaterThan(0);
		expect(output.map((o) => o.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	});

	it('under the partial reading of bulk calls, one BILL leaves out gets an error saying to check', async () => {
		setBulkReading(emulator, 'partial');
		const credentials = billCredentials(emulator);
		const { output } = await runBill(
			credentials,
			createMany({
				classificationsInput: 'json',
				classificationsJson: '={{ JSON.stringify($json.d) }}',
				skipExisting: false,
			}),
			{
				items: [{ d: [{ name: 'Good' }, { name: 'Bad', parentId: '0de02ABCDEFGHIJKLMNO' }] }],
				continueOnFail: true,
			},
		);
		expect(output[0].json.name).toBe('Good');
		expect(output[1].json.error).toMatch(/without this one; check in BILL/);
	});

	it('without Continue On Fail, says which items were created when a request fails', async () => {
		const credentials = billCredentials(emulator);
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'refused',
			method: 'POST',
			path: '/v3/classifications/departments/bulk',
			times: 1,
		});
		const { error } = await runBill(credentials, createMany(), {
			items: Array.from({ length: 51 }, (_, i) => ({ name: `D${i}` })),
		});
		expect(error?.message).toMatch(/BILL refused the bulk create of items? /);
		expect(error?.description ?? '').toMatch(/The departments of items? [0-9–, ]+ were done\./);
	});

	it('updates many by ID in one request, from fields or JSON', async () => {
		const credentials = billCredentials(emulator);
		const made = await runBillOk(credentials, createMany(), {
			items: [{ name: 'A' }, { name: 'B' }],
		});
		const out = await runBillOk(
			credentials,
			{
				resource: 'classification',
				operation: 'updateMany',
				classificationType: 'department',
				classificationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { description: '={{ "new " + $json.name }}' },
			},
			{ items: made },
		);
		expect(out.map((o) => o.description)).toEqual(['new A', 'new B']);
		expect(sent('/v3/classifications/departments/bulk', 'PATCH')).toBe(1);
		const { error } = await runBill(credentials, {
			resource: 'classification',
			operation: 'updateMany',
			classificationType: 'department',
			classificationsInput: 'json',
			classificationsJson: '[{"id": "cls02ABCDEFGHIJKLMNO", "name": "X"}]',
		});
		expect(error?.message).toMatch(/^Classifications \(JSON\) → id: .*\[item 0\]/);
	});

	it('archives and restores many with one request of ids, a repeated ID once', async () => {
		const credentials = billCredentials(emulator);
		const made = await runBillOk(credentials, createMany(), {
			items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
		});
		const many = (operation: string, items: IDataObject[]) =>
			runBillOk(
				credentials,
				{
					resource: 'classification',
					operation,
					classificationType: 'department',
					classificationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				},
				{ items },
			);
		const archived = await many('archiveMany', [...made, made[0]]);
		expect(archived.map((o) => [o.id, o.archived])).toEqual(
			[...made, made[0]].map((o) => [o.id, true]),
		);
		expect(sent('/v3/classifications/departments/bulk/archive')).toBe(1);
		expect(stored().every((o) => o.archived === true)).toBe(true);
		const restored = await many('restoreMany', made.slice(0, 2));
		expect(restored.every((o) => o.archived === false)).toBe(true);
		expect(stored().filter((o) => o.archived === false)).toHaveLength(2);
	});
});
