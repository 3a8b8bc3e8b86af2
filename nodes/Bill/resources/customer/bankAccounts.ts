// The customer's bank accounts (BILL, December 2025): where a charge takes the money from.
// https://developer.bill.com/changelog/2025-12-05-new-endpoints-customer-bank-accounts

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequestAllItems } from '../../../shared/transport';

export const customerBankAccountsPath = (customerId: string) =>
	`/v3/customers/${customerId}/bank-accounts`;

export const customerBankAccountLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'customerBankAccountId',
		displayName: 'Customer Bank Account',
		object: 'customer bank account',
		prefix: ID_PREFIX.customerBankAccount,
		description,
	});

export const getCustomerId = (context: IExecuteFunctions, itemIndex: number) =>
	getId(context, itemIndex, 'customerId', 'Customer', ID_PREFIX.customer);

export const getCustomerBankAccountId = (context: IExecuteFunctions, itemIndex: number) =>
	getId(
		context,
		itemIndex,
		'customerBankAccountId',
		'Customer Bank Account',
		ID_PREFIX.customerBankAccount,
	);

/** The customer's bank accounts that are not archived (`GET …/bank-accounts`, every page). */
export async function activeCustomerBankAccounts(
	context: IExecuteFunctions,
	itemIndex: number,
	customerId: string,
): Promise<IDataObject[]> {
	const accounts = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: customerBankAccountsPath(customerId), itemIndex },
		{ returnAll: true },
	);
	return accounts.filter((a) => a.archived !== true);
}
