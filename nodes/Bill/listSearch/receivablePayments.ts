import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList, wholeList } from '../../shared/searchList';
import { activePage, newestPage } from './page';

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
 * the active customers (read once for the request) give the names. BILL offers no text search of
 * received payments; the search text is matched here against the customer, the reference number
 * and the ID, through the list up to the search's bound.
 */
export async function searchReceivablePayments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const customers = await wholeList<{ id: string; name?: string }>(
		this,
		'customers',
		async (token) => await activePage(this, '/v3/customers', 'name:asc', token),
	);
	const customerName = (id?: string) => customers.find((c) => c.id === id)?.name ?? id;
	return await searchList<ListedReceivedPayment>(
		{
			page: async (token) => await newestPage(this, '/v3/receivable-payments', token),
			texts: (p) => [customerName(p.customerId), p.referenceNumber, p.id],
			item: (p) => ({
				name: [
					customerName(p.customerId),
					p.amount !== undefined ? String(p.amount) : undefined,
					p.paymentDate,
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
