import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { pageOptions, sortValue } from '../../helpers/listQuery';
import { buildFilters, splitList, timeRangeFilters } from '../../helpers/filters';
import { ID_PREFIX, checkDate, checkId } from '../../helpers/validation';
import { billApiRequestAllItems } from '../../../shared/transport';
import { paymentOutput } from './output';
import { PAYMENTS_PATH } from './paths';

const statusOptions = [
	{ name: 'Approving', value: 'APPROVING' },
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Paid', value: 'PAID' },
	{ name: 'Scheduled', value: 'SCHEDULED' },
	{ name: 'Void', value: 'VOID' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
		],
	},
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
 * (REFERENCE.md has none; the Postman example filters by id); these are the fields v2's payment
 * list documented as filterable: id, vendorId, status, processDate, plus createdTime.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const ids = splitList(f.ids).map((id) =>
		checkId(this, itemIndex, 'Filters → IDs', id, ID_PREFIX.payment),
	);
	const vendorIds = splitList(f.vendorIds).map((id) =>
		checkId(this, itemIndex, 'Filters → Vendor IDs', id, ID_PREFIX.vendor),
	);
	const statuses = Array.isArray(f.statuses) ? (f.statuses as string[]) : [];
	const day = (key: string, parameter: string) =>
		f[key] ? checkDate(this, itemIndex, parameter, f[key]) : undefined;
	const from = day('processDateFrom', 'Filters → Process Date From');
	const to = day('processDateTo', 'Filters → Process Date To');
	const filters = buildFilters([
		ids.length === 1 && { field: 'id', op: 'eq', value: ids[0] },
		ids.length > 1 && { field: 'id', op: 'in', value: ids },
		vendorIds.length === 1 && { field: 'vendorId', op: 'eq', value: vendorIds[0] },
		vendorIds.length > 1 && { field: 'vendorId', op: 'in', value: vendorIds },
		statuses.length === 1 && { field: 'status', op: 'eq', value: statuses[0] },
		statuses.length > 1 && { field: 'status', op: 'in', value: statuses },
		!!from && { field: 'processDate', op: 'gte', value: from },
		!!to && { field: 'processDate', op: 'lte', value: to },
		...timeRangeFilters(this, itemIndex, f),
	]);
	const qs: IDataObject = {};
	if (filters) qs.filters = filters;
	const sort = sortValue(this.getNodeParameter('sort', itemIndex, {}) as IDataObject);
	if (sort) qs.sort = sort;
	const payments = await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: PAYMENTS_PATH, qs, itemIndex },
		pageOptions(this, itemIndex),
	);
	return payments.map((p) => paymentOutput(p));
}
