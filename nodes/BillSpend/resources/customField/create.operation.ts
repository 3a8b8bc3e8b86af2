import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	createSpendOnce,
	nameKey,
	skipExistingField,
	wantsSkipExisting,
} from '../../helpers/existing';
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
	...skipExistingField(
		'Skip Existing Custom Fields',
		'an active (not retired) custom field with the same name (ignoring case and extra spaces)',
	),
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
 * "Create a custom field"; BILL answers 200). Not repeated when the answer is lost; with "Skip
 * Existing Custom Fields" an active custom field of the same name is returned instead.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = getString(this, itemIndex, 'name', 'Name');
	const values = valueList(this, itemIndex, this.getNodeParameter('values', itemIndex, []), {
		required: false,
	});
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name, global: true, ...compact(additional) };
	if (values.length) body.values = values;
	const create = async () =>
		await spendApiRequest.call(this, {
			method: 'POST',
			path: '/v3/spend/custom-fields',
			body,
			itemIndex,
			uncertainHint: `Look for a custom field named "${name}" (Custom Field → Get Many) before running it again, or run it again with "Skip Existing Custom Fields" on.`,
		});
	if (!wantsSkipExisting(this, itemIndex)) return await create();
	return await createSpendOnce(this, itemIndex, {
		// BILL documents no rule that a custom field's name is unique (Postman "Create a custom
		// field", https://developer.bill.com/docs/transaction-management): our guess (docs/GUESSES.md) is
		// that an active custom field with the name is the one meant. Listed with the documented
		// `name:sw` and `retired:eq` filters (https://developer.bill.com/hc/reference/listcustomfields);
		// the whole name is compared here. The values of the one found are left as they are.
		scope: `customFields|${nameKey(name).join()}`,
		path: '/v3/spend/custom-fields',
		filters: [
			{ field: 'name', op: 'sw', value: name },
			{ field: 'retired', op: 'eq', value: false },
		],
		keep: (field) => field.retired !== true,
		keysOf: (field) => nameKey(field.name),
		keys: nameKey(name),
		create,
		parameter: 'Name',
		object: 'custom field',
	});
}
