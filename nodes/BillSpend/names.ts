// Looking Spend & Expense objects up by name, for the "By Name" mode of the user and budget
// locators (nodes/shared/byName.ts): budgets through BILL's `name` filter (`sw`,
// https://developer.bill.com/hc/reference/budgets), users through their list (BILL documents no
// name filter for users, https://developer.bill.com/hc/reference/listusers), read once a run.

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { listMethodOf, namedParameters, type NameKind } from '../shared/byName';
import { wholeList } from '../shared/searchList';
import { SPEND_SEARCH_PAGES, spendPages } from './listPage';

const ACTIVE = 'retired:eq:false';

const BUDGETS = { path: '/v3/spend/budgets', nameOf: String, filters: ACTIVE };

/** Budgets whose name starts with the name (BILL's `sw`); the whole active list when none is it exactly. */
const budgets: NameKind = {
	key: 'spend:budget',
	kind: 'budget',
	candidates: async (context, name) => {
		const read = spendPages(context, BUDGETS);
		let found = await wholeList<IDataObject>(
			{},
			'budgets',
			async (token) => await read(token, name),
			SPEND_SEARCH_PAGES,
		);
		if (
			!found.some(
				(b) =>
					String(b.name ?? '')
						.trim()
						.toLowerCase() === name.toLowerCase(),
			)
		)
			found = await wholeList<IDataObject>(context, 'spend:budgets', read, SPEND_SEARCH_PAGES);
		return found.map((b) => ({ id: String(b.uuid ?? b.id), names: [String(b.name ?? '')] }));
	},
};

const users: NameKind = {
	key: 'spend:user',
	kind: 'user',
	candidates: async (context) =>
		(
			await wholeList<IDataObject>(
				context,
				'spend:users',
				spendPages(context, { path: '/v3/spend/users', nameOf: String, filters: ACTIVE }),
				SPEND_SEARCH_PAGES,
			)
		).map((u) => ({
			id: String(u.uuid ?? u.id),
			names: [`${String(u.firstName ?? '')} ${String(u.lastName ?? '')}`, String(u.email ?? '')],
		})),
};

/** The lists whose locators take a name, and what they name. */
export const SPEND_NAMED_LISTS: Record<string, NameKind> = {
	searchBudgets: budgets,
	searchUsers: users,
};

/** Every Spend locator with "By Name" (at any depth), and the kind it names. */
export const spendNamedLocators = (properties: INodeProperties[]): Record<string, NameKind> =>
	namedParameters(properties, (locator) => SPEND_NAMED_LISTS[listMethodOf(locator) ?? '']);
