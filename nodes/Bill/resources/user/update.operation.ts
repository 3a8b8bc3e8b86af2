import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { roleLocator } from '../role/descriptions';
import { userUpdateBody } from './body';
import { userLocator, userUpdateFields } from './descriptions';

const properties: INodeProperties[] = [
	userLocator('The user to update'),
	userUpdateFields(roleLocator('The new role of the user')),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['update'] } },
	properties,
);

/** Postman "Update a user" (PATCH, only the fields given). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = getId(this, itemIndex, 'userId', 'User', ID_PREFIX.user);
	return await billApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/users/${userId}`,
		body: userUpdateBody(this, itemIndex),
		itemIndex,
	});
}
