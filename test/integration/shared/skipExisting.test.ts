/**
 * "Skip Existing …" of Vendor → Create and the Spend & Expense creates (issue 29): on for a node
 * added now (typeVersion 1.2), off for a saved node (1, 1.1) that leaves it out, and the keys each
 * create matches on.
 */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { spendData } from '../../../emulator/routes/spendState';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { billCredentials, billNode, runBill } from '../../harness/bill';
import { workflowOf } from '../../harness/n8n';
import { byId, runSpend, runSpendOk, spendCredentials, spendNode } from '../../harness/spend';
import { RERUN_CASES } from './rerunCases';
import { spendFixtures } from './rerunSpendCases';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
});

const SIX: Array<[string, INodeType]> = [
	['bill:vendor:create', billNode],
	['billSpend:reimbursement:create', spendNode],
	['billSpend:card:create', spendNode],
	['billSpend:budget:create', spendNode],
	['billSpend:user:create', spendNode],
	['billSpend:customField:create', spendNode],
];

const data = () => spendData(emulator);
const fixtures = () => spendFixtures(emulator);

describe('Skip Existing by typeVersion: on for new nodes (1.2), off for saved ones (1, 1.1)', () => {
	it.each(SIX)('%s', (id, nodeType) => {
		const [, resource, operation] = id.split(':');
		const filled = (typeVersion: number, extra: IDataObject = {}) =>
			Object.values(
				workflowOf({
					nodeType,
					node: { name: 'N', parameters: { resource, operation, ...extra }, typeVersion },
				}).nodes,
			)[0].parameters.skipExisting;
		expect(filled(1)).toBe(false);
		expect(filled(1.1)).toBe(false);
		expect(filled(1.2)).toBe(true);
		expect(filled(1.2, { skipExisting: false })).toBe(false);
		expect(filled(1.1, { skipExisting: true })).toBe(true);
	});

	it.each(SIX)(
		'%s: a saved node (1.1) creates again, as it did; a new one (1.2) does not',
		async (id) => {
			const rerunCase = RERUN_CASES[id];
			const spend = id.startsWith('billSpend');
			const parameters = rerunCase.parameters(fixtures()) as INodeParameters;
			const run = async (typeVersion: number) =>
				spend
					? await runSpend(spendCredentials(emulator), parameters, { typeVersion })
					: await runBill(billCredentials(emulator), parameters, { typeVersion });
			const json = async (typeVersion: number) => (await run(typeVersion)).output[0]?.json ?? {};
			const posts = () => emulator.requests({ method: 'POST', route: rerunCase.route.path }).length;
			expect(await json(1.2)).toMatchObject({ alreadyExisted: false });
			expect(await json(1.2)).toMatchObject({ alreadyExisted: true });
			expect(posts()).toBe(1);
			// The saved node sends the create without looking (BILL may refuse it, as the emulator
			// refuses a second active user of one email).
			expect((await json(1.1)).alreadyExisted).toBeUndefined();
			expect(posts()).toBe(2);
		},
	);
});

