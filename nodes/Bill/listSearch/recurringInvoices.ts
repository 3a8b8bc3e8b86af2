import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/searchList';
import { plainPage } from './page';

interface RecurringInvoice {
	id: string;
	description?: string;
	archived?: boolean;
	schedule?: { period?: string; nextDueDate?: string };
}

/**
 * Recurring invoices, a page of 100 at a time. BILL documents no filter of recurring invoices, so
 * archived ones are left out and the search text (description or ID) is matched here.
 */
export async function searchRecurringInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<RecurringInvoice>(
		{
			page: async (token) =>
				await plainPage<RecurringInvoice>(this, '/v3/recurring-invoices', token),
			keep: (r) => !r.archived,
			texts: (r) => [r.description, r.id],
			item: (r) => ({
				name: [
					r.description || r.id,
					r.schedule?.period,
					r.schedule?.nextDueDate && `next ${r.schedule.nextDueDate}`,
				]
					.filter(Boolean)
					.join(' · '),
				value: r.id,
			}),
		},
		filter,
		paginationToken,
	);
}
