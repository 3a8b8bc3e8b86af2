import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, getString } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { optionalCustomFieldFields, valueList, valuesField } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		description: "The custom field's name, as people see it on their transactions",
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Project',
	},
	valuesField('The values people pick from (leave empty for a free-text note field)', false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalCustomFieldFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['create'] } },
	properties,
);

/**
 * `POST /v3/spend/custom-fields` with `{name, allowCustomValues, global, values}` (Postman
 * "Create a custom field"; BILL answers 200). Not repeated when the answer is lost.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = getString(this, itemIndex, 'name', 'Name');
	const values = valueList(this, itemIndex, this.getNodeParameter('values', itemIndex, []), {
		required: false,
	});
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name, global: true, ...compact(additional) };
	if (values.length) body.values = values;
	return await spendApiRequest.call(this, {
		method: 'POST',
		path: '/v3/spend/custom-fields',
		body,
		itemIndex,
		uncertainHint: `Look for a custom field named "${name}" (Custom Field → Get Many) before running it again.`,
	});
}
