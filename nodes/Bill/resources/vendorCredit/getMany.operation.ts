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
		description: 'Whether to return archived vendor credits (on) or active ones (off)',
	},
	{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
	{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'multiOptions',
		description: "The statuses BILL's collection shows for vendor credits",
		options: [
			{ name: 'Fully Applied', value: 'FULLY_APPLIED' },
			{ name: 'In Process', value: 'IN_PROCESS' },
			{ name: 'Not Applied', value: 'NOT_APPLIED' },
		],
		default: [],
	},
	{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
	{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
	{ ...vendorLocator('Only the credits of this vendor'), required: false },
]);

/**
 * BILL's collection shows only `id` as a filter of this list ("Get list of vendor credits"); the
 * vendor and status go as BILL filters its other lists by them, and a BILL that refuses one
 * answers with its error.
 */
const filters: ListFilter[] = [
	{ kind: 'locator', option: 'vendorId', field: 'vendorId', prefix: ID_PREFIX.vendor },
	{ kind: 'boolean', option: 'archived', field: 'archived' },
	{ kind: 'list', option: 'status', field: 'status' },
	...CREATED_AND_UPDATED,
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	sortField([
		{ name: 'Created Time', value: 'createdTime' },
		{ name: 'Updated Time', value: 'updatedTime' },
		{ name: 'Archived', value: 'archived' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendorCredit'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/vendor-credits` (Postman "Get list of vendor credits"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, '/v3/vendor-credits', filtersField, filters);
}
