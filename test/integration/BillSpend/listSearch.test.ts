/**
 * The Spend & Expense lists find what the user types past the first page of 100: budgets by
 * BILL's `name` filter (sw) and by a word inside the name, users by a word inside their name.
 */
import { startEmulator, type Emulator } from '../../../emulator';
import { identity, newBudget, spendData } from '../../../emulator/routes/spendState';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { createContext } from '../../harness/context';
import { spendCredentials, spendNode } from '../../harness/spend';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
});

const search = () => spendNode.methods.listSearch;
const context = () =>
	createContext({
		node: spendNode,
		parameters: { resource: 'budget', operation: 'get' },
		credentials: spendCredentials(emulator),
	}) as never;

it('110 budgets and 110 users: a match past the first page is found, anywhere in the name', async () => {
	const data = spendData(emulator);
	const now = emulator.clock.timestamp();
	for (let n = 0; n < 110; n++)
		newBudget(data, { name: `Alpha ${String(n).padStart(3, '0')}`, limit: 10 }, now);
	const offsite = newBudget(data, { name: 'Zulu Team Offsite', limit: 10 }, now);
	for (let n = 0; n < 110; n++) {
		const user = { ...identity(), firstName: 'Al', lastName: `Pha${n}`, email: `al${n}@x.example` };
		data.users.set(String(user.uuid), {
			...user,
			retired: false,
			role: 'MEMBER',
			createdTime: now,
		});
	}
	const zoe = { ...identity(), firstName: 'Zoe', lastName: 'Quartermaine', email: 'zoe@x.example' };
	data.users.set(String(zoe.uuid), { ...zoe, retired: false, role: 'MEMBER', createdTime: now });

	const first = await search().searchBudgets.call(context());
	expect(first.results.map((r) => r.value)).not.toContain(offsite.uuid);
	expect((await search().searchBudgets.call(context(), 'offsite')).results).toEqual([
		{ name: 'Zulu Team Offsite', value: offsite.uuid },
	]);
	expect((await search().searchBudgets.call(context(), 'zulu')).results).toHaveLength(1);
	const users = await search().searchUsers.call(context(), 'quarter');
	expect(users.results.map((r) => r.value)).toEqual([zoe.uuid]);
});
