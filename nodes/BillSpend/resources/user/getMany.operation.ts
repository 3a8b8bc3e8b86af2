import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/fields';
import { activeOnly, spendGetMany } from '../../helpers/getMany';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Include Retired Users',
		name: 'includeRetired',
		type: 'boolean',
		default: false,
		description: 'Whether to include users who were deleted',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/spend/users` (Postman "Get list of users": `filters=retired:eq:false`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await spendGetMany(this, itemIndex, '/v3/spend/users', activeOnly(this, itemIndex));
}
