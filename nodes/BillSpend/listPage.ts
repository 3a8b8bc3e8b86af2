// One page of a Spend & Expense list, as a resource locator's searchable list shows it.

import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { searchList } from '../shared/searchList';
import { spendApiRequest } from './transport';

/** A Spend & Expense list and how its entries are shown. */
export interface SpendList {
	path: string;
	/** The name an entry is shown, and searched, by. */
	nameOf: (entry: IDataObject) => string;
	/** BILL's `filters`, e.g. `retired:eq:false`. */
	filters?: string;
	/** Entries a page (default 100). */
	max?: number;
	/** BILL documents a `name` filter with `sw` for this list. */
	nameFilter?: boolean;
}

/**
 * A Spend & Expense list for a resource locator. With search text: the entries whose name starts
 * with it where BILL documents a `name` `sw` filter (budgets, https://developer.bill.com/hc/reference/budgets;
 * custom fields, https://developer.bill.com/hc/reference/listcustomfields), then every entry whose
 * name holds it, read page by page up to 5 pages (BILL allows 60 calls a minute,
 * https://developer.bill.com/docs/spend-expense-api); the other lists have no name filter, only
 * `retired` (Postman "Get list of users": `filters=retired:eq:false`).
 */
export async function searchPage(
	context: ILoadOptionsFunctions,
	list: SpendList,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const read = spendPages(context, list);
	return await searchList<IDataObject>(
		{
			page: async (token) => await read(token),
			search: list.nameFilter ? async (text) => await read(undefined, text) : undefined,
			texts: (entry) => [list.nameOf(entry)],
			item: (entry): INodeListSearchItems => ({
				name: list.nameOf(entry),
				value: String(entry.uuid ?? entry.id),
			}),
			pages: SPEND_SEARCH_PAGES,
		},
		filter,
		paginationToken,
	);
}

/**
 * Reads a page of the list (from a `nextPage` token), those whose name starts with `name` when
 * given (BILL's `name` `sw`, only for lists that document it).
 */
export function spendPages(context: ILoadOptionsFunctions | IExecuteFunctions, list: SpendList) {
	return async (token: string | undefined, name?: string) => {
		const qs: IDataObject = { max: list.max ?? 100 };
		const filters = [list.filters, name && `name:sw:"${name.replace(/"/g, '\\"')}"`].filter(
			Boolean,
		);
		if (filters.length) qs.filters = filters.join(',');
		if (token) qs.nextPage = token;
		const page = await spendApiRequest.call(context, { method: 'GET', path: list.path, qs });
		return {
			results: (page.results as IDataObject[] | undefined) ?? [],
			nextPage: (page.nextPage as string | undefined) || undefined,
		};
	};
}

/** Pages one search of a Spend & Expense list reads at most (60 calls a minute). */
export const SPEND_SEARCH_PAGES = 5;
