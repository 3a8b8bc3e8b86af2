import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { billApiRequest, credentialTypeOf } from '../../shared/transport';
import { ACT_FOR_ORGANIZATION } from '../../shared/transport/organizationSession';
import type { BillList } from '../types';
import { matchesSearch } from './page';

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
	const qs: IDataObject = { max: 100 };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/partner/organizations',
		qs,
	})) as unknown as BillList<{ id: string; name?: string }>;
	return {
		results: page.results
			.filter((o) => matchesSearch(filter, [o.name, o.id]))
			.map((o) => ({ name: o.name ?? o.id, value: o.id })),
		paginationToken: page.nextPage,
	};
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

/** The roles of the organization picked above (Postman "Get list of user roles", partner folder). */
export async function searchPartnerRoles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	await partnerContext(this);
	const organizationId = pickedOrganization(this);
	if (!organizationId) return { results: [] };
	const qs: IDataObject = { max: 100 };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/partner/roles',
		headers: { organizationId },
		qs,
	})) as unknown as BillList<{ id: string; type?: string; description?: string }>;
	return {
		results: page.results
			.filter((r) => matchesSearch(filter, [r.description, r.type]))
			.map((r) => ({ name: r.description ?? r.type ?? r.id, value: r.id })),
		paginationToken: page.nextPage,
	};
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
	await partnerContext(this);
	const organizationId = pickedOrganization(this);
	if (!organizationId) return { results: [] };
	const qs: IDataObject = { max: 100 };
	if (paginationToken) qs.page = paginationToken;
	const page = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/partner/users',
		headers: { organizationId },
		qs,
	})) as unknown as BillList<{
		id: string;
		firstName?: string;
		lastName?: string;
		email?: string;
		archived?: boolean;
	}>;
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
