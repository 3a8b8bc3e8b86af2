// Credit memos a customer already has, matched by reference number, so a re-run of a create
// makes no second credit memo.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { type CreateOnce, matchKey } from '../../helpers/createOnce';
import { billApiRequestAllItems } from '../../../shared/transport';

/** A credit memo's key: its customer and reference number (ignoring case). */
export const creditMemoKey = (memo: IDataObject): string | undefined => {
	const reference = matchKey('reference', memo.referenceNumber);
	return reference && memo.customerId ? `${String(memo.customerId)}|${reference}` : undefined;
};

/**
 * Every active credit memo. BILL documents no filterable fields of credit memos (its Postman
 * collection filters only by `id`), so none is sent: the list is read whole (pages of 100) and
 * archived ones and other customers' are left out here, which works whatever BILL filters.
 */
export async function activeCreditMemos(
	context: IExecuteFunctions,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const all = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: '/v3/credit-memos', itemIndex },
		{ returnAll: true },
	);
	return all.filter((memo) => memo.archived !== true);
}

export const creditMemoScope = (
	context: IExecuteFunctions,
	itemIndex: number,
): Pick<CreateOnce, 'scope' | 'load' | 'keysOf'> => ({
	scope: 'creditMemos',
	load: async () => await activeCreditMemos(context, itemIndex),
	keysOf: (memo) => [creditMemoKey(memo)].filter((key): key is string => !!key),
});
