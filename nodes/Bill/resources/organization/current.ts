import type { IExecuteFunctions } from 'n8n-workflow';

import { credentialTypeOf } from '../../../shared/transport';
import { ACT_FOR_ORGANIZATION } from '../../../shared/transport/organizationSession';
import { invalid } from '../../helpers/validation';

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
	const organizationId = String((await context.getCredentials(type)).organizationId ?? '').trim();
	if (!organizationId)
		throw invalid(context, itemIndex, 'Organization', 'name the organization to act for');
	return organizationId;
}

export const organizationPath = async (context: IExecuteFunctions, itemIndex: number) =>
	`/v3/organizations/${encodeURIComponent(await currentOrganizationId(context, itemIndex))}`;
