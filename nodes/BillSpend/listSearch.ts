import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { type SpendList, searchPage } from './listPage';
import { partLists } from './partLists';

const ACTIVE = 'retired:eq:false';

const byName = (entry: IDataObject) => String(entry.name ?? entry.uuid);

const userName = (u: IDataObject) =>
	`${String(u.firstName ?? '')} ${String(u.lastName ?? '')} (${String(u.email ?? '')})`.trim();

/** "merchant · amount · date · status" of a transaction or reimbursement. */
const spendingName = (date: unknown) => (entry: IDataObject) =>
	[entry.merchantName ?? entry.uuid, entry.amount, String(date ?? '').slice(0, 10), entry.status]
		.filter((part) => part !== undefined && part !== null && part !== '')
		.map(String)
		.join(' · ');

/** The lists behind the node's resource locators, and how each shows its entries. */
const LISTS = {
	users: { path: '/v3/spend/users', nameOf: userName, filters: ACTIVE },
	budgets: { path: '/v3/spend/budgets', nameOf: byName, filters: ACTIVE, nameFilter: true },
	cards: {
		path: '/v3/spend/cards',
		nameOf: (c) => `${String(c.name ?? c.uuid)}${c.lastFour ? ` (…${String(c.lastFour)})` : ''}`,
	},
	customFields: {
		path: '/v3/spend/custom-fields',
		nameOf: byName,
		filters: ACTIVE,
		nameFilter: true,
	},
	/** Reimbursements not retired (Postman "Get list of reimbursements"). */
	reimbursements: {
		path: '/v3/spend/reimbursements',
		nameOf: (r) => spendingName(r.occurredDate)(r),
		filters: ACTIVE,
	},
	/**
	 * Card transactions (Postman "Get list of transactions"), 50 a page: BILL's most for this list
	 * (https://developer.bill.com/reference/listtransactions).
	 */
	transactions: {
		path: '/v3/spend/transactions',
		nameOf: (t) => spendingName(t.occurredTime ?? t.authorizedTime)(t),
		max: 50,
	},
} satisfies Record<string, SpendList>;

/** The searchable list (`searchListMethod`) of one of LISTS, a page at a time. */
function searchOf(list: SpendList) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchPage(this, list, filter, paginationToken);
	};
}

export const searchUsers = searchOf(LISTS.users);
export const searchBudgets = searchOf(LISTS.budgets);
export const searchCards = searchOf(LISTS.cards);
export const searchCustomFields = searchOf(LISTS.customFields);
export const searchReimbursements = searchOf(LISTS.reimbursements);
export const searchTransactions = searchOf(LISTS.transactions);

/** Searchable lists behind the node's resource locators (`searchListMethod`). */
export const listSearch = {
	searchBudgets,
	searchCards,
	searchCustomFields,
	searchUsers,
	searchReimbursements,
	searchTransactions,
	...partLists,
};

/** Up to 500 entries (5 pages) of a list, for the options of a field inside a collection. */
async function optionsOf(
	context: ILoadOptionsFunctions,
	list: SpendList,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let token: string | undefined;
	for (let page = 0; page < 5; page++) {
		const found = await searchPage(context, list, undefined, token);
		options.push(...found.results.map((r) => ({ name: r.name, value: r.value })));
		token = found.paginationToken as string | undefined;
		if (!token) break;
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/** Options (by name) where a user, budget or custom field is picked inside a collection. */
export const loadOptions = {
	async getUsers(this: ILoadOptionsFunctions) {
		return await optionsOf(this, LISTS.users);
	},
	async getBudgets(this: ILoadOptionsFunctions) {
		return await optionsOf(this, LISTS.budgets);
	},
	async getCustomFields(this: ILoadOptionsFunctions) {
		return await optionsOf(this, LISTS.customFields);
	},
};
