import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { billApiRequest } from '../../shared/transport';
import type { Bill, BillList } from '../types';
import { searchList } from '../../shared/searchList';
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
	if (filter?.trim() && !paginationToken) {
		const found = await documentsOfMatchingBills(this, filter);
		if (found.length) return { results: found };
	}
	const [billPage, offsetText] = (paginationToken ?? '').split('|');
	const offset = Number(offsetText) || 0;
	const page = await activePage<Bill>(this, '/v3/bills', 'createdTime:desc', billPage || undefined);
	const results: INodeListSearchResult['results'] = [];
	for (const bill of page.results.slice(offset, offset + BILLS_A_PAGE))
		results.push(...(await documentsOf(this, bill, filter)));
	const next =
		offset + BILLS_A_PAGE < page.results.length
			? `${billPage ?? ''}|${offset + BILLS_A_PAGE}`
			: page.nextPage
				? `${page.nextPage}|0`
				: undefined;
	return { results, paginationToken: next };
}

/** A bill's documents as list entries ("#invoice · vendor · file name"), those matching the search text. */
async function documentsOf(
	context: ILoadOptionsFunctions,
	bill: Bill,
	filter: string | undefined,
): Promise<INodeListSearchResult['results']> {
	const qs: IDataObject = { max: 100 };
	const documents = (await billApiRequest.call(context, {
		method: 'GET',
		path: `/v3/documents/bills/${bill.id}`,
		qs,
	})) as unknown as BillList<ListedDocument>;
	const billText = [bill.invoice?.invoiceNumber, bill.vendorName, bill.id];
	return (documents.results ?? [])
		.filter((document) => matchesSearch(filter, [...billText, document.name, document.id]))
		.map((document) => ({
			name: [
				bill.invoice?.invoiceNumber ? `#${bill.invoice.invoiceNumber}` : bill.id,
				bill.vendorName,
				document.name ?? document.id,
			]
				.filter(Boolean)
				.join(' · '),
			value: document.id,
		}));
}

/**
 * The documents of the bills whose invoice number, vendor or ID holds the search text, wherever
 * they sit in the list of bills (up to the search's bound; the documents of 10 such bills).
 */
async function documentsOfMatchingBills(
	context: ILoadOptionsFunctions,
	filter: string,
): Promise<INodeListSearchResult['results']> {
	const bills: Bill[] = [];
	await searchList<Bill>(
		{
			page: async (token) =>
				await activePage<Bill>(context, '/v3/bills', 'createdTime:desc', token),
			texts: (bill) => [bill.invoice?.invoiceNumber, bill.vendorName, bill.id],
			item: (bill) => {
				bills.push(bill);
				return { name: bill.id, value: bill.id };
			},
		},
		filter,
		undefined,
	);
	const results: INodeListSearchResult['results'] = [];
	for (const bill of bills.slice(0, BILLS_A_PAGE))
		results.push(...(await documentsOf(context, bill, undefined)));
	return results;
}
