// What the editor shows: the bill parameters several operations share (line items:
// lineItemDescriptions.ts).

import type { INodeProperties } from 'n8n-workflow';

import { simplifyOutputField } from '../../helpers/simplify';
import { simplifyByVersion } from '../../../shared/simplify';
import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';
import { vendorLocator } from '../vendor/descriptions';
import {
	classificationsField,
	lineItemsField,
	lineItemsInputField,
	lineItemsJsonField,
} from './lineItemDescriptions';

export const billLocator = (description?: string): INodeProperties =>
	idLocator({
		name: 'billId',
		displayName: 'Bill',
		object: 'bill',
		prefix: ID_PREFIX.bill,
		searchListMethod: 'searchBills',
		description,
	});

/** Optional bill fields, on create (Additional Fields), replace and update (Update Fields). */
export const optionalBillFields: INodeProperties[] = [
	classificationsField('bill'),
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	idLocator({
		name: 'payFromChartOfAccountId',
		displayName: 'Pay From Chart of Account',
		object: 'chart of account',
		prefix: ID_PREFIX.chartOfAccount,
		searchListMethod: 'searchChartOfAccounts',
		optional: true,
		description: 'The chart of account the bill is paid from',
	}),
	{
		displayName: 'Purchase Order Number',
		name: 'purchaseOrderNumber',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Vendor Credits',
		name: 'vendorCredits',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Vendor Credit',
		default: {},
		description: 'Credits of this vendor to apply to the bill',
		options: [
			{
				displayName: 'Vendor Credit',
				name: 'credit',
				values: [
					idLocator({
						name: 'id',
						displayName: 'Vendor Credit',
						object: 'vendor credit',
						prefix: ID_PREFIX.vendorCredit,
						searchListMethod: 'searchVendorCredits',
						optional: true,
						description: 'The vendor credit to apply (one of this vendor, not used up)',
					}),
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						typeOptions: { numberPrecision: 2, minValue: 0 },
						default: 0,
					},
				],
			},
		],
	},
];

/**
 * The parameters of a whole bill (Create, Create Many with "Each Input Item", Replace).
 * `forReplace` adds the line item ID to the line items.
 */
export function billFields(forReplace: boolean): INodeProperties[] {
	return [
		vendorLocator(forReplace ? 'The vendor of the bill' : 'The vendor who sent the bill'),
		{
			displayName: 'Invoice Number',
			name: 'invoiceNumber',
			type: 'string',
			default: '',
			required: true,
			description: "The number on the vendor's invoice",
		},
		{
			displayName: 'Invoice Date',
			name: 'invoiceDate',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				"The date on the vendor's invoice (YYYY-MM-DD; of a date and time only the date is used)",
		},
		{
			displayName: 'Due Date',
			name: 'dueDate',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'When the bill must be paid (YYYY-MM-DD; of a date and time only the date is used)',
		},
		lineItemsInputField,
		lineItemsField(forReplace),
		lineItemsJsonField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: optionalBillFields,
		},
	];
}

/** "Simplify" of the bill creates and updates: the small form of Get's Simplify, with the vendor's name. */
export const simplifyCreatedField = simplifyOutputField(
	'ID, vendor ID and name, invoice number and date, due date, total, due and paid amounts, payment and approval status',
);

/** Whether to output the small form of a bill (Get, Get Many); on by default from typeVersion 1.1. */
export const simplifyField: INodeProperties[] = simplifyByVersion(
	'Whether to return a small object per bill (ID, vendor, invoice number and date, due date, amounts, payment and approval status) instead of the full bill with its line items. Good for AI agents and digests.',
);

export const skipExistingField: INodeProperties = {
	displayName: 'Skip Existing Invoice Numbers',
	name: 'skipExisting',
	type: 'boolean',
	default: true,
	description:
		'Whether to first look for an active (not archived) bill of the same vendor with the same invoice number (ignoring case and spaces) and, if there is one, output it with "alreadyExisted": true instead of creating a second bill. On by default so that running a workflow again never creates a bill twice; it costs one extra lookup per vendor. Created bills get "alreadyExisted": false.',
};

/**
 * `billApprovals: true` on create and update (https://developer.bill.com/changelog/2025-11-05-new-endpoints-bill-approvals):
 * BILL then adds the bill's approval data to its answer. Off (the default) sends nothing, as before.
 */
export const billApprovalsField: INodeProperties = {
	displayName: 'Include Approvals',
	name: 'billApprovals',
	type: 'boolean',
	default: false,
	description:
		"Whether BILL adds the bill's approval data to its answer: approvalStatus and the approvers in the order they approve (BILL's billApprovals). A bill with approvers is paid only once fully approved.",
};
