import type { IExecuteFunctions } from 'n8n-workflow';

import { billApiRequest, credentialTypeOf } from '../../../shared/transport';
import type { BillRequest } from '../../../shared/transport';
import { ACT_FOR_ORGANIZATION } from '../../actingFor';
import { invalid } from '../../helpers/validation';

/** `GET /v3/login/session` (Postman "Get API session details"). */
const sessionDetails = (itemIndex: number): BillRequest => ({
	method: 'GET',
	path: '/v3/login/session',
	itemIndex,
});

/**
 * The organization BILL's `/v3/organizations/{organizationId}` paths name: the one the session is
 * for (BILL answers only for it), so the node never asks for it again: the organization named in
 * the item (partner credential), else the credential's.
 */
export async function currentOrganizationId(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<string> {
	const type = credentialTypeOf(context);
	if (type === 'billPartnerApi') {
		const named = context.getNodeParameter(ACT_FOR_ORGANIZATION, itemIndex, '', {
			extractValue: true,
		});
		if (typeof named === 'string' && named.trim()) return named.trim();
	}
	// OAuth names no organization: the token's is the one its session details give.
	const organizationId =
		type === 'billOAuthApi'
			? String((await billApiRequest.call(context, sessionDetails(itemIndex))).organizationId ?? '')
			: String((await context.getCredentials(type)).organizationId ?? '').trim();
	if (!organizationId)
		throw invalid(context, itemIndex, 'Organization', 'name the organization to act for');
	return organizationId;
}

export const organizationPath = async (context: IExecuteFunctions, itemIndex: number) =>
	`/v3/organizations/${encodeURIComponent(await currentOrganizationId(context, itemIndex))}`;
