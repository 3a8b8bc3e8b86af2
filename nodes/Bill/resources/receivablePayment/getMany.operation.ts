import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { CREATED_AND_UPDATED, type ListFilter, getManyItems } from '../../helpers/getMany';
import { CUSTOMER_FILTER, customerFilterField } from '../customer/descriptions';

/**
 * BILL documents no filterable fields of received payments (its Postman collection shows only
 * `id:eq`); the customer and the created/updated times are offered as for invoices, the closest
 * list BILL documents. Sort: BILL's `amount, createdTime, updatedTime`
 * (https://developer.bill.com/docs/sortable-fields).
 */
const filtersField = filtersCollection([
	{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
	{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
	customerFilterField('Only the payments of this customer'),
	{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
	{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
]);

const filters: ListFilter[] = [CUSTOMER_FILTER, ...CREATED_AND_UPDATED];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	sortField([
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Amount', value: 'amount' },
		{ name: 'Updated Time', value: 'updatedTime' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['receivablePayment'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/receivable-payments` (BILL's "Get list of received payments"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, '/v3/receivable-payments', filtersField, filters);
}
