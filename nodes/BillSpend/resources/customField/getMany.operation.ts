import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pageOptions, returnAllOrLimit } from '../../helpers/fields';
import { spendApiRequestAllItems } from '../../transport';

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
	const qs: IDataObject = { sort: 'createdTime:desc' };
	if (!this.getNodeParameter('includeRetired', itemIndex, false)) qs.filters = 'retired:eq:false';
	return await spendApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/spend/custom-fields', qs, itemIndex },
		pageOptions(this, itemIndex),
	);
}
