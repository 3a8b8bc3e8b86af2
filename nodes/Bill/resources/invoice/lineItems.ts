// What goes to BILL: an invoice's line items (`invoiceLineItems`), read from the "Line Items"
// parameter and checked before anything is sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { putClassifications } from '../../helpers/classifications';
import { checkAmount, checkId, invalid } from '../../helpers/validation';

/** Line item ids: BILL's "Update an invoice" keeps lines by `id` (`00f…`). */
export const LINE_ITEM_PREFIX = '00f';

/**
 * The lines as BILL takes them (`{id?, description, quantity, price, classifications?}`). `required`: at least one
 * line (create and replace: BILL's "Create an invoice" requires `invoiceLineItems`). Line ids are
 * checked for `linePrefix` (null: shape only, e.g. recurring-invoice lines, whose prefix BILL
 * does not document).
 */
export function getInvoiceLineItems(
	context: IExecuteFunctions,
	itemIndex: number,
	required: boolean,
	linePrefix: string | null = LINE_ITEM_PREFIX,
): IDataObject[] {
	const lines = context.getNodeParameter('lineItems.item', itemIndex, []) as IDataObject[];
	if (!Array.isArray(lines) || (required && !lines.length))
		throw invalid(context, itemIndex, 'Line Items', 'add at least one line item');
	return lines.map((line, n) => {
		const where = `Line Items, line ${n + 1}`;
		const out: IDataObject = {};
		if (line.id !== undefined && String(line.id).trim() !== '')
			out.id = checkId(
				context,
				itemIndex,
				`${where} → Line Item ID`,
				line.id,
				linePrefix ?? undefined,
			);
		const description = String(line.description ?? '').trim();
		if (description) out.description = description;
		out.quantity = checkAmount(context, itemIndex, `${where} → Quantity`, line.quantity ?? 1);
		out.price = checkAmount(context, itemIndex, `${where} → Price`, line.price ?? 0, {
			allowZero: true,
			allowNegative: true,
		});
		putClassifications(
			context,
			itemIndex,
			out,
			line.classifications,
			'receivableLine',
			`${where} → Classifications`,
		);
		return out;
	});
}
