import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, checkRoutingNumber, getId, getString, invalid } from '../../helpers/validation';
import { asNodeError, billApiRequest } from '../../../shared/transport';
import { bankAccountPath, currentAccount, maskedAccount } from './bankAccount';
import { vendorLocator } from './descriptions';

const properties: INodeProperties[] = [
	vendorLocator('The vendor whose bank account to set'),
	{
		displayName: 'Name on Account',
		name: 'nameOnAccount',
		description: "The account holder's name, as on the bank's records",
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Routing Number',
		name: 'routingNumber',
		description: "The bank's 9-digit ABA routing number",
		type: 'string',
		default: '',
		required: true,
		placeholder: '074000010',
	},
	{
		displayName: 'Account Number',
		name: 'accountNumber',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'Never shown in the output: only its last four digits',
	},
	{
		displayName: 'Account Type',
		name: 'type',
		description: 'Checking or savings',
		type: 'options',
		options: [
			{ name: 'Checking', value: 'CHECKING' },
			{ name: 'Savings', value: 'SAVINGS' },
		],
		default: 'CHECKING',
	},
	{
		displayName: 'Owner Type',
		name: 'ownerType',
		description: 'Whether the account belongs to a business or a person',
		type: 'options',
		options: [
			{ name: 'Business', value: 'BUSINESS' },
			{ name: 'Personal', value: 'PERSONAL' },
		],
		default: 'BUSINESS',
	},
	{
		displayName: 'Payment Currency',
		name: 'paymentCurrency',
		description: 'The currency the vendor is paid in, a three-letter code such as USD',
		type: 'string',
		default: 'USD',
	},
	{
		displayName:
			'BILL keeps one bank account per vendor and has no update: a different account replaces the one the vendor has (removed, then added). Needs an MFA-trusted session. BILL verifies a new account in 2 business days; schedule payments to it after that.',
		name: 'setNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['vendor'], operation: ['setBankAccount'] } },
	properties,
);

/**
 * Gives the vendor this bank account: unchanged when it has it already (same account and routing
 * number: a re-run does nothing), else `DELETE` the old one (204) and `POST` the new one (200;
 * Postman "Create a vendor bank account": "you must first delete the existing vendor bank
 * account"). The POST is not repeated after a lost answer; the next run finds it by the check above.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const vendorId = getId(this, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor);
	const accountNumber = String(this.getNodeParameter('accountNumber', itemIndex, '')).replace(
		/[\s-]/g,
		'',
	);
	if (!/^\d{4,17}$/.test(accountNumber))
		throw invalid(
			this,
			itemIndex,
			'Account Number',
			'must be 4 to 17 digits',
			'Spaces and dashes are ignored.',
		);
	const currency = String(this.getNodeParameter('paymentCurrency', itemIndex, 'USD'))
		.trim()
		.toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency))
		throw invalid(
			this,
			itemIndex,
			'Payment Currency',
			`"${currency}" is not a three-letter currency code`,
		);
	const body: IDataObject = {
		nameOnAccount: getString(this, itemIndex, 'nameOnAccount', 'Name on Account'),
		accountNumber,
		routingNumber: checkRoutingNumber(
			this,
			itemIndex,
			'Routing Number',
			this.getNodeParameter('routingNumber', itemIndex, ''),
		),
		type: this.getNodeParameter('type', itemIndex),
		ownerType: this.getNodeParameter('ownerType', itemIndex),
		paymentCurrency: currency,
	};
	const existing = await currentAccount(this, itemIndex, vendorId);
	if (
		existing &&
		String(existing.accountNumber) === accountNumber &&
		String(existing.routingNumber) === body.routingNumber
	)
		return { ...maskedAccount(vendorId, existing), alreadyExisted: true };
	if (existing)
		await billApiRequest.call(this, {
			method: 'DELETE',
			path: bankAccountPath(vendorId),
			repeatable: true,
			itemIndex,
		});
	try {
		const added = await billApiRequest.call(this, {
			method: 'POST',
			path: bankAccountPath(vendorId),
			body,
			itemIndex,
			uncertainHint: 'Run it again: it adds the account only if the vendor does not have it.',
		});
		return { ...maskedAccount(vendorId, added), alreadyExisted: false };
	} catch (error) {
		if (!existing) throw asNodeError(this.getNode(), error);
		// The old account is gone and the new one was refused: say so, the vendor has none now.
		throw new NodeOperationError(
			this.getNode(),
			`The vendor's old bank account was removed, but BILL did not add the new one: ${(error as Error).message} [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'The vendor has no bank account now. Fix the account details and run it again.',
			},
		);
	}
}
