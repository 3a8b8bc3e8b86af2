import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { pageOptions, sortValue } from '../../helpers/listQuery';
import { buildFilters, splitList, timeRangeFilters } from '../../helpers/filters';
import { billApiRequestAllItems } from '../../../shared/transport';
import { accountTypeOptions } from './descriptions';

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
				displayName: 'Account Types',
				name: 'accountTypes',
				type: 'multiOptions',
				options: accountTypeOptions,
				default: [],
			},
			{
				displayName: 'Archived',
				name: 'archived',
				type: 'boolean',
				default: false,
				description: 'Whether to return archived vendors (on) or active vendors (off)',
			},
			{
				displayName: 'Bill Currencies',
				name: 'billCurrencies',
				type: 'string',
				default: '',
				placeholder: 'USD, CAD',
				description: 'Comma-separated three-letter codes',
			},
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
			{
				displayName: 'Name Is',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Exact vendor name',
			},
			{ displayName: 'Name Starts With', name: 'nameStartsWith', type: 'string', default: '' },
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
		],
	},
	sortField([
		{ name: 'Name', value: 'name' },
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Archived', value: 'archived' },
		{ name: 'Email', value: 'email' },
		{ name: 'Bill Currency', value: 'billCurrency' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const accountTypes = (f.accountTypes as string[] | undefined) ?? [];
	const currencies = splitList(f.billCurrencies).map((c) => c.toUpperCase());
	const filters = buildFilters([
		!!f.nameStartsWith && { field: 'name', op: 'sw', value: String(f.nameStartsWith) },
		!!f.name && { field: 'name', op: 'eq', value: String(f.name) },
		f.archived !== undefined && { field: 'archived', op: 'eq', value: f.archived as boolean },
		accountTypes.length > 0 && { field: 'accountType', op: 'in', value: accountTypes },
		currencies.length > 0 && { field: 'billCurrency', op: 'in', value: currencies },
		...timeRangeFilters(this, itemIndex, f),
	]);
	const qs: IDataObject = {};
	if (filters) qs.filters = filters;
	const sort = sortValue(this.getNodeParameter('sort', itemIndex, {}) as IDataObject);
	if (sort) qs.sort = sort;
	return await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/vendors', qs, itemIndex },
		pageOptions(this, itemIndex),
	);
}
