import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { CREATED_AND_UPDATED, type ListFilter, getManyItems } from '../../helpers/getMany';
import { ID_PREFIX } from '../../helpers/validation';
import { vendorLocator } from '../vendor/descriptions';
import { simplifyField } from './descriptions';
import { simplifyBill } from './output';
import { wantsSimplified } from '../../helpers/simplify';

const paymentStatusOptions = [
	{ name: 'Paid', value: 'PAID' },
	{ name: 'Partially Paid', value: 'PARTIAL' },
	{ name: 'Scheduled', value: 'SCHEDULED' },
	{ name: 'Unpaid', value: 'UNPAID' },
];

const filtersField = filtersCollection([
	{
		displayName: 'Archived',
		name: 'archived',
		type: 'boolean',
		default: false,
		description:
			'Whether to return only archived bills (on) or only active bills (off). Without this filter BILL returns both.',
	},
	{
		displayName: 'Created After',
		name: 'createdAfter',
		type: 'dateTime',
		default: '',
		description: 'Bills created at or after this time',
	},
	{
		displayName: 'Created Before',
		name: 'createdBefore',
		type: 'dateTime',
		default: '',
		description: 'Bills created before this time',
	},
	{
		displayName: 'Due Date From',
		name: 'dueDateFrom',
		type: 'dateTime',
		default: '',
		description: 'Bills due on or after this date (only the date is used), e.g. today',
	},
	{
		displayName: 'Due Date To',
		name: 'dueDateTo',
		type: 'dateTime',
		default: '',
		description: 'Bills due on or before this date (only the date is used), e.g. today plus 7 days',
	},
	{
		displayName: 'IDs',
		name: 'ids',
		type: 'string',
		default: '',
		placeholder: '00n02ABCDEFGHIJKLMNO, 00n02PQRSTUVWXYZ123',
		description: 'Only these bills: bill IDs separated by commas',
	},
	{
		displayName: 'Payment Statuses',
		name: 'paymentStatuses',
		type: 'multiOptions',
		options: paymentStatusOptions,
		default: [],
		description:
			'Only bills in one of these payment statuses, e.g. Unpaid and Partially Paid for what is still owed',
	},
	{
		displayName: 'Updated After',
		name: 'updatedAfter',
		type: 'dateTime',
		default: '',
		description: 'Bills changed at or after this time',
	},
	{
		displayName: 'Updated Before',
		name: 'updatedBefore',
		type: 'dateTime',
		default: '',
		description: 'Bills changed before this time',
	},
	{ ...vendorLocator('Only bills of this vendor'), required: false },
]);

/** How the filters go to BILL, in this order. */
const filters: ListFilter[] = [
	{ kind: 'locator', option: 'vendorId', field: 'vendorId', prefix: ID_PREFIX.vendor },
	{ kind: 'list', option: 'ids', field: 'id', prefix: ID_PREFIX.bill },
	{ kind: 'list', option: 'paymentStatuses', field: 'paymentStatus' },
	{ kind: 'dateRange', field: 'dueDate', from: 'dueDateFrom', to: 'dueDateTo' },
	{ kind: 'boolean', option: 'archived', field: 'archived' },
	...CREATED_AND_UPDATED,
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	// Sortable fields of bills (https://developer.bill.com/docs/sortable-fields).
	sortField([
		{ name: 'Due Date', value: 'dueDate' },
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Archived', value: 'archived' },
		{ name: 'Description', value: 'description' },
		{ name: 'Funding Amount', value: 'fundingAmount' },
		{ name: 'Exchange Rate', value: 'exchangeRate' },
	]),
	...simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/bills` with BILL's filters and sort (https://developer.bill.com/docs/filterable-fields, https://developer.bill.com/docs/search-op-with-lists), page by page. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const bills = await getManyItems(this, itemIndex, '/v3/bills', filtersField, filters);
	return wantsSimplified(this, itemIndex) ? bills.map(simplifyBill) : bills;
}
