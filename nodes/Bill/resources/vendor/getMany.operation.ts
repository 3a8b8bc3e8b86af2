import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { CREATED_AND_UPDATED, type ListFilter, getManyItems } from '../../helpers/getMany';
import { accountTypeOptions } from './descriptions';

const filtersField = filtersCollection([
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
]);

/**
 * How the filters go to BILL, in this order. Account types and currencies have always been sent
 * with `in`, one value too.
 */
const filters: ListFilter[] = [
	{ kind: 'text', option: 'nameStartsWith', field: 'name', op: 'sw' },
	{ kind: 'text', option: 'name', field: 'name' },
	{ kind: 'boolean', option: 'archived', field: 'archived' },
	{ kind: 'list', option: 'accountTypes', field: 'accountType', op: 'in' },
	{ kind: 'list', option: 'billCurrencies', field: 'billCurrency', upperCase: true, op: 'in' },
	...CREATED_AND_UPDATED,
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
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
	return await getManyItems(this, itemIndex, '/v3/vendors', filtersField, filters);
}
