import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { pageOptions, sortValue } from '../../helpers/listQuery';
import { buildFilters, splitList, timeRangeFilters } from '../../helpers/filters';
import { ID_PREFIX, checkId } from '../../helpers/validation';
import { billApiRequestAllItems } from '../../../shared/transport';
import { accountTypeOptions, ownerTypeOptions, statusOptions } from './descriptions';
import { BANKS_PATH } from './paths';

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
				displayName: 'Access to Admins',
				name: 'accessToAdmins',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only accounts every administrator may use (on) or only the others (off)',
			},
			{
				displayName: 'Account Type',
				name: 'type',
				type: 'options',
				options: accountTypeOptions,
				default: 'CHECKING',
			},
			{
				displayName: 'Archived',
				name: 'archived',
				type: 'boolean',
				default: false,
				description:
					'Whether to return only archived accounts (on) or only active ones (off). Without this filter BILL returns both.',
			},
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
			{
				displayName: 'IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'bac02ABCDEFGHIJKLMNO, bac02PQRSTUVWXYZ123',
				description: 'Only these bank accounts: IDs separated by commas',
			},
			{
				displayName: 'Owner Type',
				name: 'ownerType',
				type: 'options',
				options: ownerTypeOptions,
				default: 'BUSINESS',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: statusOptions,
				default: [],
				description:
					'Only accounts in one of these statuses, e.g. Verified for accounts that can pay',
			},
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
		],
	},
	// Sortable fields of bank accounts (REFERENCE.md §5.2).
	sortField([
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Bank Nickname', value: 'bankName' },
		{ name: 'Name on Account', value: 'nameOnAccount' },
		{ name: 'Access to Admins', value: 'accessToAdmins' },
		{ name: 'Archived', value: 'archived' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['getMany'] } },
	properties,
);

/**
 * `GET /v3/funding-accounts/banks`, page by page. REFERENCE.md leaves the filterable fields of bank
 * accounts open (open question 9); these are the ones BILL's page
 * https://developer.bill.com/docs/filterable-fields lists for bank accounts: id, archived, status,
 * type, ownerType, accessToAdmins, createdTime, updatedTime.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const ids = splitList(f.ids).map((id) =>
		checkId(this, itemIndex, 'Filters → IDs', id, ID_PREFIX.bankAccount),
	);
	const statuses = (f.statuses as string[] | undefined) ?? [];
	const filters = buildFilters([
		ids.length === 1 && { field: 'id', op: 'eq', value: ids[0] },
		ids.length > 1 && { field: 'id', op: 'in', value: ids },
		f.archived !== undefined && { field: 'archived', op: 'eq', value: f.archived as boolean },
		statuses.length === 1 && { field: 'status', op: 'eq', value: statuses[0] },
		statuses.length > 1 && { field: 'status', op: 'in', value: statuses },
		!!f.type && { field: 'type', op: 'eq', value: String(f.type) },
		!!f.ownerType && { field: 'ownerType', op: 'eq', value: String(f.ownerType) },
		f.accessToAdmins !== undefined && {
			field: 'accessToAdmins',
			op: 'eq',
			value: f.accessToAdmins as boolean,
		},
		...timeRangeFilters(this, itemIndex, f),
	]);
	const qs: IDataObject = {};
	if (filters) qs.filters = filters;
	const sort = sortValue(this.getNodeParameter('sort', itemIndex, {}) as IDataObject);
	if (sort) qs.sort = sort;
	return await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: BANKS_PATH, qs, itemIndex },
		pageOptions(this, itemIndex),
	);
}
