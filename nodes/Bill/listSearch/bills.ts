import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { buildFilters } from '../helpers/filters';
import { billApiRequest } from '../../shared/transport';
import type { Bill, BillList } from '../types';

/**
 * Active bills, newest first, a page of 100 at a time. BILL cannot filter bills by invoice
 * number or vendor name (REFERENCE.md §4.5), so the search text is matched here, on each page,
 * against the invoice number, the vendor's name and the bill ID.
 */
export async function searchBills(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = {
		max: 100,
		sort: 'createdTime:desc',
		filters: buildFilters([{ field: 'archived', op: 'eq', value: false }]),
	};
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/bills',
		qs,
	})) as unknown as BillList<Bill>;
	const needle = filter?.trim().toLowerCase();
	const matches = (bill: Bill) =>
		!needle ||
		[bill.invoice?.invoiceNumber, bill.vendorName, bill.id].some((text) =>
			String(text ?? '')
				.toLowerCase()
				.includes(needle),
		);
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
