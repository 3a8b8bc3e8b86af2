import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { CREATED_AND_UPDATED, type ListFilter, getManyItems } from '../../helpers/getMany';
import { ID_PREFIX } from '../../helpers/validation';
import { paymentOutput } from './output';
import { PAYMENTS_PATH } from './paths';

const statusOptions = [
	{ name: 'Approving', value: 'APPROVING' },
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Paid', value: 'PAID' },
	{ name: 'Scheduled', value: 'SCHEDULED' },
	{ name: 'Void', value: 'VOID' },
];

const filtersField = filtersCollection([
	{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
	{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
	{
		displayName: 'IDs',
		name: 'ids',
		type: 'string',
		default: '',
		placeholder: 'stp02ABCDEFGHIJKLMNO, stp02PQRSTUVWXYZ123',
		description: 'Only these payments: IDs separated by commas',
	},
	{
		displayName: 'Process Date From',
		name: 'processDateFrom',
		type: 'dateTime',
		default: '',
		description: 'Only payments processed on or after this day',
	},
	{
		displayName: 'Process Date To',
		name: 'processDateTo',
		type: 'dateTime',
		default: '',
		description: 'Only payments processed on or before this day',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: statusOptions,
		default: [],
	},
	{
		displayName: 'Vendor IDs',
		name: 'vendorIds',
		type: 'string',
		default: '',
		placeholder: '00902ABCDEFGHIJKLMNO',
		description: 'Only payments to these vendors: IDs separated by commas',
	},
]);

/** How the filters go to BILL, in this order. */
const filters: ListFilter[] = [
	{ kind: 'list', option: 'ids', field: 'id', prefix: ID_PREFIX.payment },
	{ kind: 'list', option: 'vendorIds', field: 'vendorId', prefix: ID_PREFIX.vendor },
	{ kind: 'list', option: 'statuses', field: 'status' },
	{ kind: 'dateRange', field: 'processDate', from: 'processDateFrom', to: 'processDateTo' },
	...CREATED_AND_UPDATED,
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	sortField([
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Process Date', value: 'processDate' },
		{ name: 'Amount', value: 'amount' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['getMany'] } },
	properties,
);

/**
 * `GET /v3/payments`, page by page. BILL's docs list no filterable fields for payments
 * (https://developer.bill.com/docs/filterable-fields lists none; Postman "Get list of payments" filters by id); these are the fields v2's payment
 * list documented as filterable: id, vendorId, status, processDate, plus createdTime.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const payments = await getManyItems(this, itemIndex, PAYMENTS_PATH, filtersField, filters);
	return payments.map((p) => paymentOutput(p));
}
