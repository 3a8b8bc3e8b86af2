import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/searchList';
import { plainPage } from './page';

interface CreditMemo {
	id: string;
	referenceNumber?: string;
	amount?: number;
	creditDate?: string;
	archived?: boolean;
}

/**
 * Credit memos, newest first, a page of 100 at a time. BILL documents no filter of credit memos
 * but `id` (its Postman collection), so archived ones are left out and the search text (reference
 * number or ID) is matched here, through the list up to the search's bound.
 */
export async function searchCreditMemos(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<CreditMemo>(
		{
			page: async (token) =>
				await plainPage<CreditMemo>(this, '/v3/credit-memos', token, { sort: 'createdTime:desc' }),
			keep: (memo) => !memo.archived,
			texts: (memo) => [memo.referenceNumber, memo.id],
			item: (memo) => ({
				name: [memo.referenceNumber ?? memo.id, memo.amount, memo.creditDate]
					.filter((part) => part !== undefined)
					.join(' · '),
				value: memo.id,
			}),
		},
		filter,
		paginationToken,
	);
}
