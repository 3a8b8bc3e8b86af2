// What comes back: BILL's whole lists (card accounts, AP cards) cut to the "Limit" of a Get Many.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';

/**
 * BILL answers these lists whole, without pages (Postman "Get list of card accounts", "Get list
 * of AP Cards"): "Return All" keeps them all, otherwise the first "Limit" entries. Read (and
 * checked) before the request, so a bad limit sends nothing.
 */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1)
		throw invalid(
			context,
			itemIndex,
			'Limit',
			`must be a whole number of at least 1, not ${limit}`,
		);
	return limit;
}

export const limited = (entries: IDataObject[], limit: number | undefined): IDataObject[] =>
	limit === undefined ? entries : entries.slice(0, limit);
