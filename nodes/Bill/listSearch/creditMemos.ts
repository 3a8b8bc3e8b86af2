import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch } from './page';
import { billApiRequest } from '../../shared/transport';
import type { BillList } from '../types';

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
 * number or ID) is matched here, on each page.
 */
export async function searchCreditMemos(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: Record<string, string | number> = { max: 100, sort: 'createdTime:desc' };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/credit-memos',
		qs,
	})) as unknown as BillList<CreditMemo>;
	return {
		results: page.results
			.filter((memo) => !memo.archived && matchesSearch(filter, [memo.referenceNumber, memo.id]))
			.map((memo) => ({
				name: [memo.referenceNumber ?? memo.id, memo.amount, memo.creditDate]
					.filter((part) => part !== undefined)
					.join(' · '),
				value: memo.id,
			})),
		paginationToken: page.nextPage,
	};
}
