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
import { userLocator } from '../user/descriptions';
import { cardUserStatusOptions } from './getMany.operation';
import { cardAccountLocator } from './descriptions';
import { CARDS_PATH } from './paths';

const filtersField = filtersCollection([
	archivedAccessFilter,
	{ ...cardAccountLocator('Only users of this card account'), required: false },
	{ ...userLocator('Only this user'), required: false },
	{
		displayName: 'Verification Status',
		name: 'verificationStatus',
		type: 'multiOptions',
		options: cardUserStatusOptions,
		default: [],
		description: 'Only users BILL has verified, or only those who must still verify',
	},
]);

/** How the filters go to BILL, in this order. */
const filters: ListFilter[] = [
	{ kind: 'locator', option: 'cardAccountId', field: 'cardAccountId', prefix: '' },
	{ kind: 'locator', option: 'userId', field: 'userId', prefix: ID_PREFIX.user },
	{ kind: 'boolean', option: 'archived', field: 'archived' },
	{ kind: 'list', option: 'verificationStatus', field: 'verificationStatus' },
];

const properties = accountUsersProperties('card accounts', filtersField);

export const description = updateDisplayOptions(
	{ show: { resource: ['cardAccount'], operation: ['getManyUsers'] } },
	properties,
);

/**
 * `GET /v3/funding-accounts/cards/users` (Postman "Get list of card account users"): who may pay
 * with which card account; a NOMINATED user must finish BILL's verification before paying. BILL
 * documents no filterable fields for them (Postman filters by `id`); the filters here are the
 * object's own fields.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getManyAccountUsers(this, itemIndex, `${CARDS_PATH}/users`, filtersField, filters);
}
