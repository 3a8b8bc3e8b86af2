import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { buildFilters } from '../helpers/filters';
import { billApiRequest } from '../../shared/transport';
import type { BillList, Vendor } from '../types';

/** Active vendors whose name starts with the search text, a page of 100 at a time. */
export async function searchVendors(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = {
		max: 100,
		sort: 'name:asc',
		filters: buildFilters([
			{ field: 'archived', op: 'eq', value: false },
			!!filter && { field: 'name', op: 'sw', value: filter },
		]),
	};
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/vendors',
		qs,
	})) as unknown as BillList<Vendor>;
	return {
		results: page.results.map((vendor) => ({
			name: vendor.name,
			value: vendor.id,
			url: undefined,
		})),
		paginationToken: page.nextPage,
	};
}
