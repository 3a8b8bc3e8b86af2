import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, sortField } from '../../helpers/descriptions';
import { type ListFilter, getManyItems } from '../../helpers/getMany';
import { ID_PREFIX } from '../../helpers/validation';
import { bankAccountLocator } from './descriptions';
import { BANKS_PATH } from './paths';

const filtersField = filtersCollection([
	{
		displayName: 'Archived',
		name: 'archived',
		type: 'boolean',
		default: false,
		description: 'Whether to return only removed access (on) or only current access (off)',
	},
	{ ...bankAccountLocator('Only users of this bank account'), required: false },
]);

/** How the filters go to BILL, in this order. */
const filters: ListFilter[] = [
	{
		kind: 'locator',
		option: 'bankAccountId',
		field: 'bankAccountId',
		prefix: ID_PREFIX.bankAccount,
	},
	{ kind: 'boolean', option: 'archived', field: 'archived' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Only Current User',
		name: 'currentUser',
		type: 'boolean',
		default: false,
		description: "Whether to list only the signed-in user's access to bank accounts",
	},
	filtersField,
	sortField([{ name: 'Archived', value: 'archived' }]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['getManyUsers'] } },
	properties,
);

/**
 * `GET /v3/funding-accounts/banks/users` (Postman "Get list of bank account users"): who may pay with which bank account,
 * and whether BILL has verified them (`verificationStatus`). BILL documents no filterable fields for
 * bank-account users; `bankAccountId` and `archived` follow the fields of the objects (open question).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyItems(this, itemIndex, `${BANKS_PATH}/users`, filtersField, filters, {
		currentUser: this.getNodeParameter('currentUser', itemIndex, false) === true,
	});
}
