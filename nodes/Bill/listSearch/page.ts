// What the searchable lists share: one page of BILL's active objects, and matching the search
// text where BILL cannot filter by it.

import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { type FilterCondition, buildFilters } from '../helpers/filters';
import { billApiRequest } from '../../shared/transport';
import type { BillList } from '../types';

/** One page (100) of the active (not archived) objects at `path`, in `sort` order. */
export async function activePage<T>(
	context: ILoadOptionsFunctions,
	path: string,
	sort: string,
	paginationToken: string | undefined,
	conditions: Array<FilterCondition | false> = [],
): Promise<BillList<T>> {
	const qs: IDataObject = {
		max: 100,
		sort,
		filters: buildFilters([{ field: 'archived', op: 'eq', value: false }, ...conditions]),
	};
	if (paginationToken) qs.page = paginationToken;
	return (await billApiRequest.call(context, {
		method: 'GET',
		path,
		qs,
	})) as unknown as BillList<T>;
}

/**
 * One page (100) of the objects at `path`, newest first, for lists BILL cannot filter by
 * `archived` (payments, received payments: https://developer.bill.com/docs/filterable-fields).
 */
export async function newestPage<T>(
	context: ILoadOptionsFunctions,
	path: string,
	paginationToken: string | undefined,
): Promise<BillList<T>> {
	const qs: IDataObject = { max: 100, sort: 'createdTime:desc' };
	if (paginationToken) qs.page = paginationToken;
	return (await billApiRequest.call(context, {
		method: 'GET',
		path,
		qs,
	})) as unknown as BillList<T>;
}

/** Whether the search text is in one of the texts, ignoring case; no search text matches all. */
export function matchesSearch(filter: string | undefined, texts: unknown[]): boolean {
	const needle = filter?.trim().toLowerCase();
	return (
		!needle ||
		texts.some((text) =>
			String(text ?? '')
				.toLowerCase()
				.includes(needle),
		)
	);
}
