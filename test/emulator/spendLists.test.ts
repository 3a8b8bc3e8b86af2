/**
 * The emulator's Spend & Expense lists hold to BILL's documents (emulator/spendLists.ts): every
 * documented filter field with each of its operators, every documented sort field and the page
 * size are accepted; any other field, operator or sort is refused the way BILL refuses an
 * unknown field (400 BDC_1002). Request bodies: an unknown field or a value outside an enum is refused.
 */
import axios from 'axios';

import { startEmulator, type Emulator } from '../../emulator';
import { SPEND_FIXTURES, spendData, spendLimits } from '../../emulator/routes/spendState';
import { SPEND_LISTS, type SpendListName } from '../../emulator/spendLists';

let emulator: Emulator;
const http = axios.create({ validateStatus: () => true });

beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(async () => {
	emulator.reset();
	spendLimits(emulator, { enforce: false });
	// A custom field with values, for the lists under one.
	await send('POST', '/v3/spend/custom-fields', { name: 'Project', values: ['Apollo', 'Gemini'] });
});

const data = () => spendData(emulator);
const first = <T>(map: Map<string, T>) => [...map.values()][0];

/** The path of each list, with the ids of seeded objects. */
function pathOf(name: SpendListName): string {
	const budget = first(data().budgets);
	const field = first(data().customFields);
	const t = first(data().transactions);
	const paths: Record<SpendListName, string> = {
		transactions: '/v3/spend/transactions',
		cards: '/v3/spend/cards',
		reimbursements: '/v3/spend/reimbursements',
		budgets: '/v3/spend/budgets',
		budgetMembers: `/v3/spend/budgets/${String(budget.uuid)}/members`,
		customFields: '/v3/spend/custom-fields',
		customFieldValues: `/v3/spend/custom-fields/${String(field.uuid)}/values`,
		transactionCustomFieldValues: `/v3/spend/transactions/${String(t.uuid)}/custom-fields/${String(field.uuid)}/values`,
		users: '/v3/spend/users',
	};
	return paths[name];
}

const get = (path: string, params: Record<string, string | number>) =>
	http.get(emulator.baseUrl + path, { params, headers: { apiToken: SPEND_FIXTURES.apiToken } });

function send(method: string, path: string, body: unknown) {
	return http.request({
		method,
		url: emulator.baseUrl + path,
		data: body,
		headers: { apiToken: SPEND_FIXTURES.apiToken },
	});
}

/** A value each operator takes for a field (a time, a flag, an amount or an id). */
function valueFor(field: string, op: string): string {
	if (/Time$/.test(field)) return '2026-01-01T00:00:00.000Z';
	if (['retired', 'isBudgetGroup'].includes(field)) return 'false';
	if (['fees', 'amount'].includes(field)) return '1.00';
	return op === 'in' || op === 'nin' ? '"a,b"' : 'x';
}

const refused = (status: number, body: unknown) =>
	status === 400 && (body as Array<{ code?: string }>)[0]?.code === 'BDC_1002';

