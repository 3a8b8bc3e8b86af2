// Invoices a customer already has, matched by invoice number, so a re-run of a create makes no
// second invoice.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { createOnce, matchKey } from '../../helpers/createOnce';
import { buildFilters } from '../../helpers/filters';
import { billApiRequestAllItems } from '../../../shared/transport';

const numberKeys = (invoice: IDataObject) => {
	const key = matchKey('number', invoice.invoiceNumber);
	return key ? [key] : [];
};

/**
 * Creates the invoice unless the customer has an active invoice with its number (compared
 * trimmed and ignoring case), which is then returned with `alreadyExisted: true`. BILL cannot
 * filter invoices by number (https://developer.bill.com/docs/filterable-fields), so the
 * customer's active invoices are read once per run (pages of 100) and compared here.
 */
export async function createInvoiceUnlessExists(
	context: IExecuteFunctions,
	itemIndex: number,
	customerId: string,
	invoiceNumber: string,
	create: () => Promise<IDataObject>,
): Promise<IDataObject> {
	return await createOnce(context, itemIndex, {
		scope: `invoices|${customerId}`,
		load: async () =>
			await billApiRequestAllItems.call(
				context,
				{
					method: 'GET',
					path: '/v3/invoices',
					qs: {
						filters: buildFilters([
							{ field: 'customerId', op: 'eq', value: customerId },
							{ field: 'archived', op: 'eq', value: false },
						]),
					},
					itemIndex,
				},
				{ returnAll: true },
			),
		keysOf: numberKeys,
		keys: numberKeys({ invoiceNumber }),
		create,
		parameter: 'Invoice Number',
		object: 'invoice',
	});
}
