// Vendor → Create made re-run safe as Create Many's "Skip Existing Names" is
// (nodes/shared/createOnce.ts): a vendor is known by its name.
//
// BILL does not refuse a second vendor of the same name and documents no rule that a name is
// unique (https://developer.bill.com/docs/vendors); our guess (docs/GUESSES.md), the one Create
// Many has made since it was written, is that an active vendor with the name (ignoring case and
// extra spaces) is the one meant. BILL filters vendors by `name` with `eq` and `sw` only
// (https://developer.bill.com/docs/filterable-fields), not ignoring case, so the active vendors
// are read once per run and the name is compared here.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildFilters } from '../../helpers/filters';
import { createOnce, nameKeys } from '../../../shared/createOnce';
import { billApiRequestAllItems } from '../../../shared/transport';

export async function createVendorOnce(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	create: () => Promise<IDataObject>,
): Promise<IDataObject> {
	return await createOnce(context, itemIndex, {
		scope: 'vendors',
		load: async () =>
			await billApiRequestAllItems.call(
				context,
				{
					method: 'GET',
					path: '/v3/vendors',
					qs: { filters: buildFilters([{ field: 'archived', op: 'eq', value: false }]) },
					itemIndex,
				},
				{ returnAll: true },
			),
		keysOf: (vendor) => nameKeys(vendor.name),
		keys: nameKeys(body.name),
		create,
		parameter: 'Name',
		object: 'vendor',
	});
}
