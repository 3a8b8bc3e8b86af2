import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { Invoice } from '../types';
import { activePage, matchesSearch } from './page';

/**
 * Active invoices, newest first, a page of 100 at a time. BILL cannot filter invoices by number
 * (https://developer.bill.com/docs/filterable-fields), so the search text is matched here, on
 * each page, against the invoice number and the invoice ID.
 */
export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await activePage<Invoice>(this, '/v3/invoices', 'createdTime:desc', paginationToken);
	const matches = (invoice: Invoice) => matchesSearch(filter, [invoice.invoiceNumber, invoice.id]);
	return {
		results: page.results.filter(matches).map((invoice) => ({
			name: [
				invoice.invoiceNumber ? `#${invoice.invoiceNumber}` : invoice.id,
				invoice.totalAmount !== undefined ? String(invoice.totalAmount) : undefined,
				invoice.status,
				invoice.dueDate ? `due ${invoice.dueDate}` : undefined,
			]
				.filter(Boolean)
				.join(' · '),
			value: invoice.id,
		})),
		paginationToken: page.nextPage,
	};
}
