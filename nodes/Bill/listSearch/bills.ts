import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { Bill } from '../types';
import { activePage, matchesSearch } from './page';

/**
 * Active bills, newest first, a page of 100 at a time. BILL cannot filter bills by invoice
 * number or vendor name (https://developer.bill.com/docs/filterable-fields), so the search text is matched here, on each page,
 * against the invoice number, the vendor's name and the bill ID.
 */
export async function searchBills(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await activePage<Bill>(this, '/v3/bills', 'createdTime:desc', paginationToken);
	const matches = (bill: Bill) =>
		matchesSearch(filter, [bill.invoice?.invoiceNumber, bill.vendorName, bill.id]);
	return {
		results: page.results.filter(matches).map((bill) => ({
			name: [
				bill.invoice?.invoiceNumber ? `#${bill.invoice.invoiceNumber}` : bill.id,
				bill.vendorName ?? bill.vendorId,
				bill.amount !== undefined ? String(bill.amount) : undefined,
				bill.dueDate ? `due ${bill.dueDate}` : undefined,
			]
				.filter(Boolean)
				.join(' · '),
			value: bill.id,
		})),
		paginationToken: page.nextPage,
	};
}
