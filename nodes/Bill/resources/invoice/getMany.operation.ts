import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { CREATED_AND_UPDATED, type ListFilter, getManyItems } from '../../helpers/getMany';
import { CUSTOMER_FILTER, customerFilterField } from '../customer/descriptions';

const filtersField = filtersCollection([
	{
		displayName: 'Archived',
		name: 'archived',
		type: 'boolean',
		default: false,
		description: 'Whether to return archived invoices (on) or active invoices (off)',
	},
	{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
	{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
	customerFilterField('Only the invoices of this customer'),
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		// BILL's invoice statuses (changelog 2026-03-20, "Invoices API improvements").
		options: [
			{ name: 'Open', value: 'OPEN' },
			{ name: 'Paid in Full', value: 'PAID_IN_FULL' },
			{ name: 'Partial Payment', value: 'PARTIAL_PAYMENT' },
			{ name: 'Scheduled', value: 'SCHEDULED' },
		],
		default: [],
	},
	{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
	{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
]);

/**
 * BILL's filterable invoice fields (https://developer.bill.com/docs/filterable-fields; `status`
 * since the 2026-03-20 changelog, which names no operators: one status goes as `eq`, several as
 * `in`, the two the other status filters take).
 */
const filters: ListFilter[] = [
	CUSTOMER_FILTER,
	{ kind: 'boolean', option: 'archived', field: 'archived' },
	{ kind: 'list', option: 'statuses', field: 'status' },
	...CREATED_AND_UPDATED,
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	// BILL's sortable invoice fields (https://developer.bill.com/docs/sortable-fields).
	sortField([
		{ name: 'Due Date', value: 'dueDate' },
		{ name: 'Invoice Date', value: 'invoiceDate' },
		{ name: 'Invoice Number', value: 'invoiceNumber' },
		{ name: 'Total Amount', value: 'totalAmount' },
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Archived', value: 'archived' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, '/v3/invoices', filtersField, filters);
}
