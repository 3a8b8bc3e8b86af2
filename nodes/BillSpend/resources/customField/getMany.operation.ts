import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/fields';
import { activeOnly, spendGetMany } from '../../helpers/getMany';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Include Retired Fields',
		name: 'includeRetired',
		type: 'boolean',
		default: false,
		description: 'Whether to include custom fields that were deleted',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/spend/custom-fields`, newest first (Postman "Get list of custom fields": `sort=createdTime:desc`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await spendGetMany(this, itemIndex, '/v3/spend/custom-fields', {
		sort: 'createdTime:desc',
		...activeOnly(this, itemIndex),
	});
}
