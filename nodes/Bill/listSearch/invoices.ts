import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/searchList';
import type { Invoice } from '../types';
import { activePage } from './page';

/**
 * Active invoices, newest first, a page of 100 at a time. BILL cannot filter invoices by number
 * (https://developer.bill.com/docs/filterable-fields), so the search text is matched here against
 * the invoice number and the invoice ID, through the list up to the search's bound.
 */
export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<Invoice>(
		{
			page: async (token) =>
				await activePage<Invoice>(this, '/v3/invoices', 'createdTime:desc', token),
			texts: (invoice) => [invoice.invoiceNumber, invoice.id],
			item: (invoice) => ({
				name: [
					invoice.invoiceNumber ? `#${invoice.invoiceNumber}` : invoice.id,
					invoice.totalAmount !== undefined ? String(invoice.totalAmount) : undefined,
					invoice.status,
					invoice.dueDate ? `due ${invoice.dueDate}` : undefined,
				]
					.filter(Boolean)
					.join(' · '),
				value: invoice.id,
			}),
		},
		filter,
		paginationToken,
	);
}
