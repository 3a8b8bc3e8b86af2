import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { CREATED_AND_UPDATED, type ListFilter, getManyItems } from '../../helpers/getMany';
import { ID_PREFIX } from '../../helpers/validation';
import { vendorLocator } from '../vendor/descriptions';

const filtersField = filtersCollection([
	{
		displayName: 'Archived',
		name: 'archived',
		type: 'boolean',
		default: false,
		description: 'Whether to return archived recurring bills (on) or active ones (off)',
	},
	{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
	{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
	{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
	{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
	{ ...vendorLocator('Only the recurring bills of this vendor'), required: false },
]);

/**
 * BILL's collection shows only `id` as a filter of this list ("Get list of recurring bills"); the
 * vendor goes as BILL filters its other lists by it, and a BILL that refuses it answers with its error.
 */
const filters: ListFilter[] = [
	{ kind: 'locator', option: 'vendorId', field: 'vendorId', prefix: ID_PREFIX.vendor },
	{ kind: 'boolean', option: 'archived', field: 'archived' },
	...CREATED_AND_UPDATED,
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	// https://developer.bill.com/docs/sortable-fields: archived and description.
	sortField([
		{ name: 'Archived', value: 'archived' },
		{ name: 'Description', value: 'description' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringBill'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/recurringbills` (Postman "Get list of recurring bills"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, '/v3/recurringbills', filtersField, filters);
}
