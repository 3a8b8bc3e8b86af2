import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { Vendor } from '../types';
import { activePage } from './page';

/** Active vendors whose name starts with the search text, a page of 100 at a time. */
export async function searchVendors(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await activePage<Vendor>(this, '/v3/vendors', 'name:asc', paginationToken, [
		!!filter && { field: 'name', op: 'sw', value: filter },
	]);
	return {
		results: page.results.map((vendor) => ({
			name: vendor.name,
			value: vendor.id,
			url: undefined,
		})),
		paginationToken: page.nextPage,
	};
}
