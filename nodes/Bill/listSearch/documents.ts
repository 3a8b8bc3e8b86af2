import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { billApiRequest } from '../../shared/transport';
import type { Bill, BillList } from '../types';
import { activePage, matchesSearch } from './page';

type ListedDocument = { id: string; name?: string; createdTime?: string };

/** How many bills' documents one page of the list reads (one request each). */
const BILLS_A_PAGE = 10;

/**
 * Documents of bills. BILL lists documents only per bill (Postman "Get list of bill documents",
 * `GET /v3/documents/bills/{billId}`), so this reads the active bills newest first (a page of 100),
 * keeps those whose invoice number, vendor name or ID match the search text (or that have a
 * document whose name matches it), and lists the documents of 10 of them a page: each entry is
 * "#invoice · vendor · file name". The pagination token is the bill page's token and the offset
 * in it.
 */
export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const [billPage, offsetText] = (paginationToken ?? '').split('|');
	const offset = Number(offsetText) || 0;
	const page = await activePage<Bill>(this, '/v3/bills', 'createdTime:desc', billPage || undefined);
	const bills = page.results.slice(offset, offset + BILLS_A_PAGE);
	const results: INodeListSearchResult['results'] = [];
	for (const bill of bills) {
		const qs: IDataObject = { max: 100 };
		const documents = (await billApiRequest.call(this, {
			method: 'GET',
			path: `/v3/documents/bills/${bill.id}`,
			qs,
		})) as unknown as BillList<ListedDocument>;
		const billText = [bill.invoice?.invoiceNumber, bill.vendorName, bill.id];
		for (const document of documents.results ?? []) {
			if (!matchesSearch(filter, [...billText, document.name, document.id])) continue;
			results.push({
				name: [
					bill.invoice?.invoiceNumber ? `#${bill.invoice.invoiceNumber}` : bill.id,
					bill.vendorName,
					document.name ?? document.id,
				]
					.filter(Boolean)
					.join(' · '),
				value: document.id,
			});
		}
	}
	const next =
		offset + BILLS_A_PAGE < page.results.length
			? `${billPage ?? ''}|${offset + BILLS_A_PAGE}`
			: page.nextPage
				? `${page.nextPage}|0`
				: undefined;
	return { results, paginationToken: next };
}
