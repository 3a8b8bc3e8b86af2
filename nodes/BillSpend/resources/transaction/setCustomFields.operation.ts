import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkSpendId, invalid } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { transactionIdField } from './descriptions';

const properties: INodeProperties[] = [
	transactionIdField('The card transaction whose custom fields to set'),
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		required: true,
		options: [
			{
				displayName: 'Custom Field',
				name: 'field',
				values: [
					{
						displayName: 'Custom Field Name or ID',
						name: 'customFieldId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFields' },
						default: '',
						required: true,
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Selected Values',
						name: 'selectedValues',
						type: 'string',
						default: '',
						description:
							'Comma-separated UUIDs of the values to select (Custom Field → Get Many Values lists them); for a field that allows custom values, the text itself',
					},
					{
						displayName: 'Note',
						name: 'note',
						type: 'string',
						default: '',
						description: 'Text of a note-type custom field',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['setCustomFields'] } },
	properties,
);

/**
 * `PUT /v3/spend/transactions/{transactionId}/custom-fields` with
 * `{customFields: [{customFieldId, selectedValues, note}]}` (Postman "Update transaction custom
 * fields"). Sets the fields given; a PUT of the same values lands in the same state.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Transaction',
		this.getNodeParameter('transactionId', itemIndex),
	);
	const given = this.getNodeParameter('customFields.field', itemIndex, []) as IDataObject[];
	if (!Array.isArray(given) || given.length === 0)
		throw invalid(this, itemIndex, 'Custom Fields', 'add at least one custom field to set');
	const customFields = given.map((entry, i) => {
		const field: IDataObject = {
			customFieldId: checkSpendId(
				this,
				itemIndex,
				`Custom Fields → ${i + 1} → Custom Field Name or ID`,
				entry.customFieldId,
			),
		};
		const values = String(entry.selectedValues ?? '')
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean);
		if (values.length) field.selectedValues = values;
		if (entry.note) field.note = String(entry.note);
		if (!values.length && !entry.note)
			throw invalid(this, itemIndex, `Custom Fields → ${i + 1}`, 'give selected values or a note');
		return field;
	});
	const response = await spendApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/spend/transactions/${encodeURIComponent(id)}/custom-fields`,
		body: { customFields },
		itemIndex,
	});
	return { transactionId: id, ...response };
}
