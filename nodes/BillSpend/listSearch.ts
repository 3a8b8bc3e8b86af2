import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { partLists } from './partLists';
import { spendApiRequest } from './transport';

/**
 * One page (100) of a Spend & Expense list for a resource locator, matched by name on this side:
 * BILL documents no name filter for these lists, only `retired`
 * (Postman "Get list of users": `filters=retired:eq:false`).
 */
async function searchList(
	context: ILoadOptionsFunctions,
	path: string,
	nameOf: (entry: IDataObject) => string,
	filter: string | undefined,
	paginationToken: string | undefined,
	filters?: string,
	max = 100,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { max };
	if (filters) qs.filters = filters;
	if (paginationToken) qs.nextPage = paginationToken;
	const page = await spendApiRequest.call(context, { method: 'GET', path, qs });
	const text = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = ((page.results as IDataObject[] | undefined) ?? [])
		.map((entry) => ({ name: nameOf(entry), value: String(entry.uuid ?? entry.id) }))
		.filter((entry) => !text || entry.name.toLowerCase().includes(text));
	return { results, paginationToken: (page.nextPage as string | undefined) || undefined };
}

const userName = (u: IDataObject) =>
	`${String(u.firstName ?? '')} ${String(u.lastName ?? '')} (${String(u.email ?? '')})`.trim();

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		'/v3/spend/users',
		(u) =>
			`${String(u.firstName ?? '')} ${String(u.lastName ?? '')} (${String(u.email ?? '')})`.trim(),
		filter,
		paginationToken,
		'retired:eq:false',
	);
}

export async function searchBudgets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		'/v3/spend/budgets',
		(b) => String(b.name ?? b.uuid),
		filter,
		paginationToken,
		'retired:eq:false',
	);
}

export async function searchCards(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		'/v3/spend/cards',
		(c) => `${String(c.name ?? c.uuid)}${c.lastFour ? ` (…${String(c.lastFour)})` : ''}`,
		filter,
		paginationToken,
	);
}

export async function searchCustomFields(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		'/v3/spend/custom-fields',
		(f) => String(f.name ?? f.uuid),
		filter,
		paginationToken,
		'retired:eq:false',
	);
}

/** "merchant · amount · date · status" of a transaction or reimbursement. */
const spendingName = (date: unknown) => (entry: IDataObject) =>
	[entry.merchantName ?? entry.uuid, entry.amount, String(date ?? '').slice(0, 10), entry.status]
		.filter((part) => part !== undefined && part !== null && part !== '')
		.map(String)
		.join(' · ');

/** Reimbursements not retired, newest submissions first (Postman "Get list of reimbursements"). */
export async function searchReimbursements(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		'/v3/spend/reimbursements',
		(r) => spendingName(r.occurredDate)(r),
		filter,
		paginationToken,
		'retired:eq:false',
	);
}

/**
 * Card transactions (Postman "Get list of transactions"), 50 a page: BILL's most for this list
 * (https://developer.bill.com/reference/listtransactions).
 */
export async function searchTransactions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		'/v3/spend/transactions',
		(t) => spendingName(t.occurredTime ?? t.authorizedTime)(t),
		filter,
		paginationToken,
		undefined,
		50,
	);
}

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
	path: string,
	nameOf: (entry: IDataObject) => string,
	filters?: string,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let token: string | undefined;
	for (let page = 0; page < 5; page++) {
		const list = await searchList(context, path, nameOf, undefined, token, filters);
		options.push(...list.results.map((r) => ({ name: r.name, value: r.value })));
		token = list.paginationToken as string | undefined;
		if (!token) break;
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/** Options (by name) where a user, budget or custom field is picked inside a collection. */
export const loadOptions = {
	async getUsers(this: ILoadOptionsFunctions) {
		return await optionsOf(this, '/v3/spend/users', userName, 'retired:eq:false');
	},
	async getBudgets(this: ILoadOptionsFunctions) {
		return await optionsOf(
			this,
			'/v3/spend/budgets',
			(b) => String(b.name ?? b.uuid),
			'retired:eq:false',
		);
	},
	async getCustomFields(this: ILoadOptionsFunctions) {
		return await optionsOf(
			this,
			'/v3/spend/custom-fields',
			(f) => String(f.name ?? f.uuid),
			'retired:eq:false',
		);
	},
};
