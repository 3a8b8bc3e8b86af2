import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { partnerOrganizationLocator, partnerUserLocator } from './descriptions';
import { partnerOrganizationOf, partnerRequest } from './request';

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization of the user'),
	partnerUserLocator('The user to restore'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['restoreUser'] } },
	properties,
);

/** Postman "Restore an archived user" (partner folder): idempotent, so a repeat after a lost answer is safe. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const organizationId = partnerOrganizationOf(this, itemIndex);
	const userId = getId(this, itemIndex, 'userId', 'User', ID_PREFIX.user);
	const user = await partnerRequest(
		this,
		{
			method: 'POST',
			path: `/v3/partner/users/${userId}/restore`,
			repeatable: true,
			itemIndex,
		},
		organizationId,
	);
	return { ...user, organizationId };
}
