import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { BANKS_PATH } from './paths';

const properties: INodeProperties[] = [
	idLocator({
		name: 'bankAccountUserId',
		displayName: 'Bank Account User',
		object: 'bank account user',
		prefix: '',
		searchListMethod: 'searchBankAccountUsers',
		description:
			"A user's access to a bank account: from the list, or the ID of the entry in Bank Account → Get Many Users (not the user's own 006… ID)",
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['removeUser'] } },
	properties,
);

/**
 * `POST /v3/funding-accounts/banks/users/{id}/archive` (Postman "Archive a bank account user"): the user can no longer pay
 * with the account. Idempotent, so a repeat is safe. BILL lists no id prefix for bank-account users,
 * so the id is checked for shape only (ID_PREFIX.bankAccountUser is the emulator's choice).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bankAccountUserId = getId(this, itemIndex, 'bankAccountUserId', 'Bank Account User');
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `${BANKS_PATH}/users/${bankAccountUserId}/archive`,
		repeatable: true,
		itemIndex,
	});
}
