import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/searchList';
import type { Vendor } from '../types';
import { activePage } from './page';

/**
 * Active vendors by name, a page of 100 at a time; searched, those whose name starts with the
 * text (BILL's `name` `sw` filter, https://developer.bill.com/docs/filterable-fields) and then
 * any whose name or email holds it, wherever they sit in the list.
 */
export async function searchVendors(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<Vendor>(
		{
			page: async (token) => await activePage<Vendor>(this, '/v3/vendors', 'name:asc', token),
			search: async (text) =>
				await activePage<Vendor>(this, '/v3/vendors', 'name:asc', undefined, [
					{ field: 'name', op: 'sw', value: text },
				]),
			texts: (vendor) => [vendor.name, vendor.email, vendor.id],
			item: (vendor) => ({ name: vendor.name, value: vendor.id, url: undefined }),
		},
		filter,
		paginationToken,
	);
}
