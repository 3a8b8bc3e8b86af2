import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { activePage, matchesSearch } from './page';

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
	const page = await activePage<VendorCredit>(
		this,
		'/v3/vendor-credits',
		'createdTime:desc',
		paginationToken,
	);
	return {
		results: page.results
			.filter((c) => matchesSearch(filter, [c.referenceNumber, c.id]))
			.map((c) => ({
				name: [c.referenceNumber ?? c.id, c.creditDate, c.amount, c.status]
					.filter((part) => part !== undefined && part !== '')
					.join(' · '),
				value: c.id,
			})),
		paginationToken: page.nextPage || undefined,
	};
}
