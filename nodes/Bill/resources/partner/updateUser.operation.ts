import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId, invalid } from '../../helpers/validation';
import { userBody } from '../user/body';
import { partnerOrganizationLocator, partnerRoleLocator, partnerUserLocator } from './descriptions';
import { partnerOrganizationOf, partnerRequest } from './request';

const properties: INodeProperties[] = [
	partnerOrganizationLocator('The organization of the user'),
	partnerUserLocator('The user to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ ...partnerRoleLocator('The new role of the user'), required: false },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['updateUser'] } },
	properties,
);

/** Postman "Update a user" (partner folder, PATCH, only the fields given). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const organizationId = partnerOrganizationOf(this, itemIndex);
	const userId = getId(this, itemIndex, 'userId', 'User', ID_PREFIX.user);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = userBody(this, itemIndex, fields, 'Update Fields → ');
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	const user = await partnerRequest(
		this,
		{ method: 'PATCH', path: `/v3/partner/users/${userId}`, body, itemIndex },
		organizationId,
	);
	return { ...user, organizationId };
}
