import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { billApiRequest, credentialTypeOf } from '../../shared/transport';
import { ACT_FOR_ORGANIZATION } from '../../shared/transport/organizationSession';
import type { BillList } from '../types';
import { activePage, matchesSearch } from './page';

type ListedUser = {
	id: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	archived?: boolean;
};
type ListedRole = { id: string; type?: string; description?: string };

/** A page of users as list entries ("First Last — email"), active ones matching the search text. */
export function userResults(page: BillList<ListedUser>, filter?: string): INodeListSearchResult {
	return {
		results: page.results
			.filter((u) => !u.archived && matchesSearch(filter, [u.firstName, u.lastName, u.email]))
			.map((u) => ({
				name: [[u.firstName, u.lastName].filter(Boolean).join(' '), u.email]
					.filter(Boolean)
					.join(' — '),
				value: u.id,
			})),
		paginationToken: page.nextPage,
	};
}

/** A page of roles as list entries (their description), matching the search text. */
export function roleResults(page: BillList<ListedRole>, filter?: string): INodeListSearchResult {
	return {
		results: page.results
			.filter((r) => matchesSearch(filter, [r.description, r.type]))
			.map((r) => ({ name: r.description ?? r.type ?? r.id, value: r.id })),
		paginationToken: page.nextPage,
	};
}

/** Active users of the organization, by first name; the search text matched on the page (BILL documents no name filter). */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await activePage<ListedUser>(this, '/v3/users', 'firstName:asc', paginationToken);
	return userResults(page, filter);
}

/** The organization's roles, by description. */
export async function searchRoles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { max: 100, sort: 'description:asc' };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/roles',
		qs,
	})) as unknown as BillList<ListedRole>;
	return roleResults(page, filter);
}

/** The organization's billing statements, newest first as BILL gives them. */
export async function searchBillingStatements(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	let organizationId = '';
	if (credentialTypeOf(this) === 'billPartnerApi')
		organizationId = String(
			this.getCurrentNodeParameter(ACT_FOR_ORGANIZATION, { extractValue: true }) ?? '',
		);
	if (!organizationId)
		organizationId = String(
			(await this.getCredentials(credentialTypeOf(this))).organizationId ?? '',
		);
	if (!organizationId) return { results: [] };
	const qs: IDataObject = { max: 100 };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/organizations/${encodeURIComponent(organizationId)}/billing-statements`,
		qs,
	})) as unknown as BillList<{
		id: string;
		invoiceNumber?: string;
		invoiceDate?: string;
		amount?: number;
	}>;
	return {
		results: page.results
			.filter((s) => matchesSearch(filter, [s.invoiceNumber, s.invoiceDate]))
			.map((s) => ({
				name: `${s.invoiceDate ?? ''} ${s.invoiceNumber ?? s.id} ($${Number(s.amount ?? 0).toFixed(2)})`.trim(),
				value: s.id,
			})),
		paginationToken: page.nextPage,
	};
}
