import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { locatorValue, pageOptions, sortValue } from '../../helpers/listQuery';
import { buildFilters, splitList, timeRangeFilters } from '../../helpers/filters';
import { ID_PREFIX, checkDate, checkId } from '../../helpers/validation';
import { billApiRequestAllItems } from '../../../shared/transport';
import { vendorLocator } from '../vendor/descriptions';
import { simplifyField } from './descriptions';
import { simplifyBill } from './output';

const paymentStatusOptions = [
	{ name: 'Paid', value: 'PAID' },
	{ name: 'Partially Paid', value: 'PARTIAL' },
	{ name: 'Scheduled', value: 'SCHEDULED' },
	{ name: 'Unpaid', value: 'UNPAID' },
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
				description:
					'Bills due on or before this date (only the date is used), e.g. today plus 7 days',
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
		],
	},
	// Sortable fields of bills (REFERENCE.md §4.5).
	sortField([
		{ name: 'Due Date', value: 'dueDate' },
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Archived', value: 'archived' },
		{ name: 'Description', value: 'description' },
		{ name: 'Funding Amount', value: 'fundingAmount' },
		{ name: 'Exchange Rate', value: 'exchangeRate' },
	]),
	simplifyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bill'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/bills` with BILL's filters and sort (REFERENCE.md §4.5, §8.2), page by page. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;

	const vendorValue = locatorValue(f.vendorId);
	const vendorId = vendorValue
		? checkId(this, itemIndex, 'Filters → Vendor', vendorValue, ID_PREFIX.vendor)
		: undefined;
	const ids = splitList(f.ids).map((id) =>
		checkId(this, itemIndex, 'Filters → IDs', id, ID_PREFIX.bill),
	);
	const statuses = (f.paymentStatuses as string[] | undefined) ?? [];
	const date = (key: string, parameter: string) =>
		f[key] ? checkDate(this, itemIndex, parameter, f[key]) : undefined;
	const dueFrom = date('dueDateFrom', 'Filters → Due Date From');
	const dueTo = date('dueDateTo', 'Filters → Due Date To');

	const filters = buildFilters([
		!!vendorId && { field: 'vendorId', op: 'eq', value: vendorId },
		ids.length === 1 && { field: 'id', op: 'eq', value: ids[0] },
		ids.length > 1 && { field: 'id', op: 'in', value: ids },
		statuses.length === 1 && { field: 'paymentStatus', op: 'eq', value: statuses[0] },
		statuses.length > 1 && { field: 'paymentStatus', op: 'in', value: statuses },
		!!dueFrom && { field: 'dueDate', op: 'gte', value: dueFrom },
		!!dueTo && { field: 'dueDate', op: 'lte', value: dueTo },
		f.archived !== undefined && { field: 'archived', op: 'eq', value: f.archived as boolean },
		...timeRangeFilters(this, itemIndex, f),
	]);
	const qs: IDataObject = {};
	if (filters) qs.filters = filters;
	const sort = sortValue(this.getNodeParameter('sort', itemIndex, {}) as IDataObject);
	if (sort) qs.sort = sort;
	const bills = await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/bills', qs, itemIndex },
		pageOptions(this, itemIndex),
	);
	return this.getNodeParameter('simplify', itemIndex, false) ? bills.map(simplifyBill) : bills;
}
