import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { Customer } from '../types';
import { activePage } from './page';

/** Active customers whose name starts with the search text, a page of 100 at a time. */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await activePage<Customer>(this, '/v3/customers', 'name:asc', paginationToken, [
		!!filter && { field: 'name', op: 'sw', value: filter },
	]);
	return {
		results: page.results.map((customer) => ({
			name: customer.email ? `${customer.name} · ${customer.email}` : customer.name,
			value: customer.id,
		})),
		paginationToken: page.nextPage,
	};
}
