// One page of a Spend & Expense list, as a resource locator's searchable list shows it.

import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

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
}

/**
 * One page of a Spend & Expense list for a resource locator, matched by name on this side:
 * BILL documents no name filter for these lists, only `retired`
 * (Postman "Get list of users": `filters=retired:eq:false`).
 */
export async function searchPage(
	context: ILoadOptionsFunctions,
	list: SpendList,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { max: list.max ?? 100 };
	if (list.filters) qs.filters = list.filters;
	if (paginationToken) qs.nextPage = paginationToken;
	const page = await spendApiRequest.call(context, { method: 'GET', path: list.path, qs });
	const text = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = ((page.results as IDataObject[] | undefined) ?? [])
		.map((entry) => ({ name: list.nameOf(entry), value: String(entry.uuid ?? entry.id) }))
		.filter((entry) => !text || entry.name.toLowerCase().includes(text));
	return { results, paginationToken: (page.nextPage as string | undefined) || undefined };
}
