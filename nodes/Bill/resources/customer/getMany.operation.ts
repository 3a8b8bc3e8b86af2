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
		description: 'Whether to return archived customers (on) or active customers (off)',
	},
	{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
	{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
	{
		displayName: 'Invoice Currencies',
		name: 'invoiceCurrencies',
		type: 'string',
		default: '',
		placeholder: 'USD, CAD',
		description: 'Comma-separated three-letter codes',
	},
	{
		displayName: 'Name Is',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Exact customer name',
	},
	{ displayName: 'Name Starts With', name: 'nameStartsWith', type: 'string', default: '' },
	{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
	{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
]);

/** BILL's filterable customer fields (https://developer.bill.com/docs/filterable-fields). */
const filters: ListFilter[] = [
	{ kind: 'text', option: 'nameStartsWith', field: 'name', op: 'sw' },
	{ kind: 'text', option: 'name', field: 'name' },
	{ kind: 'boolean', option: 'archived', field: 'archived' },
	{ kind: 'list', option: 'accountTypes', field: 'accountType' },
	{ kind: 'list', option: 'invoiceCurrencies', field: 'invoiceCurrency', upperCase: true },
	...CREATED_AND_UPDATED,
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	// BILL's sortable customer fields (https://developer.bill.com/docs/sortable-fields).
	sortField([
		{ name: 'Name', value: 'name' },
		{ name: 'Company Name', value: 'companyName' },
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Archived', value: 'archived' },
		{ name: 'Email', value: 'email' },
		{ name: 'Invoice Currency', value: 'invoiceCurrency' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, '/v3/customers', filtersField, filters);
}
