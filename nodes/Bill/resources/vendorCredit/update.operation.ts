import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { updateBody } from './body';
import { creditLinesField, optionalCreditFields, vendorCreditLocator } from './descriptions';

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Credit Date',
				name: 'creditDate',
				description: 'The date of the vendor credit (yyyy-MM-dd)',
				type: 'dateTime',
				default: '',
			},
			{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '' },
			...optionalCreditFields,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
	{
		...creditLinesField('lineItemChanges', 'Line Item Changes', true),
		description:
			'Existing lines to change, by ID; other lines stay as they are (to add or remove lines, use Replace). An amount of 0 keeps the amount.',
	},
];

const properties: INodeProperties[] = [
	vendorCreditLocator('The vendor credit to update'),
	...updateFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendorCredit'], operation: ['update'] } },
	properties,
);

/**
 * `PATCH /v3/vendor-credits/{id}` (Postman "Update a vendor credit": line item IDs stay). A repeat
 * writes the same values, so it is repeatable.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'vendorCreditId', 'Vendor Credit', ID_PREFIX.vendorCredit);
	const body = updateBody(this, itemIndex);
	return await billApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/vendor-credits/${id}`,
		body,
		itemIndex,
	});
}
