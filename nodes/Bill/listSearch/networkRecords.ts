import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchCustomers } from './customers';
import { searchVendors } from './vendors';

/**
 * The record Network → Accept connects: a customer record when the organization that invited
 * you is your customer ("They Are Your": Customer), a vendor record when it is your vendor.
 */
export async function searchNetworkRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const type = this.getCurrentNodeParameter('type');
	const search = type === 'VENDOR' ? searchVendors : searchCustomers;
	return await search.call(this, filter, paginationToken);
}
