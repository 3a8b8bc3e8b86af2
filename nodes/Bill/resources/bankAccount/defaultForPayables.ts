// The organization's default bank account for payables: a Get Many filter, and the funding
// account "Default for Payables" of Payment → Create and Create Bulk.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildFilters } from '../../helpers/filters';
import { invalid } from '../../helpers/validation';
import { billApiRequestAllItems } from '../../../shared/transport';
import { BANKS_PATH } from './paths';

/**
 * Whether BILL marks the account as the default for payables: its `default.payables` (Postman
 * "Get bank account details"; set with "Update a bank account").
 */
export function isDefaultForPayables(account: IDataObject): boolean {
	return (account.default as IDataObject | undefined)?.payables === true;
}

/**
 * The active bank accounts, read all, for a filter BILL does not take: BILL's page
 * https://developer.bill.com/docs/filterable-fields lists no `default` field for bank accounts,
 * so the accounts are read and `default.payables` is compared here. An organization has a few
 * bank accounts, so this is one request in practice.
 */
export async function activeBankAccounts(
	context: IExecuteFunctions,
	itemIndex: number,
	qs: IDataObject = { filters: buildFilters([{ field: 'archived', op: 'eq', value: false }]) },
): Promise<IDataObject[]> {
	return await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: BANKS_PATH, qs, itemIndex },
		{ returnAll: true },
	);
}

/** Per execution (one node run = one context): the default account's ID, looked up once. */
const defaults = new WeakMap<object, Promise<string | undefined>>();

/**
 * The ID of the organization's default bank account for payables, read once per execution and
 * shared by its items. An organization without one gets an error naming the parameter.
 */
export async function defaultPayablesAccountId(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<string> {
	let lookup = defaults.get(context);
	if (!lookup) {
		lookup = activeBankAccounts(context, itemIndex).then((accounts) => {
			const found = accounts.find((a) => !a.archived && isDefaultForPayables(a));
			return found ? String(found.id) : undefined;
		});
		defaults.set(context, lookup);
		// A failed read is forgotten, so the next item tries again.
		lookup.catch(() => defaults.get(context) === lookup && defaults.delete(context));
	}
	const id = await lookup;
	if (!id) {
		throw invalid(
			context,
			itemIndex,
			'Funding Type',
			'"Default for Payables": the organization has no bank account that is the default for payables',
			'Make one the default with Bank Account → Update ("Default for Payables" on), or choose "Bank Account" and pick the account.',
		);
	}
	return id;
}
