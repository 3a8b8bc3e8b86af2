/**
 * Spend & Expense "By Name": budgets and users given by name are looked up once a run (budgets
 * through BILL's `name` filter); no match is an error naming the parameter, the item and the name.
 */
import { startEmulator, type Emulator } from '../../../emulator';
import { spendData } from '../../../emulator/routes/spendState';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { runSpend, runSpendOk, spendCredentials } from '../../harness/spend';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
});

const byName = (value: string) => ({ __rl: true, mode: 'name', value });
const credentials = () => spendCredentials(emulator);

it('gets budgets and users by name, from an item field, each distinct name looked up once', async () => {
	const data = spendData(emulator);
	const marketing = [...data.budgets.values()].find((b) => b.name === 'Marketing');
	const clark = [...data.users.values()].find((u) => u.firstName === 'Clark');
	const items = [{ budget: 'Marketing' }, { budget: 'marketing' }, { budget: 'Marketing' }];
	const before = emulator.log.filter(
		(e) => e.route === '/v3/spend/budgets' && e.method === 'GET',
	).length;
	const budgets = await runSpendOk(
		credentials(),
		{ resource: 'budget', operation: 'get', budgetId: byName('={{ $json.budget }}') },
		{ items },
	);
	expect(budgets.map((b) => b.uuid)).toEqual([marketing?.uuid, marketing?.uuid, marketing?.uuid]);
	const lookups = emulator.log.filter(
		(e) => e.route === '/v3/spend/budgets' && e.method === 'GET',
	).length;
	expect(lookups - before).toBe(1);
	const [user] = await runSpendOk(credentials(), {
		resource: 'user',
		operation: 'get',
		userId: byName('Clark Spenderson'),
	});
	expect(user.uuid).toBe(clark?.uuid);
});

it('no budget of that name is an error naming the parameter, the item and the name', async () => {
	const { error } = await runSpend(credentials(), {
		resource: 'budget',
		operation: 'get',
		budgetId: byName('Nope Budget'),
	});
	expect(error?.message).toBe('Budget: no active budget is named "Nope Budget" [item 0]');
	const named = await runSpend(credentials(), {
		resource: 'budget',
		operation: 'get',
		budgetId: { __rl: true, mode: 'id', value: '={{ "Marketing Team" }}' },
	});
	expect(named.error?.description).toMatch(/use By Name/);
});
