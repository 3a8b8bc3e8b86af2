// Payment → Create Bulk's request, through the bulk engine (helpers/bulk): where BILL refuses it
// naming a bill payment, that bill payment gets the refusal, and with "Continue On Fail" the
// others are sent again.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { type Entry, bulkRefusals, sendPart } from '../../helpers/bulk';
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
	const entries: Entry[] = parts.map((part) => ({
		slot: { itemIndex },
		key: part.billId,
		body: { billId: part.billId, amount: part.amount },
	}));
	const numberOf = (entry: Entry) => parts[entries.indexOf(entry)].number;
	const sent = await sendPart(context, entries, {
		plural: 'bill payments',
		what: 'payment',
		size: entries.length,
		answerKey: 'payments',
		matchKey: (payment) => String(payment.billId),
		again: '',
		refusals: (error, size) => bulkRefusals(error, size, 'payments'),
		parameterOf: (field, entry) =>
			[`Bill Payments, payment ${numberOf(entry)}`, PARAMETERS[field ?? ''] ?? field]
				.filter(Boolean)
				.join(' → '),
		request: (pending) => `the bulk payment of ${pending.length} bills`,
		send: async (payments) =>
			await billApiRequest.call(context, {
				method: 'POST',
				path: `${PAYMENTS_PATH}/bulk`,
				body: { ...common, payments },
				itemIndex,
				uncertainHint:
					'Running it again is safe: the node first looks for payments of these bills with the same amounts and process date and pays only the bills that have none.',
			}),
	});
	if (sent && 'failure' in sent)
		throw sent.failure.refused ? sent.failure.error : withPaymentHint(sent.failure.error);
	const refused = entries
		.filter((entry) => entry.error)
		.map((entry) => ({ ...entry.body, ...errorJson(entry.error) }));
	const answer = (sent?.answer ?? {}) as IDataObject;
	const made = Array.isArray(answer.payments) ? (answer.payments as IDataObject[]) : [];
	return [...made.map((p) => paymentOutput(p, false)), ...refused];
}
