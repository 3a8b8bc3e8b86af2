import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest, withHint } from '../../../shared/transport';
import { getBankAccountId } from './body';
import { bankAccountLocator } from './descriptions';
import { BANKS_PATH } from './paths';

const properties: INodeProperties[] = [
	bankAccountLocator('The verified bank account the user should be able to pay with'),
	idLocator({
		name: 'userId',
		displayName: 'User',
		object: 'user',
		prefix: ID_PREFIX.user,
		searchListMethod: 'searchUsers',
		description:
			'The BILL user to nominate. BILL emails them to verify their identity; until then their status is Nominated.',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['nominateUser'] } },
	properties,
);

/** `POST /v3/funding-accounts/banks/users/nominate` with `{ bankAccountId, userId }` → `{ status }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bankAccountId = getBankAccountId(this, itemIndex);
	const userId = getId(this, itemIndex, 'userId', 'User', ID_PREFIX.user);
	try {
		return await billApiRequest.call(this, {
			method: 'POST',
			path: `${BANKS_PATH}/users/nominate`,
			body: { bankAccountId, userId },
			itemIndex,
			uncertainHint:
				"List the bank account's users (Bank Account → Get Many Users) to see whether the user was nominated.",
		});
	} catch (error) {
		throw withHint(
			error,
			'If the account is not verified yet: BILL nominates users only for a verified bank account (Bank Account → Verify first).',
			(status) => status === 400 || status === 409 || status === 422,
		);
	}
}
