// The parameters of a whole recurring invoice (Create, Replace).

import type { INodeProperties } from 'n8n-workflow';

import { customerLocator } from '../customer/descriptions';
import { invoiceLineItemsField } from '../invoice/descriptions';
import { optionalRecurringFields, scheduleFields } from './descriptions';

export const recurringInvoiceFields = (withLineIds: boolean): INodeProperties[] => [
	customerLocator('The customer invoiced on the schedule'),
	...scheduleFields.map((field) =>
		field.name === 'nextDueDate' ? { ...field, required: true } : field,
	),
	invoiceLineItemsField(withLineIds, true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalRecurringFields,
	},
];
