import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customFieldLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest, spendApiRequestAllItems } from '../../transport';
import { valueList, valuesField } from './descriptions';

const properties: INodeProperties[] = [
	customFieldLocator('The custom field to add values to'),
	valuesField('The values to add', true),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customField'], operation: ['addValues'] } },
	properties,
);

/**
 * `POST /v3/spend/custom-fields/{customFieldId}/values` with `{values: [...]}` (Postman "Create a
 * custom field value"). Postman's example answers one value object, and BILL does not say what it
 * answers to several values: the node outputs one item a value whether BILL answers one object, a
 * list, or `{results}`; when fewer come back than were sent, it reads the field's values (Postman
 * "Get list of custom field values") for the others. Not repeated when the answer is lost (it
 * could add the values twice).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = getSpendId(this, itemIndex, 'customFieldId', 'Custom Field');
	const values = valueList(this, itemIndex, this.getNodeParameter('values', itemIndex, []), {
		required: true,
	});
	const response = (await spendApiRequest.call(this, {
		method: 'POST',
		path: `/v3/spend/custom-fields/${id}/values`,
		body: { values },
		itemIndex,
		uncertainHint: 'List the values (Custom Field → Get Many Values) before adding them again.',
	})) as IDataObject | IDataObject[];
	let list = Array.isArray(response)
		? response
		: Array.isArray(response.results)
			? (response.results as IDataObject[])
			: [response];
	if (list.length < values.length) list = await valuesAdded(this, itemIndex, id, values, list);
	return list.map((value) => ({ customFieldId: decodeURIComponent(id), ...value }));
}

/** The values sent, as the field now lists them (the newest of each text), in the order sent. */
async function valuesAdded(
	context: IExecuteFunctions,
	itemIndex: number,
	id: string,
	values: string[],
	answered: IDataObject[],
): Promise<IDataObject[]> {
	const listed = await spendApiRequestAllItems.call(
		context,
		{ method: 'GET', path: `/v3/spend/custom-fields/${id}/values`, itemIndex },
		{ returnAll: true },
	);
	return values.map(
		(value) => [...answered, ...listed].reverse().find((v) => v.value === value) ?? { value },
	);
}
