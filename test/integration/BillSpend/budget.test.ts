/** BILL Spend & Expense → Budget and its members, in-process against the emulator over HTTP. */
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

const users = () => [...spendData(emulator).users.values()];
const admin = () => users().find((u) => u.role === 'ADMIN')!;
const member = () => users().find((u) => u.role === 'MEMBER')!;
const bookkeeper = () => users().find((u) => u.role === 'BOOKKEEPER')!;

async function createBudget(extra: Record<string, unknown> = {}) {
	const [budget] = await runSpendOk(spendCredentials(emulator), {
		resource: 'budget',
		operation: 'create',
		name: 'Events',
		ownerId: byId(admin().uuid),
		recurringInterval: 'QUARTERLY',
		budgetLimit: 2500,
		...extra,
	});
	return budget;
}

describe('BILL Spend & Expense: Budget', () => {
	it('creates a budget (BILL answers 200) with owners, members and the checked fields', async () => {
		const budget = await createBudget({
			additionalFields: {
				description: 'Conferences',
				recurMonth: 4,
				recurringLimit: 3000,
				timezone: 'US/Eastern',
				expirationDate: '2027-03-31',
				members: `${String(member().uuid)}`,
				observers: `${String(bookkeeper().uuid)}`,
			},
		});
		expect(budget).toMatchObject({
			name: 'Events',
			recurringInterval: 'QUARTERLY',
			recurringLimit: 3000,
			timezone: 'US/Eastern',
			expirationDate: '2027-03-31',
			currentPeriod: expect.objectContaining({ limit: 2500 }),
		});
		const roles = [
			...spendData(emulator)
				.members.get(budget.uuid as string)!
				.values(),
		].map((m) => m.budgetRole);
		expect(roles.sort()).toEqual(['MEMBER', 'OBSERVER', 'OWNER']);
		expect(emulator.requests({ method: 'POST', route: '/v3/spend/budgets' })[0].status).toBe(200);
	});

	it('gets, lists (with filters and sort), updates and deletes a budget', async () => {
		const credentials = spendCredentials(emulator);
		const budget = await createBudget();
		const [got] = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'get',
			budgetId: byId(budget.uuid),
		});
		expect(got.uuid).toBe(budget.uuid);
		const all = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'getMany',
			returnAll: true,
			sort: 'name:asc',
		});
		expect(all.map((b) => b.name)).toEqual(['Events', 'Marketing', 'Travel']);
		const one = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'getMany',
			returnAll: true,
			filters: { budgetIds: `${String(budget.uuid)}`, retired: false },
		});
		expect(one.map((b) => b.uuid)).toEqual([budget.uuid]);
		const [updated] = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'update',
			budgetId: byId(budget.uuid),
			updateFields: { budgetLimit: 300, name: 'Events 2027' },
		});
		expect(updated).toMatchObject({
			name: 'Events 2027',
			currentPeriod: expect.objectContaining({ limit: 300 }),
		});
		const [deleted] = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'delete',
			budgetId: byId(budget.uuid),
		});
		expect(deleted).toEqual({ budgetId: budget.uuid, deleted: true });
		expect(spendData(emulator).budgets.has(budget.uuid as string)).toBe(false);
	});

	it('sets, gets, lists and removes members; sets many in one call', async () => {
		const credentials = spendCredentials(emulator);
		const budget = await createBudget();
		const [set] = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'setMember',
			budgetId: byId(budget.uuid),
			userId: byId(member().uuid),
			memberLimit: 150,
			recurringLimit: 100,
		});
		expect(set).toMatchObject({
			budgetId: budget.uuid,
			userUuid: member().uuid,
			limit: 150,
			recurringLimit: 100,
		});
		const [got] = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'getMember',
			budgetId: byId(budget.uuid),
			userId: byId(member().uuid),
		});
		expect(got.limit).toBe(150);
		const [bulk] = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'setMembers',
			budgetId: byId(budget.uuid),
			members: {
				member: [
					{ userId: bookkeeper().uuid, role: 'OBSERVER', memberLimit: 0 },
					{ userId: member().uuid, role: 'MEMBER', memberLimit: 75, shareBudgetFunds: true },
				],
			},
		});
		expect(bulk).toMatchObject({ budgetId: budget.uuid, members: 2, status: 'SUCCESS' });
		const list = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'getManyMembers',
			budgetId: byId(budget.uuid),
			returnAll: true,
		});
		expect(list.map((m) => m.budgetRole).sort()).toEqual(['MEMBER', 'OBSERVER', 'OWNER']);
		expect(list.find((m) => m.userUuid === member().uuid)).toMatchObject({
			limit: 75,
			shareBudgetFunds: true,
		});
		const [removed] = await runSpendOk(credentials, {
			resource: 'budget',
			operation: 'removeMember',
			budgetId: byId(budget.uuid),
			userId: byId(member().uuid),
		});
		expect(removed).toEqual({ budgetId: budget.uuid, userId: member().uuid, removed: true });
		expect(
			spendData(emulator)
				.members.get(budget.uuid as string)!
				.has(member().uuid as string),
		).toBe(false);
	});

	it('refuses bad input naming the parameter and the item, before anything is sent', async () => {
		const credentials = spendCredentials(emulator);
		const base = {
			resource: 'budget',
			operation: 'create',
			name: 'X',
			ownerId: byId(admin().uuid),
			recurringInterval: 'MONTHLY',
			budgetLimit: 10,
		};
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ ...base, name: ' ' }, 'Name: is required [item 0]'],
			[{ ...base, ownerId: byId(expr('')) }, 'Owner: is required [item 0]'],
			[{ ...base, budgetLimit: -1 }, 'Budget Limit: must not be negative [item 0]'],
			[
				{ ...base, additionalFields: { recurMonth: 3 } },
				'Additional Fields → Recur Month: applies only to a quarterly or yearly budget [item 0]',
			],
			[
				{ ...base, recurringInterval: 'YEARLY', additionalFields: { recurMonth: 13 } },
				'Additional Fields → Recur Month: must be a whole number from 1 to 12, not 13 [item 0]',
			],
			[
				{ ...base, additionalFields: { timezone: 'Pacific Time' } },
				'Additional Fields → Time Zone: "Pacific Time" is not a time zone [item 0]',
			],
			[
				{ ...base, additionalFields: { expirationDate: '31/12/2027' } },
				'Additional Fields → Expiration Date: "31/12/2027" is not a date [item 0]',
			],
			[
				{ resource: 'budget', operation: 'update', budgetId: byId('b1'), updateFields: {} },
				'Update Fields: add at least one field to change [item 0]',
			],
			[
				{ resource: 'budget', operation: 'setMembers', budgetId: byId('b1'), members: {} },
				'Members: add at least one member [item 0]',
			],
			[
				{
					resource: 'budget',
					operation: 'setMembers',
					budgetId: byId('b1'),
					members: { member: [{ userId: 'ok-1' }, { userId: 'bad id' }] },
				},
				'Members → 2 → User: "bad id" is not a BILL Spend & Expense ID [item 0]',
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runSpend(credentials, parameters);
			expect(error?.message).toBe(message);
		}
		// n8n itself refuses a required value left empty in the workflow, before the node runs.
		const { error: issues } = await runSpend(credentials, { ...base, name: '' });
		expect(issues?.message).toBe(
			`The 'BILL Spend & Expense' node has issues:\n- Parameter "Name" is required.`,
		);
		expect(emulator.log).toHaveLength(0);
	});

	it("gives BILL's refusal with its code and message, and does not repeat a create whose answer was lost", async () => {
		const credentials = spendCredentials(emulator);
		const { error } = await runSpend(credentials, {
			resource: 'budget',
			operation: 'create',
			name: 'X',
			ownerId: byId('3fa85f64-5717-4562-b3fc-2c963f66afa6'),
			recurringInterval: 'MONTHLY',
			budgetLimit: 10,
		});
		expect(error?.message).toBe(
			'BILL error BDC_1002: owners: no such user 3fa85f64-5717-4562-b3fc-2c963f66afa6',
		);
		emulator.addFault({ method: 'POST', path: '/v3/spend/budgets', kind: 'resetAfter' });
		const { error: lost } = await runSpend(credentials, {
			resource: 'budget',
			operation: 'create',
			name: 'Lost',
			ownerId: byId(admin().uuid),
			recurringInterval: 'MONTHLY',
			budgetLimit: 10,
		});
		expect(lost?.context?.outcomeUnknown).toBe(true);
		expect(lost?.description).toMatch(/Look for a budget named "Lost"/);
		expect(emulator.requests({ method: 'POST', route: /\/v3\/spend\/budgets/ })).toHaveLength(2);
		expect([...spendData(emulator).budgets.values()].filter((b) => b.name === 'Lost')).toHaveLength(
			1,
		);
	});
});
