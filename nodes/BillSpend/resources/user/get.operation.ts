import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [userLocator('The user to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);

/** `GET /v3/spend/users/{userId}` (Postman "Get user details"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = getSpendId(this, itemIndex, 'userId', 'User');
	return await spendApiRequest.call(this, {
		method: 'GET',
		path: `/v3/spend/users/${userId}`,
		itemIndex,
	});
}
