import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { activePage, matchesSearch, newestPage } from './page';

type ListedReceivedPayment = {
	id: string;
	customerId?: string;
	amount?: number;
	paymentDate?: string;
	referenceNumber?: string;
};

/**
 * Received payments, newest first, a page of 100 at a time (Postman "Get list of received
 * payments"), named by customer, amount and date: BILL's entries hold the customer's ID only, so
 * one page of active customers gives the names. BILL offers no text search of received payments;
 * the search text is matched here against the customer, the reference number and the ID.
 */
export async function searchReceivablePayments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await newestPage<ListedReceivedPayment>(
		this,
		'/v3/receivable-payments',
		paginationToken,
	);
	const customers = await activePage<{ id: string; name?: string }>(
		this,
		'/v3/customers',
		'name:asc',
		undefined,
	);
	const customerName = (id?: string) => customers.results.find((c) => c.id === id)?.name ?? id;
	return {
		results: (page.results ?? [])
			.filter((p) => matchesSearch(filter, [customerName(p.customerId), p.referenceNumber, p.id]))
			.map((p) => ({
				name: [
					customerName(p.customerId),
					p.amount !== undefined ? String(p.amount) : undefined,
					p.paymentDate,
				]
					.filter(Boolean)
					.join(' · '),
				value: p.id,
			})),
		paginationToken: page.nextPage || undefined,
	};
}
