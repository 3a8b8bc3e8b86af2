// Customers the organization already has, matched by name or email, so a re-run of a create
// (or an invoice for a new customer) makes no second customer.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildFilters } from '../../helpers/filters';
import { type CreateOnce, createOnce, matchKey } from '../../helpers/createOnce';
import { billApiRequestAllItems } from '../../../shared/transport';

/** The keys a customer is known by: its name and its email, compared ignoring case. */
export const customerKeys = (customer: IDataObject): string[] =>
	[matchKey('name', customer.name), matchKey('email', customer.email)].filter(
		(key): key is string => !!key,
	);

/**
 * Every active customer (pages of 100). BILL can filter customers by name but not by email
 * (https://developer.bill.com/docs/filterable-fields), so all are read once per run and
 * compared here.
 */
export async function activeCustomers(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await billApiRequestAllItems.call(
		context,
		{
			method: 'GET',
			path: '/v3/customers',
			qs: { filters: buildFilters([{ field: 'archived', op: 'eq', value: false }]) },
			itemIndex,
		},
		{ returnAll: true },
	);
}

/** The index of this run's customers, for createOnce (customers and new customers of invoices). */
export const customerScope = (
	context: IExecuteFunctions,
	itemIndex: number,
): Pick<CreateOnce, 'scope' | 'load' | 'keysOf'> => ({
	scope: 'customers',
	load: async () => await activeCustomers(context, itemIndex),
	keysOf: customerKeys,
});

/**
 * Creates the customer unless the organization has an active customer with its name or email,
 * which is returned with `alreadyExisted: true`.
 */
export async function createCustomerUnlessExists(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	create: () => Promise<IDataObject>,
): Promise<IDataObject> {
	return await createOnce(context, itemIndex, {
		...customerScope(context, itemIndex),
		keys: customerKeys(body),
		create,
		parameter: 'Name or Email',
		object: 'customer',
	});
}
