// What the searchable lists share: one page of BILL's active objects, and matching the search
// text where BILL cannot filter by it.

import type { IDataObject } from 'n8n-workflow';

import { type FilterCondition, buildFilters } from '../helpers/filters';
import { billApiRequest, type BillFunctions } from '../../shared/transport';
import type { KindInfo } from '../helpers/classificationKinds';
import type { BillList } from '../types';

export type Classification = Record<string, unknown> & { id: string; archived?: boolean };

/** One page (100) of the active (not archived) objects at `path`, in `sort` order. */
export async function activePage<T>(
	context: BillFunctions,
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

/** One page (100) of the objects at `path` as BILL orders them, with `qs` (e.g. a sort) and `headers`. */
export async function plainPage<T>(
	context: BillFunctions,
	path: string,
	paginationToken: string | undefined,
	qs: IDataObject = {},
	headers?: IDataObject,
): Promise<BillList<T>> {
	const query: IDataObject = { max: 100, ...qs };
	if (paginationToken) query.page = paginationToken;
	return (await billApiRequest.call(context, {
		method: 'GET',
		path,
		qs: query,
		...(headers ? { headers } : {}),
	})) as unknown as BillList<T>;
}

/**
 * One page (100) of the objects at `path`, newest first, for lists BILL cannot filter by
 * `archived` (payments, received payments: https://developer.bill.com/docs/filterable-fields).
 */
export async function newestPage<T>(
	context: BillFunctions,
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

/** One page (100) of a kind's classifications, by name (Postman "Get list of chart of accounts" and its siblings). */
export async function classificationPage(
	context: BillFunctions,
	info: KindInfo,
	paginationToken?: string,
): Promise<BillList<Classification>> {
	const sort = info.naming === 'person' ? 'lastName:asc' : 'name:asc';
	const qs: Record<string, string | number> = { max: 100, sort };
	if (paginationToken) qs.page = paginationToken;
	return (await billApiRequest.call(context, {
		method: 'GET',
		path: `/v3/classifications/${info.path}`,
		qs,
	})) as unknown as BillList<Classification>;
}

export { matchesSearch } from '../../shared/searchList';
