import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { userUpdateBody } from '../user/body';
import { userUpdateFields } from '../user/descriptions';
import { partnerOrganizationLocator, partnerRoleLocator, partnerUserLocator } from './descriptions';
import { partnerOrganizationOf, partnerRequest } from './request';

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization of the user'),
	partnerUserLocator('The user to update'),
	userUpdateFields(partnerRoleLocator('The new role of the user')),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['updateUser'] } },
	properties,
);

/** Postman "Update a user" (partner folder, PATCH, only the fields given). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const organizationId = partnerOrganizationOf(this, itemIndex);
	const userId = getId(this, itemIndex, 'userId', 'User', ID_PREFIX.user);
	const body = userUpdateBody(this, itemIndex);
	const user = await partnerRequest(
		this,
		{ method: 'PATCH', path: `/v3/partner/users/${userId}`, body, itemIndex },
		organizationId,
	);
	return { ...user, organizationId };
}
