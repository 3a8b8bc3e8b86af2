import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/searchList';
import type { Customer } from '../types';
import { activePage } from './page';

/**
 * Active customers by name, a page of 100 at a time; searched, those whose name starts with the
 * text (BILL's `name` `sw` filter, https://developer.bill.com/docs/filterable-fields) and then
 * any whose name or email holds it, wherever they sit in the list.
 */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<Customer>(
		{
			page: async (token) => await activePage<Customer>(this, '/v3/customers', 'name:asc', token),
			search: async (text) =>
				await activePage<Customer>(this, '/v3/customers', 'name:asc', undefined, [
					{ field: 'name', op: 'sw', value: text },
				]),
			texts: (customer) => [customer.name, customer.email, customer.id],
			item: (customer) => ({
				name: customer.email ? `${customer.name} · ${customer.email}` : customer.name,
				value: customer.id,
			}),
		},
		filter,
		paginationToken,
	);
}
