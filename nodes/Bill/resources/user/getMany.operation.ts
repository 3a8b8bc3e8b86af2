import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { type ListFilter, getManyItems } from '../../helpers/getMany';

const filtersField = filtersCollection([
	{
		displayName: 'Archived',
		name: 'archived',
		type: 'boolean',
		default: false,
		description: 'Whether to return archived users (on) or active users (off)',
	},
]);
const filters: ListFilter[] = [{ kind: 'boolean', option: 'archived', field: 'archived' }];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	// Sortable fields of organization users: https://developer.bill.com/docs/sortable-fields
	sortField([
		{ name: 'First Name', value: 'firstName' },
		{ name: 'Last Name', value: 'lastName' },
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Archived', value: 'archived' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getMany'] } },
	properties,
);

/** Postman "Get list of users" of the organization. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, '/v3/users', filtersField, filters);
}
