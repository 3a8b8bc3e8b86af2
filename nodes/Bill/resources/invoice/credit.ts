// The credit an Update or Replace asks an invoice to carry. BILL documents `creditAmount` ("taken
// from the customer's available credit memos") on create only
// (https://developer.bill.com/reference/createinvoice); whether a PATCH or PUT sets the invoice's
// credit, adds to it, or is refused is not documented (docs/GUESSES.md). So the node reads the
// invoice first and sends `creditAmount` only where every reading gives the same result: never
// when the invoice already carries that credit (a re-run applies nothing twice), and only to an
// invoice that carries none yet; changing a credit already applied is refused, unsent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';

/**
 * Takes `creditAmount` off `body` when the invoice already carries it; refuses a change of a
 * credit already applied. Answers the invoice as BILL has it when it was read.
 */
export async function checkCreditChange(
	context: IExecuteFunctions,
	itemIndex: number,
	invoiceId: string,
	body: IDataObject,
): Promise<IDataObject | undefined> {
	if (body.creditAmount === undefined) return undefined;
	const wanted = Number(body.creditAmount);
	const invoice = await billApiRequest.call(context, {
		method: 'GET',
		path: `/v3/invoices/${invoiceId}`,
		itemIndex,
	});
	const carried = Number(invoice.creditAmount ?? 0);
	if (Math.abs(carried - wanted) < 0.005) delete body.creditAmount;
	else if (carried > 0)
		throw invalid(
			context,
			itemIndex,
			'Credit Amount',
			`the invoice already carries ${carried.toFixed(2)} of credit, not ${wanted.toFixed(2)}; BILL does not document how a credit already applied changes, so none is sent`,
			`Give ${carried.toFixed(2)} (or leave Credit Amount out) to keep it; change it in BILL's web app.`,
		);
	return invoice;
}
