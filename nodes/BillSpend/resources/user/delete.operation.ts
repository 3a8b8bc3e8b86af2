import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	userLocator('The user to delete'),
	{
		displayName: "Deleting a user is permanent and closes the user's cards",
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['delete'] } },
	properties,
);

/** `DELETE /v3/spend/users/{userId}` (Postman "Delete a user"; permanent). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = getSpendId(this, itemIndex, 'userId', 'User');
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/users/${userId}`,
		itemIndex,
	});
	return { userId: decodeURIComponent(userId), deleted: true };
}
