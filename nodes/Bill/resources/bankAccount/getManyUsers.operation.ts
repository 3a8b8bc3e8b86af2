import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	accountUsersProperties,
	archivedAccessFilter,
	getManyAccountUsers,
} from '../../helpers/accountUsers';
import { filtersCollection } from '../../helpers/descriptions';
import type { ListFilter } from '../../helpers/getMany';
import { ID_PREFIX } from '../../helpers/validation';
import { bankAccountLocator } from './descriptions';
import { BANKS_PATH } from './paths';

const filtersField = filtersCollection([
	archivedAccessFilter,
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

const properties = accountUsersProperties('bank accounts', filtersField);

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
	return await getManyAccountUsers(this, itemIndex, `${BANKS_PATH}/users`, filtersField, filters);
}
