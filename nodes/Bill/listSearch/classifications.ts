import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { billApiRequest } from '../../shared/transport';
import { KINDS, nameOf, type Kind, type KindInfo } from '../resources/classification/kinds';
import type { BillList } from '../types';
import { activePage, matchesSearch } from './page';

type Classification = Record<string, unknown> & { id: string; archived?: boolean };

/**
 * One page (100) of a kind's active classifications, by name, the search text matched here on
 * their name, short name, account number and ID: BILL's collection shows no filter but `id` on
 * classification lists, so archived ones are dropped here too.
 */
async function searchKind(
	context: ILoadOptionsFunctions,
	info: KindInfo,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const sort = info.naming === 'person' ? 'lastName:asc' : 'name:asc';
	const qs: Record<string, string | number> = { max: 100, sort };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(context, {
		method: 'GET',
		path: `/v3/classifications/${info.path}`,
		qs,
	})) as unknown as BillList<Classification>;
	const label = (c: Classification) => {
		const number = (c.account as { number?: string } | undefined)?.number;
		return number ? `${number} · ${nameOf(info, c)}` : nameOf(info, c) || c.id;
	};
	return {
		results: (page.results ?? [])
			.filter((c) => c.archived !== true)
			.filter((c) =>
				matchesSearch(filter, [
					nameOf(info, c),
					c.shortName,
					(c.account as { number?: string } | undefined)?.number,
					c.id,
				]),
			)
			.map((c) => ({ name: label(c), value: c.id })),
		paginationToken: page.nextPage || undefined,
	};
}

/** The classifications of the type chosen in the node's "Type" parameter. */
export async function searchClassifications(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const kind = this.getCurrentNodeParameter('classificationType') as Kind;
	return await searchKind(this, KINDS[kind] ?? KINDS.chartOfAccount, filter, paginationToken);
}

type Search = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

const ofKind = (kind: Kind): Search =>
	async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await searchKind(this, KINDS[kind], filter, paginationToken);
	};

// One list per type, for the classifications of bills and their lines (the type is fixed there).
export const searchChartOfAccounts = ofKind('chartOfAccount');
export const searchAccountingClasses = ofKind('accountingClass');
export const searchDepartments = ofKind('department');
export const searchEmployees = ofKind('employee');
export const searchItems = ofKind('item');
export const searchJobs = ofKind('job');
export const searchLocations = ofKind('location');

/**
 * Active customers by name, for a bill line's customer (Postman "Get list of customers"). BILL's
 * filterable fields for customers are not known here, so the search text is matched on each page.
 */
export async function searchClassificationCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await activePage<{ id: string; name?: string; email?: string }>(
		this,
		'/v3/customers',
		'name:asc',
		paginationToken,
	);
	return {
		results: page.results
			.filter((c) => matchesSearch(filter, [c.name, c.email, c.id]))
			.map((c) => ({ name: c.name ?? c.id, value: c.id })),
		paginationToken: page.nextPage || undefined,
	};
}
