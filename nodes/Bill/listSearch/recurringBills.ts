import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/searchList';
import { activePage } from './page';

interface RecurringBill {
	id: string;
	description?: string;
	schedule?: { period?: string; nextDueDate?: string };
	recurringBillLineItems?: Array<{ amount?: number }>;
}

/**
 * Active recurring bills, a page of 100 at a time, by description; the search text is matched here
 * on the description and ID (BILL's collection shows no filter but `id` on this list).
 */
export async function searchRecurringBills(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<RecurringBill>(
		{
			page: async (token) =>
				await activePage<RecurringBill>(this, '/v3/recurringbills', 'description:asc', token),
			texts: (b) => [b.description, b.id],
			item: (b) => {
				const total = (b.recurringBillLineItems ?? []).reduce(
					(s, l) => s + Number(l.amount ?? 0),
					0,
				);
				return {
					name: [
						b.description || b.id,
						b.schedule?.period,
						`next ${b.schedule?.nextDueDate ?? '?'}`,
						total.toFixed(2),
					].join(' · '),
					value: b.id,
				};
			},
		},
		filter,
		paginationToken,
	);
}
