// Payment → Create Bulk's request: where BILL refuses it naming a bill payment, that bill
// payment gets the refusal, and with "Continue On Fail" the others are sent again.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { bulkRefusals, refusalError } from '../../helpers/bulk';
import { billApiRequest, errorJson } from '../../../shared/transport';
import { withPaymentHint } from './hints';
import { paymentOutput } from './output';
import { PAYMENTS_PATH } from './paths';

/** One bill payment of the request, and its number in "Bill Payments" (1-based). */
export interface BulkPart {
	number: number;
	billId: string;
	amount: number;
}

const PARAMETERS: Record<string, string> = { billId: 'Bill ID', amount: 'Amount' };

/**
 * `POST /v3/payments/bulk` for `parts`. BILL pays all bill payments of a request or none
 * (Postman "Create a bulk payment": "If any bill payment is not successful, the entire request
 * fails"). When its refusal names the bill payment at fault ("payments[1].amount: …"), that one
 * gets the refusal as its error, naming the parameter and the value; with "Continue On Fail" the
 * others are sent again without it, which is safe because BILL paid none of them (a refusal is a
 * clear answer; an uncertain one is never sent again). Otherwise the refusal is thrown.
 */
export async function sendBulkPayment(
	context: IExecuteFunctions,
	itemIndex: number,
	parts: BulkPart[],
	common: IDataObject,
): Promise<IDataObject[]> {
	const refused: IDataObject[] = [];
	let pending = parts;
	while (pending.length) {
		const payments = pending.map(({ billId, amount }) => ({ billId, amount }));
		try {
			const answer = await billApiRequest.call(context, {
				method: 'POST',
				path: `${PAYMENTS_PATH}/bulk`,
				body: { ...common, payments },
				itemIndex,
				uncertainHint:
					'Running it again is safe: the node first looks for payments of these bills with the same amounts and process date and pays only the bills that have none.',
			});
			const made = Array.isArray(answer.payments) ? (answer.payments as IDataObject[]) : [];
			return [...made.map((p) => paymentOutput(p, false)), ...refused];
		} catch (error) {
			const refusals = bulkRefusals(error, pending.length, 'payments');
			if (!refusals.length) throw withPaymentHint(error);
			const out = new Set<BulkPart>();
			for (const refusal of refusals) {
				const part = pending[refusal.index];
				const failure = refusalError(context, error as NodeApiError, refusal, {
					itemIndex,
					entry: payments[refusal.index],
					parameter: [
						`Bill Payments, payment ${part.number}`,
						PARAMETERS[refusal.field ?? ''] ?? refusal.field,
					]
						.filter(Boolean)
						.join(' → '),
					request: `the bulk payment of ${pending.length} bills`,
					resent: context.continueOnFail(),
				});
				if (!context.continueOnFail()) throw failure;
				refused.push({ billId: part.billId, amount: part.amount, ...errorJson(failure) });
				out.add(part);
			}
			pending = pending.filter((p) => !out.has(p));
		}
	}
	return refused;
}
