// What the editor shows: the recurring-invoice parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { classificationsField } from '../../helpers/classifications';
import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';

export const recurringInvoiceLocator = (description?: string): INodeProperties =>
	idLocator({
		name: 'recurringInvoiceId',
		displayName: 'Recurring Invoice',
		object: 'recurring invoice',
		prefix: ID_PREFIX.recurringInvoice,
		searchListMethod: 'searchRecurringInvoices',
		description,
	});

/** BILL's `schedule` (https://developer.bill.com/docs/ar-recurring-invoices). */
export const scheduleFields: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'period',
		description: 'How often the invoice is made: every N days, weeks, months or years',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'DAILY' },
			{ name: 'Weekly', value: 'WEEKLY' },
			{ name: 'Monthly', value: 'MONTHLY' },
			{ name: 'Yearly', value: 'YEARLY' },
		],
		default: 'MONTHLY',
	},
	{
		displayName: 'Every',
		name: 'frequency',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Every how many periods an invoice is made (e.g. 3 with Monthly: quarterly)',
	},
	{
		displayName: 'Next Due Date',
		name: 'nextDueDate',
		type: 'dateTime',
		default: '',
		description:
			'Due date of the next invoice; past due dates are all invoiced at once. Invoices are numbered by their due date.',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'No invoice after this day (optional)',
	},
	{
		displayName: 'Days in Advance',
		name: 'daysInAdvance',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How many days before its due date each invoice is made',
	},
];

export const optionalRecurringFields: INodeProperties[] = [
	classificationsField('receivable', 'recurring invoice'),
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Send Email',
		name: 'sendEmail',
		type: 'boolean',
		default: false,
		description: 'Whether BILL emails each invoice to the customer when it is made',
	},
];
