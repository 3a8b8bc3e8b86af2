import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/searchList';
import { newestPage } from './page';

type ListedPayment = {
	id: string;
	vendorName?: string;
	amount?: number;
	processDate?: string;
	status?: string;
	confirmationNumber?: string;
};

/**
 * Payments, newest first, a page of 100 at a time (Postman "Get list of payments"), named by
 * vendor, amount, process date and status. BILL documents `id` and `transactionNumber` as the
 * filterable fields of payments (https://developer.bill.com/docs/filterable-fields), so the search
 * text is matched here, through the list up to the search's bound, against the vendor, the confirmation number and the ID.
 */
export async function searchPayments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<ListedPayment>(
		{
			page: async (token) => await newestPage<ListedPayment>(this, '/v3/payments', token),
			texts: (p) => [p.vendorName, p.confirmationNumber, p.id],
			item: (p) => ({
				name: [
					p.vendorName ?? p.id,
					p.amount !== undefined ? String(p.amount) : undefined,
					p.processDate,
					p.status,
				]
					.filter(Boolean)
					.join(' · '),
				value: p.id,
			}),
		},
		filter,
		paginationToken,
	);
}
