import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { phoneNumberField, riskPhoneBody } from '../riskVerification/phone';
import { partnerOrganizationLocator, partnerUserLocator } from './descriptions';
import { partnerOrganizationOf, partnerRequest } from './request';

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization of the user'),
	partnerUserLocator('The user whose phone BILL needs for the risk verification'),
	phoneNumberField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['addRiskPhone'] } },
	properties,
);

/**
 * Postman "Add phone for risk verification" (partner folder): the step of BILL's onboarding
 * between creating the user and its log-in-as-user starting the risk verification
 * (https://developer.bill.com/changelog/2024-05-06-setting-up-bill-risk-verification-for-organizations).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const organizationId = partnerOrganizationOf(this, itemIndex);
	const userId = getId(this, itemIndex, 'userId', 'User', ID_PREFIX.user);
	const body = riskPhoneBody(this, itemIndex);
	// The same phone again changes nothing: safe to send again.
	await partnerRequest(
		this,
		{
			method: 'POST',
			path: `/v3/partner/risk-verifications/${userId}/phone`,
			body,
			repeatable: true,
			itemIndex,
		},
		organizationId,
	);
	return { organizationId, userId, ...body, added: true };
}
