/** BILL Spend & Expense → User and Custom Field, in-process against the emulator over HTTP. */
import { startEmulator, type Emulator } from '../../../emulator';
import { spendData } from '../../../emulator/routes/spendState';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { byId, expr, runSpend, runSpendOk, spendCredentials } from '../../harness/spend';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
});

const data = () => spendData(emulator);

describe('BILL Spend & Expense: User', () => {
	it('creates (200), gets, gets the current user, lists, updates and deletes users', async () => {
		const credentials = spendCredentials(emulator);
		const [created] = await runSpendOk(credentials, {
			resource: 'user',
			operation: 'create',
			firstName: ' Clara ',
			lastName: 'Spender',
			email: 'clara@example.com',
			role: 'MEMBER',
			additionalFields: { dateOfBirth: '1990-04-20' },
		});
		expect(created).toMatchObject({
			firstName: 'Clara',
			email: 'clara@example.com',
			role: 'MEMBER',
			hasDateOfBirth: true,
		});
		const [current] = await runSpendOk(credentials, { resource: 'user', operation: 'getCurrent' });
		expect(current.role).toBe('ADMIN');
		const [got] = await runSpendOk(credentials, {
			resource: 'user',
			operation: 'get',
			userId: byId(created.uuid),
		});
		expect(got.email).toBe('clara@example.com');
		const all = await runSpendOk(credentials, {
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all).toHaveLength(4);
		const two = await runSpendOk(credentials, {
			resource: 'user',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
		});
		expect(two).toHaveLength(2);
		const [updated] = await runSpendOk(credentials, {
			resource: 'user',
			operation: 'update',
			userId: byId(created.uuid),
			updateFields: { role: 'BOOKKEEPER' },
		});
		expect(updated.role).toBe('BOOKKEEPER');
		const [deleted] = await runSpendOk(credentials, {
			resource: 'user',
			operation: 'delete',
			userId: byId(created.uuid),
		});
		expect(deleted).toEqual({ userId: created.uuid, deleted: true });
		expect(data().users.has(created.uuid as string)).toBe(false);
	});

	it('refuses bad input before sending; gives BILL its refusal of a duplicate email', async () => {
		const credentials = spendCredentials(emulator);
		const base = {
			resource: 'user',
			operation: 'create',
			firstName: 'A',
			lastName: 'B',
			email: 'a@b.co',
			role: 'MEMBER',
		};
		const cases: Array<[Record<string, unknown>, string]> = [
			[
				{ ...base, email: 'not-an-email' },
				'Email: "not-an-email" is not an email address [item 0]',
			],
			[{ ...base, firstName: expr('') }, 'First Name: is required [item 0]'],
			[
				{ ...base, additionalFields: { dateOfBirth: '20/04/1990' } },
				'Additional Fields → Date of Birth: "20/04/1990" is not a date [item 0]',
			],
			[
				{ resource: 'user', operation: 'update', userId: byId('u1'), updateFields: {} },
				'Update Fields: add at least one field to change [item 0]',
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runSpend(credentials, parameters);
			expect(error?.message).toBe(message);
		}
		// n8n itself refuses a required value left empty in the workflow, before the node runs.
		const { error: issues } = await runSpend(credentials, { ...base, firstName: '' });
		expect(issues?.message).toBe(
			`The 'BILL Spend & Expense' node has issues:\n- Parameter "First Name" is required.`,
		);
		expect(emulator.log).toHaveLength(0);
		const existing = [...data().users.values()][0];
		const { error } = await runSpend(credentials, { ...base, email: existing.email });
		expect(error?.message).toBe(
			`BILL error BDC_1002: email: a user with ${String(existing.email)} exists`,
		);
	});
});

describe('BILL Spend & Expense: Custom Field', () => {
	it('creates with values, gets, lists, updates and deletes a custom field', async () => {
		const credentials = spendCredentials(emulator);
		const [field] = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'create',
			name: 'Team offsite',
			values: ['Travel', ' Food ', 'Travel', ''],
			additionalFields: { allowCustomValues: false, description: 'Offsite costs' },
		});
		expect(field).toMatchObject({
			name: 'Team offsite',
			type: 'CUSTOM_SELECTOR',
			global: true,
			description: 'Offsite costs',
		});
		expect(
			data()
				.values.get(field.uuid as string)!
				.map((v) => v.value),
		).toEqual(['Travel', 'Food']);
		const [got] = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'get',
			customFieldId: byId(field.uuid),
		});
		expect(got.uuid).toBe(field.uuid);
		const list = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'getMany',
			returnAll: true,
		});
		expect(list.map((f) => f.uuid)).toEqual([field.uuid]);
		const [updated] = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'update',
			customFieldId: byId(field.uuid),
			updateFields: { description: 'Engineering team offsite 2026', required: true },
		});
		expect(updated).toMatchObject({ description: 'Engineering team offsite 2026', required: true });
		const [deleted] = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'delete',
			customFieldId: byId(field.uuid),
		});
		expect(deleted).toEqual({ customFieldId: field.uuid, deleted: true });
		expect(data().customFields.size).toBe(0);
	});

	it.each(['first', 'list'] as const)(
		'adds several values, one item each, whatever BILL answers (custom field values answer read %s)',
		async (reading) => {
			emulator.readings.customFieldValuesAnswer = reading;
			const credentials = spendCredentials(emulator);
			const [field] = await runSpendOk(credentials, {
				resource: 'customField',
				operation: 'create',
				name: 'Region',
				values: ['North'],
			});
			const added = await runSpendOk(credentials, {
				resource: 'customField',
				operation: 'addValues',
				customFieldId: byId(field.uuid),
				values: ['East', 'West'],
			});
			const stored = spendData(emulator).values.get(String(field.uuid))!;
			expect(added).toEqual(
				['East', 'West'].map((value) => ({
					customFieldId: field.uuid,
					...stored.find((v) => v.value === value),
				})),
			);
			expect(stored.map((v) => v.value)).toEqual(['North', 'East', 'West']);
		},
	);

	it('adds, lists, gets and removes values (a DELETE with a JSON body)', async () => {
		const credentials = spendCredentials(emulator);
		const [field] = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'create',
			name: 'Project',
			values: ['Alpha'],
		});
		const added = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'addValues',
			customFieldId: byId(field.uuid),
			values: ['Beta', 'Gamma'],
		});
		expect(added.map((v) => v.value)).toEqual(['Beta', 'Gamma']);
		expect(added.every((v) => v.customFieldId === field.uuid)).toBe(true);
		const [one] = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'addValues',
			customFieldId: byId(field.uuid),
			values: ['Delta'],
		});
		expect(one.value).toBe('Delta');
		const values = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'getManyValues',
			customFieldId: byId(field.uuid),
			returnAll: true,
		});
		expect(values.map((v) => v.value)).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta']);
		const [value] = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'getValue',
			customFieldId: byId(field.uuid),
			valueId: added[0].uuid,
		});
		expect(value.value).toBe('Beta');
		const [removed] = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'removeValues',
			customFieldId: byId(field.uuid),
			valueIds: `${String(added[0].uuid)}, ${String(added[1].uuid)}`,
		});
		expect(removed.removed).toEqual([added[0].uuid, added[1].uuid]);
		const left = await runSpendOk(credentials, {
			resource: 'customField',
			operation: 'getManyValues',
			customFieldId: byId(field.uuid),
			returnAll: true,
		});
		expect(left.map((v) => v.value)).toEqual(['Alpha', 'Delta']);
	});

	it('refuses bad input naming the parameter and the item, before anything is sent', async () => {
		const credentials = spendCredentials(emulator);
		const cases: Array<[Record<string, unknown>, string]> = [
			[
				{ resource: 'customField', operation: 'create', name: expr('') },
				'Name: is required [item 0]',
			],
			[
				{
					resource: 'customField',
					operation: 'addValues',
					customFieldId: byId('f1'),
					values: [' '],
				},
				'Values: add at least one value [item 0]',
			],
			[
				{
					resource: 'customField',
					operation: 'removeValues',
					customFieldId: byId('f1'),
					valueIds: expr(''),
				},
				'Value IDs: is required [item 0]',
			],
			[
				{
					resource: 'customField',
					operation: 'update',
					customFieldId: byId('f1'),
					updateFields: {},
				},
				'Update Fields: add at least one field to change [item 0]',
			],
			[
				{
					resource: 'customField',
					operation: 'getValue',
					customFieldId: byId(expr('')),
					valueId: 'v',
				},
				'Custom Field: is required [item 0]',
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runSpend(credentials, parameters);
			expect(error?.message).toBe(message);
		}
		// n8n itself refuses a required value left empty in the workflow, before the node runs.
		const { error: issues } = await runSpend(credentials, {
			resource: 'customField',
			operation: 'create',
			name: '',
		});
		expect(issues?.message).toBe(
			`The 'BILL Spend & Expense' node has issues:\n- Parameter "Name" is required.`,
		);
		expect(emulator.log).toHaveLength(0);
	});
});

