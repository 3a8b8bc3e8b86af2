import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { type ListFilter, getManyItems } from '../../helpers/getMany';
import { CUSTOMER_FILTER, customerFilterField } from '../customer/descriptions';

/**
 * BILL documents no filterable or sortable fields of recurring invoices (its Postman collection
 * sorts by `archived`); the customer and archived filters are offered as for invoices.
 */
const filtersField = filtersCollection([
	{
		displayName: 'Archived',
		name: 'archived',
		type: 'boolean',
		default: false,
		description: 'Whether to return archived recurring invoices (on) or active ones (off)',
	},
	customerFilterField('Only the recurring invoices of this customer'),
]);

const filters: ListFilter[] = [
	CUSTOMER_FILTER,
	{ kind: 'boolean', option: 'archived', field: 'archived' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	sortField([
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Archived', value: 'archived' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, '/v3/recurring-invoices', filtersField, filters);
}