describe.each(Object.keys(SPEND_LISTS) as SpendListName[])('the %s list', (name) => {
	const list = SPEND_LISTS[name];

	it('takes every documented filter with each of its operators, and no other operator', async () => {
		const wrong: string[] = [];
		for (const [field, { ops }] of Object.entries(list.filters)) {
			for (const op of ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'sw']) {
				const r = await get(pathOf(name), { filters: `${field}:${op}:${valueFor(field, op)}` });
				const documented = (ops as string[]).includes(op);
				if (documented ? r.status !== 200 : !refused(r.status, r.data))
					wrong.push(`${field}:${op} → ${r.status}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('refuses a filter field BILL does not document', async () => {
		for (const field of ['madeUp', 'budgetId', 'userId', 'status', 'email'].filter(
			(f) => !(f in list.filters),
		)) {
			const r = await get(pathOf(name), { filters: `${field}:eq:x` });
			expect([field, refused(r.status, r.data)]).toEqual([field, true]);
		}
	});

	it('sorts by every documented field either way, and by no other', async () => {
		for (const field of Object.keys(list.sort)) {
			for (const direction of ['asc', 'desc']) {
				const r = await get(pathOf(name), { sort: `${field}:${direction}` });
				expect([field, r.status]).toEqual([field, 200]);
			}
		}
		for (const field of ['madeUp', 'createdTime', 'occurredDate'].filter(
			(f) => !(f in list.sort),
		)) {
			const r = await get(pathOf(name), { sort: field });
			expect([field, refused(r.status, r.data)]).toEqual([field, true]);
		}
	});

	it('takes max from 1 to its largest page and no more', async () => {
		expect((await get(pathOf(name), { max: 1 })).status).toBe(200);
		expect((await get(pathOf(name), { max: list.maxPage })).status).toBe(200);
		const over = await get(pathOf(name), { max: list.maxPage + 1 });
		expect(refused(over.status, over.data)).toBe(true);
	});
});

describe('what the issue found refused, BILL documents', () => {
	it('budgets: isBudgetGroup, parentBudgetId, name:sw; sorted by assigned and limit', async () => {
		const budget = first(data().budgets);
		const prefix = String(budget.name).slice(0, 3);
		const r = await get('/v3/spend/budgets', {
			filters: `isBudgetGroup:eq:false,name:sw:${prefix}`,
			sort: 'limit:desc',
		});
		expect(r.status).toBe(200);
		expect(r.data.results.map((b: { uuid: string }) => b.uuid)).toContain(budget.uuid);
		const limits = r.data.results.map(
			(b: { currentPeriod: { limit: number } }) => b.currentPeriod.limit,
		);
		expect(limits).toEqual([...limits].sort((x, y) => y - x));
		expect(
			(await get('/v3/spend/budgets', { filters: 'parentBudgetId:eq:x' })).data.results,
		).toEqual([]);
		expect((await get('/v3/spend/budgets', { sort: 'assigned' })).status).toBe(200);
	});

	it('custom fields by name; reimbursements sorted by status; cards sorted by lastFour', async () => {
		const field = first(data().customFields);
		const byName = await get('/v3/spend/custom-fields', {
			filters: `name:eq:"${String(field.name)}"`,
		});
		expect(byName.data.results.map((f: { uuid: string }) => f.uuid)).toEqual([field.uuid]);
		expect((await get('/v3/spend/reimbursements', { sort: 'status:asc' })).status).toBe(200);
		const cards = await get('/v3/spend/cards', { sort: 'lastFour:asc' });
		const lastFours = cards.data.results.map((c: { lastFour: string }) => c.lastFour);
		expect(lastFours).toEqual([...lastFours].sort());
	});

	it('a list value matches an id or a uuid ("string IDs or UUIDs")', async () => {
		const card = first(data().cards);
		for (const id of [card.id, card.uuid]) {
			const r = await get('/v3/spend/cards', { filters: `cardIds:in:"${String(id)},other"` });
			expect(r.data.results.map((c: { uuid: string }) => c.uuid)).toEqual([card.uuid]);
		}
	});

	it('a Yes/No filter takes true or false, not null or nothing', async () => {
		for (const value of ['null', '""', 'maybe']) {
			const r = await get('/v3/spend/budgets', { filters: `retired:eq:${value}` });
			expect([value, refused(r.status, r.data)]).toEqual([value, true]);
		}
	});
});

describe('request bodies', () => {
	it('an unknown field is refused', async () => {
		const budget = first(data().budgets);
		const user = first(data().users);
		const cases: Array<[string, string, Record<string, unknown>]> = [
			[
				'POST',
				'/v3/spend/users',
				{ firstName: 'A', lastName: 'B', email: 'a@b.example', role: 'MEMBER', nickname: 'x' },
			],
			[
				'POST',
				'/v3/spend/budgets',
				{ name: 'B', recurringInterval: 'NONE', owners: [user.uuid], colour: 'red' },
			],
			[
				'POST',
				'/v3/spend/cards',
				{ name: 'C', userId: user.uuid, budgetId: budget.uuid, limit: 5, pin: '1234' },
			],
			['PATCH', `/v3/spend/budgets/${String(budget.uuid)}`, { colour: 'red' }],
		];
		for (const [method, path, body] of cases) {
			const r = await send(method, path, body);
			expect([path, refused(r.status, r.data)]).toEqual([path, true]);
		}
	});

	it('a value outside an enum is refused', async () => {
		const user = first(data().users);
		const cases: Array<[string, string, Record<string, unknown>]> = [
			[
				'POST',
				'/v3/spend/users',
				{ firstName: 'A', lastName: 'B', email: 'c@b.example', role: 'BOSS' },
			],
			[
				'POST',
				'/v3/spend/budgets',
				{ name: 'B', recurringInterval: 'HOURLY', owners: [user.uuid] },
			],
			['PATCH', `/v3/spend/users/${String(user.uuid)}`, { role: 'BOSS' }],
		];
		for (const [method, path, body] of cases) {
			const r = await send(method, path, body);
			expect([path, refused(r.status, r.data)]).toEqual([path, true]);
		}
	});
});