describe('BILL Spend & Expense: searchable lists', () => {
	it('lists users, budgets, cards and custom fields for the resource locators, matched by name', async () => {
		const { createContext } = await import('../../harness/context');
		const { spendNode } = await import('../../harness/spend');
		const context = createContext({
			node: spendNode,
			parameters: { resource: 'user', operation: 'get' },
			credentials: spendCredentials(emulator),
		});
		const search = spendNode.methods.listSearch;
		const users = await search.searchUsers.call(context as never, 'clark');
		expect(users.results.map((r) => r.name)).toEqual([
			'Clark Spenderson (clark@happymusicsupplies.example)',
		]);
		const budgets = await search.searchBudgets.call(context as never);
		expect(budgets.results.map((r) => r.name).sort()).toEqual(['Marketing', 'Travel']);
		const cards = await search.searchCards.call(context as never, 'travel');
		expect(cards.results).toHaveLength(1);
		expect(cards.results[0].name).toMatch(/^Travel card \(…\d{4}\)$/);
		const fields = await search.searchCustomFields.call(context as never);
		expect(fields.results).toEqual([]);
		// Inside collections (bulk members, a transaction's custom fields), options by name.
		const options = spendNode.methods.loadOptions;
		const userOptions = await options.getUsers.call(context as never);
		expect(userOptions.map((o) => o.name)).toEqual([
			'Ada Admin (ada@happymusicsupplies.example)',
			'Bea Bookkeeper (bea@happymusicsupplies.example)',
			'Clark Spenderson (clark@happymusicsupplies.example)',
		]);
		expect((await options.getBudgets.call(context as never)).map((o) => o.name)).toEqual([
			'Marketing',
			'Travel',
		]);
		expect(await options.getCustomFields.call(context as never)).toEqual([]);
	});
});
