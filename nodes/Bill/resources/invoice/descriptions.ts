// What the editor shows: the invoice parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { classificationsField } from '../../helpers/classifications';
import { chartOfAccountLocator, idLocator, salesTaxItemLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';

export const invoiceLocator = (description?: string): INodeProperties =>
	idLocator({
		name: 'invoiceId',
		displayName: 'Invoice',
		object: 'invoice',
		prefix: ID_PREFIX.invoice,
		searchListMethod: 'searchInvoices',
		description,
	});

/**
 * The "Line Items" of an invoice (BILL's `invoiceLineItems`): quantity × price each, with its
 * classifications. `withId` adds the line item ID (Update and Replace keep or change lines by ID).
 */
export function invoiceLineItemsField(withId: boolean, required: boolean): INodeProperties {
	const values: INodeProperties[] = [];
	if (withId) {
		values.push({
			displayName: 'Line Item ID',
			name: 'id',
			type: 'string',
			default: '',
			placeholder: '00f02ABCDEFGHIJKLMNO',
			description: withId
				? 'The ID of a line the invoice has (keeps or changes it); empty adds a new line'
				: undefined,
		});
	}
	values.push(
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
		},
		{
			displayName: 'Price',
			name: 'price',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			description: 'Price of one unit; BILL computes the line amount as quantity × price',
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

/** The optional invoice fields of Create, Update and Replace. */
export const optionalInvoiceFields: INodeProperties[] = [
	classificationsField('receivable', 'invoice'),
	{
		displayName: 'Credit Amount',
		name: 'creditAmount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description:
			"Credit taken from the customer's credit memos and applied to this invoice (BILL's creditAmount); its due amount drops by it. On Update and Replace, the credit the invoice should carry in all: the same amount again applies nothing twice.",
	},
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		description: 'BILL uses the day the invoice is created when left empty',
	},
	{
		displayName: 'Enable Card Payment',
		name: 'enableCardPayment',
		type: 'boolean',
		default: false,
		description: 'Whether the customer may pay this invoice by card',
	},
	{
		displayName: 'Invoice Date',
		name: 'invoiceDate',
		type: 'dateTime',
		default: '',
		description: 'BILL uses the day the invoice is created when left empty',
	},
	chartOfAccountLocator(
		'payToChartOfAccountId',
		'Pay To Chart of Account',
		'The chart of account the invoice is booked to',
	),
	salesTaxItemLocator('A sales-tax item, applied to the taxable lines'),
];
