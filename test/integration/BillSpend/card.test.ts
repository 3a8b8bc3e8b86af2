/** BILL Spend & Expense → Card, in-process against the emulator over HTTP. */
import { startEmulator, type Emulator } from '../../../emulator';
import { spendData } from '../../../emulator/routes/spendState';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { queriesSent } from '../../harness/queries';
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
const member = () => [...data().users.values()].find((u) => u.role === 'MEMBER')!;
const budget = () => [...data().budgets.values()][0];

async function createCard(name = 'Google Ads') {
	const [card] = await runSpendOk(spendCredentials(emulator), {
		resource: 'card',
		operation: 'create',
		name,
		userId: byId(member().uuid),
		budgetId: byId(budget().uuid),
		cardLimit: 250,
	});
	return card;
}

describe('BILL Spend & Expense: Card', () => {
	it('creates a card with the body Postman shows (BILL answers 200), never a card number', async () => {
		const card = await createCard();
		expect(card).toMatchObject({
			name: 'Google Ads',
			userUuid: member().uuid,
			budgetUuid: budget().uuid,
			currentPeriod: expect.objectContaining({ limit: 250 }),
		});
		expect(JSON.stringify(card)).not.toMatch(/\b\d{13,19}\b/);
		expect(emulator.requests({ method: 'POST', route: '/v3/spend/cards' })[0].status).toBe(200);
	});

	it('gets, lists by budget and user, updates, freezes, unfreezes and deletes a card', async () => {
		const credentials = spendCredentials(emulator);
		const card = await createCard();
		const [got] = await runSpendOk(credentials, {
			resource: 'card',
			operation: 'get',
			cardId: byId(card.uuid),
		});
		expect(got.uuid).toBe(card.uuid);
		const onBudget = await runSpendOk(credentials, {
			resource: 'card',
			operation: 'getMany',
			returnAll: true,
			filters: { budgetIds: String(budget().uuid), userIds: String(member().uuid) },
		});
		expect(onBudget.map((c) => c.name).sort()).toEqual(['Ads card', 'Google Ads']);
		const byCard = await runSpendOk(credentials, {
			resource: 'card',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			filters: { cardIds: String(card.uuid) },
		});
		expect(byCard.map((c) => c.uuid)).toEqual([card.uuid]);
		const [updated] = await runSpendOk(credentials, {
			resource: 'card',
			operation: 'update',
			cardId: byId(card.uuid),
			updateFields: { cardLimit: 120, name: 'Ads' },
		});
		expect(updated).toMatchObject({
			name: 'Ads',
			currentPeriod: expect.objectContaining({ limit: 120 }),
		});
		const [frozen] = await runSpendOk(credentials, {
			resource: 'card',
			operation: 'freeze',
			cardId: byId(card.uuid),
		});
		expect(frozen.status).toBe('FROZEN');
		const [again] = await runSpendOk(credentials, {
			resource: 'card',
			operation: 'freeze',
			cardId: byId(card.uuid),
		});
		expect(again.status).toBe('FROZEN');
		const [thawed] = await runSpendOk(credentials, {
			resource: 'card',
			operation: 'unfreeze',
			cardId: byId(card.uuid),
		});
		expect(thawed.status).not.toBe('FROZEN');
		const [deleted] = await runSpendOk(credentials, {
			resource: 'card',
			operation: 'delete',
			cardId: byId(card.uuid),
			reason: 'LOST',
		});
		expect(deleted).toEqual({ cardId: card.uuid, deleted: true, reason: 'LOST' });
		expect(data().cards.get(card.uuid as string)!.deletedReason).toBe('LOST');
		const { error } = await runSpend(credentials, {
			resource: 'card',
			operation: 'get',
			cardId: byId(card.uuid),
		});
		expect(error?.httpCode).toBe('404');
	});

	it('sends a freeze again after a lost answer (it lands in the same state), but never a create', async () => {
		const credentials = spendCredentials(emulator);
		const card = await createCard();
		emulator.addFault({
			method: 'POST',
			path: `/v3/spend/cards/${String(card.uuid)}/freeze`,
			kind: 'resetAfter',
		});
		const [frozen] = await runSpendOk(credentials, {
			resource: 'card',
			operation: 'freeze',
			cardId: byId(card.uuid),
		});
		expect(frozen.status).toBe('FROZEN');
		expect(emulator.requests({ method: 'POST', route: /freeze/ })).toHaveLength(2);
		emulator.addFault({ method: 'POST', path: '/v3/spend/cards', kind: 'status', status: 502 });
		const { error } = await runSpend(credentials, {
			resource: 'card',
			operation: 'create',
			name: 'Once',
			userId: byId(member().uuid),
			budgetId: byId(budget().uuid),
			cardLimit: 1,
		});
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(error?.description).toMatch(/Look for a card named "Once"/);
		expect(emulator.requests({ method: 'POST', route: '/v3/spend/cards' })).toHaveLength(2);
	});

	it('refuses bad input naming the parameter and the item, before anything is sent', async () => {
		const credentials = spendCredentials(emulator);
		const base = {
			resource: 'card',
			operation: 'create',
			name: 'X',
			userId: byId('u-1'),
			budgetId: byId('b-1'),
			cardLimit: 10,
		};
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ ...base, name: expr('') }, 'Name: is required [item 0]'],
			[{ ...base, userId: byId(expr('')) }, 'User: is required [item 0]'],
			[
				{ ...base, budgetId: byId(expr('no such/budget')) },
				'Budget: "no such/budget" is not a BILL Spend & Expense ID [item 0]',
			],
			[{ ...base, cardLimit: 'ten' }, 'Card Limit: "ten" is not a number [item 0]'],
			[
				{ resource: 'card', operation: 'update', cardId: byId('c-1'), updateFields: {} },
				'Update Fields: add at least one field to change [item 0]',
			],
			[
				{ resource: 'card', operation: 'freeze', cardId: byId(expr('')) },
				'Card: is required [item 0]',
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

	it("Get Many sends BILL's card filters (budgetIds, userIds, status, types) and sort (lastFour)", async () => {
		const a = await createCard('Ads card');
		const b = await createCard('Google Ads');
		let cards: Awaited<ReturnType<typeof runSpendOk>> = [];
		const [sent] = await queriesSent(emulator, async () => {
			cards = await runSpendOk(spendCredentials(emulator), {
				resource: 'card',
				operation: 'getMany',
				returnAll: true,
				filters: {
					budgetIds: String(budget().uuid),
					userIds: String(member().uuid),
					status: 'ACTIVATED',
					types: ['VIRTUAL_VENDOR'],
				},
				sort: 'lastFour:asc',
			});
		});
		const uuids = [budget().uuid, member().uuid].map(String);
		expect(sent.query).toEqual({
			filters: `budgetIds:in:"${uuids[0]}",userIds:in:"${uuids[1]}",status:eq:ACTIVATED,types:in:"VIRTUAL_VENDOR"`,
			sort: 'lastFour:asc',
			max: '100',
		});
		const expected = [...data().cards.values()]
			.filter((c) => c.budgetUuid === budget().uuid && c.userUuid === member().uuid)
			.filter((c) => c.status === 'ACTIVATED' && !c.deletedReason)
			.sort((x, y) => String(x.lastFour).localeCompare(String(y.lastFour)));
		expect(expected.map((c) => c.uuid)).toEqual(expect.arrayContaining([a.uuid, b.uuid]));
		expect(cards.map((c) => c.uuid)).toEqual(expected.map((c) => c.uuid));
	});

	it("gives BILL's error with its code and message", async () => {
		const { error } = await runSpend(spendCredentials(emulator), {
			resource: 'card',
			operation: 'create',
			name: 'X',
			userId: byId('3fa85f64-5717-4562-b3fc-2c963f66afa6'),
			budgetId: byId(budget().uuid),
			cardLimit: 10,
		});
		expect(error?.message).toBe(
			'BILL error BDC_1002: userId: no such user 3fa85f64-5717-4562-b3fc-2c963f66afa6',
		);
		expect(error?.context?.billCode).toBe('BDC_1002');
		expect(error?.httpCode).toBe('400');
	});
});
