import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../../helpers/fields';
import { getSpendId, invalid } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { userBody } from './body';
import { USER_ROLES, optionalUserFields } from './descriptions';

const properties: INodeProperties[] = [
	userLocator('The user to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				{
					displayName: 'First Name',
					name: 'firstName',
					description: "The user's first name",
					type: 'string',
					default: '',
				},
				{
					displayName: 'Last Name',
					name: 'lastName',
					description: "The user's last name",
					type: 'string',
					default: '',
				},
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
				},
				{
					displayName: 'Role',
					name: 'role',
					description: 'What the user may do in BILL Spend & Expense',
					type: 'options',
					options: USER_ROLES,
					default: 'MEMBER',
				},
				...optionalUserFields,
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/spend/users/{userId}` (Postman "Update a user", e.g. `{role}`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = getSpendId(this, itemIndex, 'userId', 'User');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = userBody(this, itemIndex, fields, 'Update Fields');
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	return await spendApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/spend/users/${userId}`,
		body,
		itemIndex,
	});
}
