import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch, newestPage } from './page';

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
 * text is matched here, on each page, against the vendor, the confirmation number and the ID.
 */
export async function searchPayments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await newestPage<ListedPayment>(this, '/v3/payments', paginationToken);
	return {
		results: (page.results ?? [])
			.filter((p) => matchesSearch(filter, [p.vendorName, p.confirmationNumber, p.id]))
			.map((p) => ({
				name: [
					p.vendorName ?? p.id,
					p.amount !== undefined ? String(p.amount) : undefined,
					p.processDate,
					p.status,
				]
					.filter(Boolean)
					.join(' · '),
				value: p.id,
			})),
		paginationToken: page.nextPage || undefined,
	};
}
