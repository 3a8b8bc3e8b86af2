import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customFieldLocator } from '../../helpers/fields';
import { compact, getSpendId, invalid } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { optionalCustomFieldFields } from './descriptions';

const properties: INodeProperties[] = [
	customFieldLocator('The custom field to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...optionalCustomFieldFields,
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{
					displayName: 'Required',
					name: 'required',
					type: 'boolean',
					default: false,
					description: 'Whether every transaction must have this field set',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Values have their own operations: Add Values and Remove Values',
		name: 'valuesNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/spend/custom-fields/{customFieldId}` (Postman "Update a custom field", e.g. `{description}`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getSpendId(this, itemIndex, 'customFieldId', 'Custom Field');
	const body = compact(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (typeof body.name === 'string') body.name = body.name.trim();
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	return await spendApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/spend/custom-fields/${id}`,
		body,
		itemIndex,
	});
}
