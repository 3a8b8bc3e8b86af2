import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkAmount, invalid } from '../../helpers/validation';
import { billApiRequest, withHint } from '../../../shared/transport';
import { getBankAccountId } from './body';
import { bankAccountLocator } from './descriptions';
import { BANKS_PATH } from './paths';

const properties: INodeProperties[] = [
	bankAccountLocator('The bank account to verify'),
	{
		displayName: 'Deposit Amount',
		name: 'depositAmount',
		type: 'number',
		typeOptions: { minValue: 0.01, maxValue: 0.99, numberPrecision: 2 },
		default: 0.5,
		required: true,
		description:
			'The amount of the test deposit BILL made to the account (between 0.01 and 0.99). In the sandbox it is always 0.50. After three wrong amounts BILL no longer accepts the account.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bankAccount'], operation: ['verify'] } },
	properties,
);

/**
 * `POST /v3/funding-accounts/banks/{id}/verify` with `{ depositAmount }` → `{ verified }`
 * (Postman "Verify a bank account"). Never repeated when the outcome is unknown: each wrong try counts
 * towards BILL's limit of three.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const bankAccountId = getBankAccountId(this, itemIndex);
	const raw = this.getNodeParameter('depositAmount', itemIndex, '');
	const depositAmount = checkAmount(this, itemIndex, 'Deposit Amount', raw);
	if (Number(raw) !== depositAmount) {
		throw invalid(
			this,
			itemIndex,
			'Deposit Amount',
			'has more than 2 decimals',
			'Give the deposit in dollars and cents, e.g. 0.50.',
		);
	}
	if (depositAmount >= 1) {
		throw invalid(
			this,
			itemIndex,
			'Deposit Amount',
			`${depositAmount} is not a test deposit`,
			"BILL's test deposit is between 0.01 and 0.99.",
		);
	}
	try {
		return await billApiRequest.call(this, {
			method: 'POST',
			path: `${BANKS_PATH}/${bankAccountId}/verify`,
			body: { depositAmount },
			repeatable: false,
			itemIndex,
			uncertainHint:
				'Get the bank account (Bank Account → Get): if its status is VERIFIED, it worked.',
		});
	} catch (error) {
		// BILL documents the lock after three wrong amounts, not the error it then answers with.
		throw withHint(
			error,
			'If the account is blocked after three wrong amounts: BILL no longer accepts it. Create the bank account again (Bank Account → Create) and verify the new one.',
			(status) => status === 400 || status === 403 || status === 409 || status === 422,
		);
	}
}
