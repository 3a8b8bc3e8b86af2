import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { CREATED_AND_UPDATED, type ListFilter, getManyItems } from '../../helpers/getMany';
import { kindOf } from '../../helpers/classificationKinds';

const filtersField = filtersCollection([
	{
		displayName: 'Archived',
		name: 'archived',
		type: 'boolean',
		default: false,
		description: 'Whether to return archived classifications (on) or active ones (off)',
	},
	{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
	{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
	{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
	{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
]);

const filters: ListFilter[] = [
	{ kind: 'boolean', option: 'archived', field: 'archived' },
	...CREATED_AND_UPDATED,
];

const common = [
	{ name: 'Created Time', value: 'createdTime' },
	{ name: 'Updated Time', value: 'updatedTime' },
	{ name: 'Archived', value: 'archived' },
];

// BILL's sortable fields (https://developer.bill.com/docs/sortable-fields): name and description,
// an employee's first and last name.
const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	{
		...sortField([
			{ name: 'Name', value: 'name' },
			{ name: 'Description', value: 'description' },
			...common,
		]),
		displayOptions: { hide: { classificationType: ['employee'] } },
	},
	{
		...sortField([
			{ name: 'Last Name', value: 'lastName' },
			{ name: 'First Name', value: 'firstName' },
			...common,
		]),
		displayOptions: { show: { classificationType: ['employee'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['classification'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/classifications/{type}` (Postman "Get list of chart of accounts" and the like). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const info = kindOf(this);
	return await getManyItems(
		this,
		itemIndex,
		`/v3/classifications/${info.path}`,
		filtersField,
		filters,
	);
}
