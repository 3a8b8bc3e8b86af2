import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { KINDS, nameOf, type Kind, type KindInfo } from '../helpers/classificationKinds';
import { searchList } from '../../shared/searchList';
import { type Classification, classificationPage } from './page';
import { searchCustomers } from './customers';

/**
 * A kind's active classifications by name, a page of 100 at a time; the search text is matched
 * here on their name, short name, account number and ID, through the list up to the search's
 * bound: BILL's collection shows no filter but `id` on classification lists (Postman "Get list of
 * chart of accounts"), so archived ones are dropped here too.
 */
async function searchKind(
	context: ILoadOptionsFunctions,
	info: KindInfo,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const number = (c: Classification) => (c.account as { number?: string } | undefined)?.number;
	const label = (c: Classification) =>
		number(c) ? `${number(c)} · ${nameOf(info, c)}` : nameOf(info, c) || c.id;
	return await searchList<Classification>(
		{
			page: async (token) => await classificationPage(context, info, token),
			keep: (c) => c.archived !== true,
			texts: (c) => [nameOf(info, c), c.shortName, number(c), c.id],
			item: (c) => ({ name: label(c), value: c.id }),
		},
		filter,
		paginationToken,
	);
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

/** Active customers by name, for a bill line's customer: the Customer list's search. */
export const searchClassificationCustomers: Search = searchCustomers;
