// What the editor shows for line items and classifications (read by lineItems.ts).

import type { INodeProperties } from 'n8n-workflow';

import { classificationsField } from '../../helpers/classifications';

// The classifications live in helpers (invoices and credit memos have them too).
export { CLASSIFICATIONS, classificationsField, type Level } from '../../helpers/classifications';

/** The "Line Items" fixed collection; `withId` adds the line item ID (Replace). */
export function lineItemsField(withId: boolean): INodeProperties {
	const values: INodeProperties[] = [];
	if (withId) {
		values.push({
			displayName: 'Line Item ID',
			name: 'id',
			type: 'string',
			default: '',
			description:
				'ID of an existing line item to keep (with the values below). Leave empty to add a new line item. Existing line items not listed are removed.',
		});
	}
	values.push(
		{
			displayName: 'Priced By',
			name: 'pricedBy',
			type: 'options',
			options: [
				{ name: 'Amount', value: 'amount', description: 'The line total' },
				{
					name: 'Quantity × Price',
					value: 'quantityPrice',
					description: 'BILL computes the amount as quantity × unit price',
				},
			],
			default: 'amount',
		},
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2, minValue: 0 },
			default: 0,
			description: 'Line total, more than 0',
			displayOptions: { show: { pricedBy: ['amount'] } },
		},
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
			displayOptions: { show: { pricedBy: ['quantityPrice'] } },
		},
		{
			displayName: 'Price',
			name: 'price',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Unit price',
			displayOptions: { show: { pricedBy: ['quantityPrice'] } },
		},
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		classificationsField('line'),
	);
	return {
		displayName: 'Line Items',
		name: 'lineItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line Item',
		default: {},
		description: "The bill's lines; at least one. The bill's total is their sum.",
		displayOptions: { show: { lineItemsInput: ['fields'] } },
		options: [{ displayName: 'Line Item', name: 'lineItem', values }],
	};
}

/** The "Line Item Changes" of Update: each names a line item by ID and what changes on it. */
export const lineItemChangesField: INodeProperties = {
	displayName: 'Line Item Changes',
	name: 'lineItemChanges',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Line Item Change',
	default: {},
	description:
		'Existing line items to change, by ID (Bill → Get shows them) or by position (1, 2, …). Other line items stay as they are; to add or remove lines, use Replace.',
	options: [
		{
			displayName: 'Line Item',
			name: 'lineItem',
			// Sorted by name, as n8n's lint wants; display options show only what the choices above need.
			values: [
				{
					displayName: 'Amount',
					name: 'amount',
					type: 'number',
					typeOptions: { numberPrecision: 2, minValue: 0 },
					default: 0,
					displayOptions: { show: { pricedBy: ['amount'] } },
				},
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'New description; empty keeps it',
				},
				{
					displayName: 'Line Item By',
					name: 'lineBy',
					type: 'options',
					options: [
						{ name: 'ID', value: 'id', description: "The line item's ID (Bill → Get shows them)" },
						{
							name: 'Position',
							value: 'position',
							description: 'Its place on the bill: 1 for the first line, 2 for the second…',
						},
					],
					// Saved workflows name lines by ID: the default keeps them so.
					default: 'id',
				},
				{
					displayName: 'Line Item ID',
					name: 'id',
					type: 'string',
					default: '',
					required: true,
					displayOptions: { show: { lineBy: ['id'] } },
				},
				{
					displayName: 'New Price',
					name: 'pricedBy',
					type: 'options',
					options: [
						{ name: 'Keep As Is', value: 'keep' },
						{ name: 'Amount', value: 'amount' },
						{ name: 'Quantity × Price', value: 'quantityPrice' },
					],
					default: 'keep',
				},
				{
					displayName: 'Position',
					name: 'position',
					type: 'number',
					typeOptions: { minValue: 1, numberPrecision: 0 },
					default: 1,
					description:
						"The line's place on the bill as BILL lists it (1 = first); the node reads the bill to find its ID",
					displayOptions: { show: { lineBy: ['position'] } },
				},
				{
					displayName: 'Price',
					name: 'price',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Unit price',
					displayOptions: { show: { pricedBy: ['quantityPrice'] } },
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 1,
					displayOptions: { show: { pricedBy: ['quantityPrice'] } },
				},
				classificationsField('line'),
			],
		},
	],
};

export const lineItemsInputField: INodeProperties = {
	displayName: 'Line Items Input',
	name: 'lineItemsInput',
	type: 'options',
	options: [
		{ name: 'Line Items', value: 'fields', description: 'Enter the lines one by one below' },
		{
			name: 'JSON',
			value: 'json',
			description: 'An array of line items built earlier in the workflow',
		},
	],
	default: 'fields',
	description: "How the bill's line items are given",
};

export const lineItemsJsonField: INodeProperties = {
	displayName: 'Line Items (JSON)',
	name: 'lineItemsJson',
	type: 'json',
	default: '[]',
	required: true,
	description:
		'An array of line items, each with "amount" (or "quantity" and "price"), optionally "description" and "classifications", e.g. [{"amount": 149, "description": "USB audio interface"}, {"quantity": 2, "price": 79.99}]',
	displayOptions: { show: { lineItemsInput: ['json'] } },
};
