// Calls BILL's partner-level endpoints: the partner session of a credential at scope Partner, and
// for users and roles the `organizationId` header BILL requires (Postman "Partner Operations").

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	billApiRequest,
	billApiRequestAllItems,
	credentialTypeOf,
	type BillRequest,
	type PageOptions,
} from '../../../shared/transport';
import { ID_PREFIX, getId, invalid } from '../../helpers/validation';

/** Refuses, before anything is sent, a credential that has no partner session to give. */
export async function requirePartnerScope(context: IExecuteFunctions, itemIndex: number) {
	const scope =
		credentialTypeOf(context) === 'billPartnerApi'
			? (await context.getCredentials('billPartnerApi')).scope
			: undefined;
	if (scope !== 'partner')
		throw invalid(
			context,
			itemIndex,
			'Authentication',
			'partner operations need the BILL Partner API credential with scope "Partner (All Organizations)"',
		);
}

/** The organization a partner user or role call is about (sent as the `organizationId` header). */
export const partnerOrganizationOf = (context: IExecuteFunctions, itemIndex: number) =>
	getId(context, itemIndex, 'partnerOrganizationId', 'Organization', ID_PREFIX.organization);

export async function partnerRequest(
	context: IExecuteFunctions,
	request: BillRequest & { itemIndex: number },
	organizationId?: string,
): Promise<IDataObject> {
	await requirePartnerScope(context, request.itemIndex);
	return await billApiRequest.call(context, {
		...request,
		headers: organizationId ? { ...(request.headers ?? {}), organizationId } : request.headers,
	});
}

export async function partnerList(
	context: IExecuteFunctions,
	request: BillRequest & { itemIndex: number },
	page: PageOptions,
	organizationId?: string,
): Promise<IDataObject[]> {
	await requirePartnerScope(context, request.itemIndex);
	return await billApiRequestAllItems.call(
		context,
		{ ...request, headers: organizationId ? { organizationId } : undefined },
		page,
	);
}
