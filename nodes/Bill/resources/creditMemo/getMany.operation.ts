import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { type ListFilter, getManyItems } from '../../helpers/getMany';
import { CUSTOMER_FILTER, customerFilterField } from '../customer/descriptions';

/**
 * BILL documents no filterable fields of credit memos (its Postman collection filters only by
 * `id`); the customer and archived filters are offered as for invoices, the closest list BILL
 * documents. Sort: BILL's sortable credit-memo fields (https://developer.bill.com/docs/sortable-fields).
 */
const filtersField = filtersCollection([
	{
		displayName: 'Archived',
		name: 'archived',
		type: 'boolean',
		default: false,
		description: 'Whether to return archived credit memos (on) or active ones (off)',
	},
	customerFilterField('Only the credit memos of this customer'),
]);

const filters: ListFilter[] = [
	CUSTOMER_FILTER,
	{ kind: 'boolean', option: 'archived', field: 'archived' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	sortField([
		{ name: 'Credit Date', value: 'creditDate' },
		{ name: 'Amount', value: 'amount' },
		{ name: 'Applied Amount', value: 'appliedAmount' },
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Archived', value: 'archived' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['creditMemo'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, '/v3/credit-memos', filtersField, filters);
}
