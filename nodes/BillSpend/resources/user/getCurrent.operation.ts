import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Gives the user who generated the API token of the credential',
		name: 'currentNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getCurrent'] } },
	properties,
);

/** `GET /v3/spend/users/current` (Postman "Get current user details"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await spendApiRequest.call(this, {
		method: 'GET',
		path: '/v3/spend/users/current',
		itemIndex,
	});
}
