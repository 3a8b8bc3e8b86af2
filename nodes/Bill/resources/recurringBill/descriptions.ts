// What the editor shows: the recurring-bill parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';
import { vendorLocator } from '../vendor/descriptions';
import { creditLinesField } from '../vendorCredit/descriptions';

/** BILL's recurring-bill ID prefix (https://developer.bill.com/docs/bill-generated-ids). */
export const RECURRING_BILL_PREFIX = 'btp';

export const recurringBillLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'recurringBillId',
		displayName: 'Recurring Bill',
		object: 'recurring bill',
		prefix: RECURRING_BILL_PREFIX,
		searchListMethod: 'searchRecurringBills',
		description,
	});

/** The lines of a recurring bill: as a vendor credit's, without a customer (Postman "Create a recurring bill"). */
export function recurringLinesField(
	name: string,
	displayName: string,
	withId: boolean,
): INodeProperties {
	const field = creditLinesField(name, displayName, withId);
	const [option] = field.options as Array<{
		displayName: string;
		name: string;
		values: INodeProperties[];
	}>;
	return {
		...field,
		options: [
			{
				...option,
				values: option.values.map((value) =>
					value.name === 'classifications'
						? {
								...value,
								options: (value.options as INodeProperties[]).filter(
									(o) => o.name !== 'customerId',
								),
							}
						: value.name === 'amount'
							? { ...value, description: 'The amount of this line on every bill' }
							: value,
				),
			},
		],
	};
}

const PERIODS = [
	{ name: 'Daily', value: 'DAILY' },
	{ name: 'Weekly', value: 'WEEKLY' },
	{ name: 'Monthly', value: 'MONTHLY' },
	{ name: 'Yearly', value: 'YEARLY' },
];

/** The schedule fields; `required` on a create or replace. */
export function scheduleFields(required: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Repeat Every',
			name: 'period',
			description: 'How often the bill is made: every N days, weeks, months or years',
			type: 'options',
			options: PERIODS,
			default: 'MONTHLY',
			required,
		},
		{
			displayName: 'Frequency',
			name: 'frequency',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			required,
			description: 'Every how many periods a bill is made, e.g. 3 with Monthly: every quarter',
		},
		{
			displayName: 'Next Due Date',
			name: 'nextDueDate',
			type: 'dateTime',
			default: '',
			required,
			description: 'The due date of the next bill; later bills follow the schedule',
		},
	];
}

/** Optional on a create or replace, and all of them on an update. */
export const optionalRecurringFields: INodeProperties[] = [
	{
		displayName: 'Auto Pay',
		name: 'autoPayment',
		type: 'boolean',
		default: false,
		description:
			'Whether BILL pays each bill by itself from the bank account below. Turning it on needs an MFA-trusted session.',
	},
	{
		...idLocator({
			name: 'bankAccountId',
			displayName: 'Pay From Bank Account',
			object: 'bank account',
			prefix: ID_PREFIX.bankAccount,
			searchListMethod: 'searchBankAccounts',
			description: 'The bank account auto pay pays from',
		}),
		required: false,
	},
	{
		displayName: 'Days in Advance',
		name: 'daysInAdvance',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How many days before its due date each bill is made',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'No bill is made after this date; empty: no end',
	},
];

/** Vendor, schedule, lines and the optional fields of a whole recurring bill. */
export function recurringFields(forReplace: boolean): INodeProperties[] {
	return [
		vendorLocator('The vendor the bills are from'),
		...scheduleFields(true),
		recurringLinesField('lineItems', 'Line Items', forReplace),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: optionalRecurringFields,
		},
	];
}
