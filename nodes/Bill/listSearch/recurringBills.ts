import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { activePage, matchesSearch } from './page';

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
	const page = await activePage<RecurringBill>(
		this,
		'/v3/recurringbills',
		'description:asc',
		paginationToken,
	);
	return {
		results: page.results
			.filter((b) => matchesSearch(filter, [b.description, b.id]))
			.map((b) => {
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
			}),
		paginationToken: page.nextPage || undefined,
	};
}
