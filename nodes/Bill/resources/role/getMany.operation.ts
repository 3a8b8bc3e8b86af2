import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { type ListFilter, getManyItems } from '../../helpers/getMany';

const filtersField = filtersCollection([]);
const filters: ListFilter[] = [];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	// Sortable fields of roles: https://developer.bill.com/docs/sortable-fields
	sortField([
		{ name: 'Description', value: 'description' },
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['role'], operation: ['getMany'] } },
	properties,
);

/** Postman "Get list of user roles": the default roles and the organization's custom ones. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, '/v3/roles', filtersField, filters);
}
