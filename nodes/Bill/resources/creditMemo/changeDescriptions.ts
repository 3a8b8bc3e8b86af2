// The parameters of a change (Update, Update Many): fields and lines by ID.

import type { INodeProperties } from 'n8n-workflow';

import { creditMemoLinesField, optionalCreditMemoFields } from './descriptions';

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...optionalCreditMemoFields,
				{
					displayName: 'Credit Date',
					name: 'creditDate',
					description: 'The date of the credit memo (yyyy-MM-dd)',
					type: 'dateTime',
					default: '',
				},
				{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '' },
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		...creditMemoLinesField(true, false),
		description: 'Lines to change, each by its Line Item ID (a line without ID is added)',
	},
];
