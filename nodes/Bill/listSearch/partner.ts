import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { billApiRequest, credentialTypeOf } from '../../shared/transport';
import { ACT_FOR_ORGANIZATION } from '../actingFor';
import type { BillList } from '../types';
import { matchesSearch, searchList } from '../../shared/searchList';
import { roleList, userList } from './organization';
import { plainPage } from './page';

async function partnerContext(context: ILoadOptionsFunctions): Promise<void> {
	const scope =
		credentialTypeOf(context) === 'billPartnerApi'
			? (await context.getCredentials('billPartnerApi')).scope
			: undefined;
	if (scope !== 'partner')
		throw new NodeOperationError(
			context.getNode(),
			'This list needs the BILL Partner API credential with scope "Partner (All Organizations)"',
		);
}

/**
 * The partner's organizations (Postman "Get list of organizations"), a page of 100 at a time.
 * BILL documents no name filter for this list, so the search text is matched here, on the page.
 */
export async function searchPartnerOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	await partnerContext(this);
	type Organization = { id: string; name?: string };
	return await searchList<Organization>(
		{
			page: async (token) =>
				await plainPage<Organization>(this, '/v3/partner/organizations', token),
			texts: (o) => [o.name, o.id],
			item: (o) => ({ name: o.name ?? o.id, value: o.id }),
		},
		filter,
		paginationToken,
	);
}

/** The organization picked above: Partner operations' Organization, or the one acted for. */
function pickedOrganization(context: ILoadOptionsFunctions): string {
	for (const name of ['partnerOrganizationId', ACT_FOR_ORGANIZATION]) {
		try {
			const value = context.getCurrentNodeParameter(name, { extractValue: true });
			if (typeof value === 'string' && value.trim()) return value.trim();
		} catch {
			// not shown for this operation
		}
	}
	return '';
}

/** Reads pages of the partner-level list at `path` for the organization picked above (the `organizationId` header). */
async function organizationPages(
	context: ILoadOptionsFunctions,
	path: string,
): Promise<((token: string | undefined) => Promise<BillList<never>>) | undefined> {
	await partnerContext(context);
	const organizationId = pickedOrganization(context);
	if (!organizationId) return undefined;
	return async (token) => await plainPage<never>(context, path, token, {}, { organizationId });
}

/** The roles of the organization picked above (Postman "Get list of user roles", partner folder). */
export async function searchPartnerRoles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pages = await organizationPages(this, '/v3/partner/roles');
	return pages ? await searchList(roleList(pages), filter, paginationToken) : { results: [] };
}

/**
 * The users of the organization picked above (Postman "Get list of users" of the partner
 * folder: the partner session with an `organizationId` header).
 */
export async function searchPartnerUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pages = await organizationPages(this, '/v3/partner/users');
	return pages ? await searchList(userList(pages), filter, paginationToken) : { results: [] };
}

/** The Accountant Console's client organizations (`GET /v3/login/organizations`), 100 at a time. */
export async function searchConsoleOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { max: 100 };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/login/organizations',
		qs,
	})) as unknown as BillList<{ id: string; name?: string }>;
	return {
		results: page.results
			.filter((o) => matchesSearch(filter, [o.name, o.id]))
			.map((o) => ({ name: o.name ?? o.id, value: o.id })),
		paginationToken: page.nextPage,
	};
}
