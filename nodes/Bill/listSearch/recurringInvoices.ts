import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch } from './page';
import { billApiRequest } from '../../shared/transport';
import type { BillList } from '../types';

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
	const qs: Record<string, string | number> = { max: 100 };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/recurring-invoices',
		qs,
	})) as unknown as BillList<RecurringInvoice>;
	return {
		results: page.results
			.filter((r) => !r.archived && matchesSearch(filter, [r.description, r.id]))
			.map((r) => ({
				name: [
					r.description || r.id,
					r.schedule?.period,
					r.schedule?.nextDueDate && `next ${r.schedule.nextDueDate}`,
				]
					.filter(Boolean)
					.join(' · '),
				value: r.id,
			})),
		paginationToken: page.nextPage,
	};
}
