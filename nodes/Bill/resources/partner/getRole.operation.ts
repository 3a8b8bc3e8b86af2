import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { partnerOrganizationLocator, partnerRoleLocator } from './descriptions';
import { partnerOrganizationOf, partnerRequest } from './request';

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization of the role'),
	partnerRoleLocator('The role to get'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['getRole'] } },
	properties,
);

/** Postman "Get user role details" (partner folder). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const organizationId = partnerOrganizationOf(this, itemIndex);
	const roleId = getId(this, itemIndex, 'roleId', 'Role', ID_PREFIX.role);
	return await partnerRequest(
		this,
		{ method: 'GET', path: `/v3/partner/roles/${roleId}`, itemIndex },
		organizationId,
	);
}
