// What the editor shows: the vendor-credit parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';
import { classificationsField } from '../bill/lineItemDescriptions';
import { vendorLocator } from '../vendor/descriptions';

export const vendorCreditLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'vendorCreditId',
		displayName: 'Vendor Credit',
		object: 'vendor credit',
		prefix: ID_PREFIX.vendorCredit,
		searchListMethod: 'searchVendorCredits',
		description,
	});

/** A credit line: amount, description, classifications; with `withId`, the line to keep. */
export function creditLinesField(
	name: string,
	displayName: string,
	withId: boolean,
): INodeProperties {
	const values: INodeProperties[] = [];
	if (withId)
		values.push({
			displayName: 'Line Item ID',
			name: 'id',
			type: 'string',
			default: '',
			description: withId
				? 'ID of an existing line (Vendor Credit → Get shows them); empty adds a new line'
				: undefined,
		});
	values.push(
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2, minValue: 0 },
			default: 0,
			description: 'The amount credited on this line, more than 0',
		},
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		classificationsField('line'),
	);
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line Item',
		default: {},
		options: [{ displayName: 'Line Item', name: 'lineItem', values }],
	};
}

/** Optional on a create or replace, and all of them on an update. */
export const optionalCreditFields: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		...idLocator({
			name: 'applyToChartOfAccountId',
			displayName: 'Apply to Chart of Account',
			object: 'chart of account',
			prefix: ID_PREFIX.chartOfAccount,
			searchListMethod: 'searchChartOfAccounts',
			description: 'The general-ledger account the credit is booked to',
		}),
		required: false,
	},
	{
		...idLocator({
			name: 'applyToBankAccountId',
			displayName: 'Apply to Bank Account',
			object: 'bank account',
			prefix: ID_PREFIX.bankAccount,
			searchListMethod: 'searchBankAccounts',
			description: 'The bank account a refund of the credit goes to',
		}),
		required: false,
	},
];

/** Vendor, reference number, credit date, lines and the optional fields of a whole credit. */
export function creditFields(forReplace: boolean): INodeProperties[] {
	return [
		vendorLocator('The vendor that gave the credit'),
		{
			displayName: 'Reference Number',
			name: 'referenceNumber',
			type: 'string',
			default: '',
			required: true,
			description:
				"The vendor's number for the credit (e.g. its credit memo number); a vendor's reference numbers identify its credits on re-runs",
		},
		{
			displayName: 'Credit Date',
			name: 'creditDate',
			description: 'The date of the vendor credit (yyyy-MM-dd)',
			type: 'dateTime',
			default: '',
			required: true,
		},
		creditLinesField('lineItems', 'Line Items', forReplace),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: optionalCreditFields,
		},
	];
}

export const skipExistingField: INodeProperties = {
	displayName: 'Skip Existing Reference Numbers',
	name: 'skipExisting',
	type: 'boolean',
	default: true,
	description:
		'Whether to create nothing where the vendor already has an active credit with the reference number, returning it with alreadyExisted: true. Makes a re-run safe.',
};

/** How a Many operation reads its input. */
export const inputField: INodeProperties = {
	displayName: 'Input',
	name: 'vendorCreditsInput',
	description:
		"Where the vendor credits come from: fields mapped per item, or each item's JSON as it is",
	type: 'options',
	options: [
		{
			name: 'One per Input Item',
			value: 'items',
			description: 'Each input item is one vendor credit, from the fields below',
		},
		{
			name: 'JSON',
			value: 'json',
			description:
				"Vendor credits in BILL's own format, built earlier in the workflow: one or an array per input item",
		},
	],
	default: 'items',
};

export const jsonField = (description: string): INodeProperties => ({
	displayName: 'Vendor Credits (JSON)',
	name: 'vendorCreditsJson',
	type: 'json',
	default: '[]',
	required: true,
	description,
	displayOptions: { show: { vendorCreditsInput: ['json'] } },
});
