// Bill → Update's line changes that name a line by its position: the bill is read to find the
// line item's ID, which BILL's PATCH needs.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';

/** A line position given in Line Item Changes: a whole number from 1. */
export function checkPosition(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): number {
	const position = typeof value === 'string' && value.trim() ? Number(value) : value;
	if (typeof position !== 'number' || !Number.isInteger(position) || position < 1)
		throw invalid(
			context,
			itemIndex,
			parameter,
			`"${String(value)}" is not a line position (1, 2, …)`,
		);
	return position;
}

/**
 * Replaces `position` (1-based) by the `id` of that line item of the bill. BILL's "Update a
 * bill" (PATCH) changes line items by `id` only (https://developer.bill.com/reference/updatebill);
 * the position is the line's place in the bill's `billLineItems` as "Get bill details" lists them.
 * Reads the bill only when a change names a line by position.
 */
export async function linePositionsToIds(
	context: IExecuteFunctions,
	itemIndex: number,
	billId: string,
	lines: IDataObject[],
): Promise<void> {
	if (!lines.some((line) => line.position !== undefined)) return;
	const bill = await billApiRequest.call(context, {
		method: 'GET',
		path: `/v3/bills/${billId}`,
		itemIndex,
	});
	const onBill = Array.isArray(bill.billLineItems) ? (bill.billLineItems as IDataObject[]) : [];
	lines.forEach((line, n) => {
		if (line.position === undefined) return;
		const position = Number(line.position);
		const found = onBill[position - 1];
		if (!found?.id) {
			throw invalid(
				context,
				itemIndex,
				`Line Item Changes, line ${n + 1} → Position`,
				`bill ${billId} has ${onBill.length} line item${onBill.length === 1 ? '' : 's'}, so there is no line ${position}`,
			);
		}
		delete line.position;
		// The ID first, as a change by ID sends it.
		const rest = { ...line };
		for (const key of Object.keys(line)) delete line[key];
		Object.assign(line, { id: found.id }, rest);
	});
}
