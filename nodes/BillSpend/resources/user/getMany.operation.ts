import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pageOptions, returnAllOrLimit } from '../../helpers/fields';
import { spendApiRequestAllItems } from '../../transport';

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
	const qs: IDataObject = {};
	if (!this.getNodeParameter('includeRetired', itemIndex, false)) qs.filters = 'retired:eq:false';
	return await spendApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/spend/users', qs, itemIndex },
		pageOptions(this, itemIndex),
	);
}
