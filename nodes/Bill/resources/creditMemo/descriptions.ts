// What the editor shows: the credit-memo parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { classificationsField } from '../../helpers/classifications';
import { chartOfAccountLocator, idLocator, salesTaxItemLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';

export const creditMemoLocator = (description?: string): INodeProperties =>
	idLocator({
		name: 'creditMemoId',
		displayName: 'Credit Memo',
		object: 'credit memo',
		prefix: ID_PREFIX.creditMemo,
		searchListMethod: 'searchCreditMemos',
		description,
	});

/**
 * BILL's `creditMemoLineItems`: a priced line (quantity × price) or a percent line, which BILL
 * applies to the sum of the lines above it (https://developer.bill.com/docs/ar-credit-memos).
 */
export function creditMemoLinesField(withId: boolean, required: boolean): INodeProperties {
	const values: INodeProperties[] = [];
	if (withId)
		values.push({
			displayName: 'Line Item ID',
			name: 'id',
			type: 'string',
			default: '',
			description: 'The ID of a line the credit memo has (keeps or changes it); empty adds a line',
		});
	values.push(
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{
			displayName: 'Line Type',
			name: 'lineType',
			type: 'options',
			options: [
				{ name: 'Quantity × Price', value: 'priced' },
				{
					name: 'Percent of the Lines Above',
					value: 'percent',
					description: 'E.g. -10 for a 10% discount on the lines above it.',
				},
			],
			default: 'priced',
		},
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			default: 1,
			displayOptions: { show: { lineType: ['priced'] } },
		},
		{
			displayName: 'Price',
			name: 'price',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			displayOptions: { show: { lineType: ['priced'] } },
		},
		{
			displayName: 'Rate Percent',
			name: 'ratePercent',
			type: 'number',
			default: 0,
			displayOptions: { show: { lineType: ['percent'] } },
		},
		classificationsField('receivableLine'),
	);
	return {
		displayName: 'Line Items',
		name: 'lineItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line Item',
		default: {},
		required,
		options: [{ displayName: 'Line Item', name: 'item', values }],
	};
}

export const optionalCreditMemoFields: INodeProperties[] = [
	classificationsField('receivable', 'credit memo'),
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	idLocator({
		name: 'payToBankAccountId',
		displayName: 'Pay To Bank Account',
		object: 'bank account',
		prefix: ID_PREFIX.bankAccount,
		searchListMethod: 'searchBankAccounts',
		optional: true,
		description: 'The bank account a refund of the credit is paid from',
	}),
	chartOfAccountLocator(
		'payToChartOfAccountId',
		'Pay To Chart of Account',
		'The chart of account the credit memo is booked to',
	),
	salesTaxItemLocator('A sales-tax item, applied to the taxable lines'),
];
