import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest, withHint } from '../../../shared/transport';
import { accountNumbersBody } from '../bankAccount/body';
import { accountNumberFields } from '../bankAccount/descriptions';
import {
	activeCustomerBankAccounts,
	customerBankAccountsPath,
	getCustomerId,
} from './bankAccounts';
import { customerLocator } from './descriptions';

const properties: INodeProperties[] = [
	customerLocator('The customer whose bank account this is'),
	...accountNumberFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Nickname',
				name: 'nickname',
				type: 'string',
				default: '',
				description: 'A name for the account in BILL',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['createBankAccount'] } },
	properties,
);

/**
 * `POST /v3/customers/{id}/bank-accounts` (https://developer.bill.com/hc/reference/createcustomerbankaccount):
 * the customer needs a billing address first. BILL's reference names the fields only by their
 * meaning; the names are those of the organization's bank accounts (a guess, docs/GUESSES.md).
 * An active account of the customer with the same routing number, type and last four digits is
 * returned (`alreadyExisted: true`) instead of adding it twice; the create is never repeated
 * when its outcome is unknown.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = getCustomerId(this, itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		...accountNumbersBody(this, itemIndex),
	};
	const nickname = String(additional.nickname ?? '').trim();
	if (nickname) body.nickname = nickname;
	const last4 = String(body.accountNumber).slice(-4);
	const existing = (await activeCustomerBankAccounts(this, itemIndex, customerId)).find(
		(a) =>
			a.routingNumber === body.routingNumber &&
			a.type === body.type &&
			String(a.accountNumber ?? '').slice(-4) === last4,
	);
	if (existing) return { ...existing, alreadyExisted: true };
	try {
		const created = await billApiRequest.call(this, {
			method: 'POST',
			path: customerBankAccountsPath(customerId),
			body,
			itemIndex,
			uncertainHint:
				"Running it again is safe: the node first looks for the customer's active account with this routing number and account number, and returns it instead of adding a second one.",
		});
		return { ...created, alreadyExisted: false };
	} catch (error) {
		throw withHint(
			error,
			'BILL adds a bank account only to a customer with a billing address (Customer → Update → Billing Address), and checks the routing number in production.',
			(status) => status === 400,
		);
	}
}
