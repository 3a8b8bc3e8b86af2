import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/searchList';
import { activePage } from './page';

interface VendorCredit {
	id: string;
	referenceNumber?: string;
	creditDate?: string;
	amount?: number;
	status?: string;
}

/**
 * Active vendor credits, newest first, a page of 100 at a time; the search text is matched here on
 * the reference number and ID (BILL's collection shows no filter but `id` on this list).
 */
export async function searchVendorCredits(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<VendorCredit>(
		{
			page: async (token) =>
				await activePage<VendorCredit>(this, '/v3/vendor-credits', 'createdTime:desc', token),
			texts: (c) => [c.referenceNumber, c.id],
			item: (c) => ({
				name: [c.referenceNumber ?? c.id, c.creditDate, c.amount, c.status]
					.filter((part) => part !== undefined && part !== '')
					.join(' · '),
				value: c.id,
			}),
		},
		filter,
		paginationToken,
	);
}
