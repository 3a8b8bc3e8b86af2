import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { cardLocator } from '../../helpers/fields';
import { checkAmount, getSpendId, invalid } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { cardLimitField, recurringLimitField } from './descriptions';

const properties: INodeProperties[] = [
	cardLocator('The card to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			cardLimitField(false),
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			recurringLimitField,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/spend/cards/{cardId}` (Postman "Update a vendor card", e.g. `{limit}`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const cardId = getSpendId(this, itemIndex, 'cardId', 'Card');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.name !== undefined && String(fields.name).trim())
		body.name = String(fields.name).trim();
	if (fields.cardLimit !== undefined)
		body.limit = checkAmount(this, itemIndex, 'Update Fields → Card Limit', fields.cardLimit, {
			allowZero: true,
		});
	if (fields.recurringLimit !== undefined)
		body.recurringLimit = checkAmount(
			this,
			itemIndex,
			'Update Fields → Recurring Limit',
			fields.recurringLimit,
			{ allowZero: true },
		);
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	return await spendApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/spend/cards/${cardId}`,
		body,
		itemIndex,
	});
}
