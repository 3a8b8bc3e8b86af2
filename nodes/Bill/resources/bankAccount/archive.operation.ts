import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest, withHint } from '../../../shared/transport';
import { getBankAccountId } from './body';
import { bankAccountLocator } from './descriptions';
import { BANKS_PATH } from './paths';

const properties: INodeProperties[] = [
	bankAccountLocator('The bank account to archive'),
	{
		displayName:
			'BILL has no delete for bank accounts: archiving is the way to remove one. BILL archives only a verified account.',
		name: 'archiveNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['archive'] } },
	properties,
);

/** `POST /v3/funding-accounts/banks/{id}/archive` (Postman "Archive a bank account"): idempotent, so a repeat is safe. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bankAccountId = getBankAccountId(this, itemIndex);
	try {
		return await billApiRequest.call(this, {
			method: 'POST',
			path: `${BANKS_PATH}/${bankAccountId}/archive`,
			repeatable: true,
			itemIndex,
		});
	} catch (error) {
		throw withHint(
			error,
			'If the account is not verified yet: BILL archives a bank account only once it is verified (Bank Account → Verify) and its bank-account user is verified.',
			(status) => status === 400 || status === 409 || status === 422,
		);
	}
}
