import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customFieldLocator } from '../../helpers/fields';
import { checkIdList, getSpendId, invalid } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	customFieldLocator('The custom field to remove values from'),
	{
		displayName: 'Value IDs',
		name: 'valueIds',
		type: 'string',
		default: '',
		required: true,
		description:
			'Comma-separated UUIDs of the values to remove (Get Many Values lists them). Past transactions keep them.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['removeValues'] } },
	properties,
);

/**
 * `DELETE /v3/spend/custom-fields/{customFieldId}/values` with `{customFieldValueIds: [...]}` as
 * its JSON body (Postman "Delete a custom field value").
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getSpendId(this, itemIndex, 'customFieldId', 'Custom Field');
	const valueIds = checkIdList(
		this,
		itemIndex,
		'Value IDs',
		this.getNodeParameter('valueIds', itemIndex, ''),
	);
	if (!valueIds.length) throw invalid(this, itemIndex, 'Value IDs', 'is required');
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/custom-fields/${id}/values`,
		body: { customFieldValueIds: valueIds },
		itemIndex,
	});
	return { customFieldId: decodeURIComponent(id), removed: valueIds };
}
