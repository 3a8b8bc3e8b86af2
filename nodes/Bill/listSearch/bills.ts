import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/searchList';
import type { Bill } from '../types';
import { activePage } from './page';

/**
 * Active bills, newest first, a page of 100 at a time. BILL cannot filter bills by invoice
 * number or vendor name (https://developer.bill.com/docs/filterable-fields), so the search text is
 * matched here against the invoice number, the vendor's name and the bill ID, through the list up
 * to the search's bound.
 */
export async function searchBills(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList<Bill>(
		{
			page: async (token) => await activePage<Bill>(this, '/v3/bills', 'createdTime:desc', token),
			texts: (bill) => [bill.invoice?.invoiceNumber, bill.vendorName, bill.id],
			item: (bill) => ({
				name: [
					bill.invoice?.invoiceNumber ? `#${bill.invoice.invoiceNumber}` : bill.id,
					bill.vendorName ?? bill.vendorId,
					bill.amount !== undefined ? String(bill.amount) : undefined,
					bill.dueDate ? `due ${bill.dueDate}` : undefined,
				]
					.filter(Boolean)
					.join(' · '),
				value: bill.id,
			}),
		},
		filter,
		paginationToken,
	);
}