describe('the keys each Spend create matches on', () => {
	const reimbursement = (extra: IDataObject = {}) => ({
		...RERUN_CASES['billSpend:reimbursement:create'].parameters(fixtures()),
		...extra,
	});

	it('a reimbursement: same user, amount, merchant (ignoring case) and date is the same; another date is not', async () => {
		const credentials = spendCredentials(emulator);
		const [first] = await runSpendOk(credentials, reimbursement(), { typeVersion: 1.2 });
		const [same] = await runSpendOk(
			credentials,
			reimbursement({ merchantName: ' jasmine  THAI ', note: 'other words' }),
			{ typeVersion: 1.2 },
		);
		expect(same).toMatchObject({ uuid: first.uuid, alreadyExisted: true });
		const [otherDay] = await runSpendOk(
			credentials,
			reimbursement({ occurredDate: '2026-11-21' }),
			{
				typeVersion: 1.2,
			},
		);
		expect(otherDay).toMatchObject({ alreadyExisted: false });
		expect(otherDay.uuid).not.toBe(first.uuid);
		// Listed with BILL's documented filters only (userIds, retired).
		const lists = emulator.requests({ method: 'GET', route: '/v3/spend/reimbursements' });
		expect(lists.length).toBeGreaterThan(0);
	});

	it('a reimbursement matched by note: the reference decides, not the amount', async () => {
		const credentials = spendCredentials(emulator);
		const byNote = { matchBy: 'note', note: 'EXP-2026-0042' };
		const [first] = await runSpendOk(credentials, reimbursement(byNote), { typeVersion: 1.2 });
		const [same] = await runSpendOk(credentials, reimbursement({ ...byNote, amount: 43 }), {
			typeVersion: 1.2,
		});
		expect(same).toMatchObject({ uuid: first.uuid, alreadyExisted: true });
		const { error } = await runSpend(credentials, reimbursement({ matchBy: 'note', note: '' }), {
			typeVersion: 1.2,
		});
		expect(error?.message).toMatch(/^Note: is empty/);
	});

	it('two items of one run with one key make one object', async () => {
		const credentials = spendCredentials(emulator);
		const output = await runSpendOk(
			credentials,
			RERUN_CASES['billSpend:budget:create'].parameters(fixtures()),
			{ typeVersion: 1.2, items: [{}, {}] },
		);
		expect(output.map((o) => o.alreadyExisted).sort()).toEqual([false, true]);
		expect(emulator.requests({ method: 'POST', route: '/v3/spend/budgets' })).toHaveLength(1);
	});

	it('a card of another budget, a budget of another name, a user of another email are new', async () => {
		const credentials = spendCredentials(emulator);
		const card = RERUN_CASES['billSpend:card:create'].parameters(fixtures());
		await runSpendOk(credentials, card, { typeVersion: 1.2 });
		const otherBudget = [...data().budgets.values()][1];
		const [second] = await runSpendOk(
			credentials,
			{ ...card, budgetId: byId(otherBudget.uuid) },
			{ typeVersion: 1.2 },
		);
		expect(second.alreadyExisted).toBe(false);
		const budget = RERUN_CASES['billSpend:budget:create'].parameters(fixtures());
		await runSpendOk(credentials, budget, { typeVersion: 1.2 });
		const [longer] = await runSpendOk(
			credentials,
			{ ...budget, name: `${String(budget.name)} 2027` },
			{ typeVersion: 1.2 },
		);
		expect(longer.alreadyExisted).toBe(false);
		const user = RERUN_CASES['billSpend:user:create'].parameters({});
		const [first] = await runSpendOk(credentials, { ...user }, { typeVersion: 1.2 });
		const [sameEmail] = await runSpendOk(
			credentials,
			{ ...user, email: String(user.email).toUpperCase() },
			{ typeVersion: 1.2 },
		);
		expect(sameEmail).toMatchObject({ uuid: first.uuid, alreadyExisted: true });
	});
});

describe("names by BILL's `name:sw` under both readings of its case (docs/GUESSES.md)", () => {
	it.each(['ignoreCase', 'matchCase'] as const)(
		'%s: a re-run finds the budget and the custom field; another case is found where BILL ignores it',
		async (reading) => {
			emulator.readings.spendNameStartsWith = reading;
			const credentials = spendCredentials(emulator);
			for (const id of ['billSpend:budget:create', 'billSpend:customField:create']) {
				const parameters = RERUN_CASES[id].parameters(fixtures());
				const { path } = RERUN_CASES[id].route;
				const [first] = await runSpendOk(credentials, parameters, { typeVersion: 1.2 });
				const [again] = await runSpendOk(credentials, parameters, { typeVersion: 1.2 });
				expect([id, again.uuid, again.alreadyExisted]).toEqual([id, first.uuid, true]);
				const shouted = { ...parameters, name: String(parameters.name).toUpperCase() };
				const [other] = await runSpendOk(credentials, shouted, { typeVersion: 1.2 });
				expect([id, other.alreadyExisted]).toEqual([id, reading === 'ignoreCase']);
				const posts = emulator.requests({ method: 'POST', route: path }).length;
				expect([id, posts]).toEqual([id, reading === 'ignoreCase' ? 1 : 2]);
			}
		},
	);
});
