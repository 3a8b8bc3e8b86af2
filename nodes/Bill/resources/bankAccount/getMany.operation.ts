import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { CREATED_AND_UPDATED, type ListFilter, getManyItems } from '../../helpers/getMany';
import { ID_PREFIX } from '../../helpers/validation';
import { accountTypeOptions, ownerTypeOptions, statusOptions } from './descriptions';
import { BANKS_PATH } from './paths';

const filtersField = filtersCollection([
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
		description: 'Only accounts in one of these statuses, e.g. Verified for accounts that can pay',
	},
	{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
	{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
]);

/** How the filters go to BILL, in this order. */
const filters: ListFilter[] = [
	{ kind: 'list', option: 'ids', field: 'id', prefix: ID_PREFIX.bankAccount },
	{ kind: 'boolean', option: 'archived', field: 'archived' },
	{ kind: 'list', option: 'statuses', field: 'status' },
	{ kind: 'text', option: 'type', field: 'type' },
	{ kind: 'text', option: 'ownerType', field: 'ownerType' },
	{ kind: 'boolean', option: 'accessToAdmins', field: 'accessToAdmins' },
	...CREATED_AND_UPDATED,
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersField,
	// Sortable fields of bank accounts (https://developer.bill.com/docs/sortable-fields).
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
 * `GET /v3/funding-accounts/banks`, page by page. BILL's filterable-fields page (https://developer.bill.com/docs/filterable-fields) leaves the filterable fields of bank
 * accounts open (open question 9); these are the ones BILL's page
 * https://developer.bill.com/docs/filterable-fields lists for bank accounts: id, archived, status,
 * type, ownerType, accessToAdmins, createdTime, updatedTime.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, BANKS_PATH, filtersField, filters);
}
