import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customFieldLocator, spendLocator } from '../../helpers/fields';
import { checkSpendId, getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	customFieldLocator('The custom field the value belongs to'),
	spendLocator({
		name: 'valueId',
		displayName: 'Value',
		object: 'custom field value',
		searchListMethod: 'searchCustomFieldValues',
		description: 'A value of the custom field, or its UUID (Get Many Values lists them)',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['getValue'] } },
	properties,
);

/** `GET /v3/spend/custom-fields/{customFieldId}/values/{customFieldValueId}` (Postman "Get custom field value details"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getSpendId(this, itemIndex, 'customFieldId', 'Custom Field');
	const valueId = checkSpendId(
		this,
		itemIndex,
		'Value',
		this.getNodeParameter('valueId', itemIndex),
	);
	const value = await spendApiRequest.call(this, {
		method: 'GET',
		path: `/v3/spend/custom-fields/${id}/values/${encodeURIComponent(valueId)}`,
		itemIndex,
	});
	return { customFieldId: decodeURIComponent(id), ...value };
}
