import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList, type SearchableList } from '../../shared/searchList';
import { credentialTypeOf, type BillFunctions } from '../../shared/transport';
import { ACT_FOR_ORGANIZATION } from '../actingFor';
import type { BillList } from '../types';
import { activePage, plainPage } from './page';

export type ListedUser = {
	id: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	archived?: boolean;
};
type ListedRole = { id: string; type?: string; description?: string };

/** Users as list entries ("First Last — email"), active ones, the search text on their names and email. */
export function userList(
	page: (token: string | undefined) => Promise<BillList<ListedUser>>,
): SearchableList<ListedUser> {
	return {
		page,
		keep: (u) => !u.archived,
		texts: (u) => [u.firstName, u.lastName, u.email, u.id],
		item: (u) => ({
			name: [[u.firstName, u.lastName].filter(Boolean).join(' '), u.email]
				.filter(Boolean)
				.join(' — '),
			value: u.id,
		}),
	};
}

/** Roles as list entries (their description), the search text on description and type. */
export function roleList(
	page: (token: string | undefined) => Promise<BillList<ListedRole>>,
): SearchableList<ListedRole> {
	return {
		page,
		texts: (r) => [r.description, r.type],
		item: (r) => ({ name: r.description ?? r.type ?? r.id, value: r.id }),
	};
}

/** One page (100) of the organization's users, by first name (Postman "Get list of users"). */
export async function userPage(
	context: BillFunctions,
	paginationToken?: string,
): Promise<BillList<ListedUser>> {
	return await activePage<ListedUser>(context, '/v3/users', 'firstName:asc', paginationToken);
}

/** Active users of the organization, by first name; the search text matched here (BILL documents no name filter). */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		userList(async (token) => await userPage(this, token)),
		filter,
		paginationToken,
	);
}

/** The organization's roles, by description. */
export async function searchRoles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = async (token: string | undefined) =>
		await plainPage<ListedRole>(this, '/v3/roles', token, { sort: 'description:asc' });
	return await searchList(roleList(page), filter, paginationToken);
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
	type Statement = { id: string; invoiceNumber?: string; invoiceDate?: string; amount?: number };
	return await searchList<Statement>(
		{
			page: async (token) =>
				await plainPage<Statement>(
					this,
					`/v3/organizations/${encodeURIComponent(organizationId)}/billing-statements`,
					token,
				),
			texts: (s) => [s.invoiceNumber, s.invoiceDate],
			item: (s) => ({
				name: `${s.invoiceDate ?? ''} ${s.invoiceNumber ?? s.id} ($${Number(s.amount ?? 0).toFixed(2)})`.trim(),
				value: s.id,
			}),
		},
		filter,
		paginationToken,
	);
}
