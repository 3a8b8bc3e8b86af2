// What comes back: payments as the node outputs them.

import type { IDataObject } from 'n8n-workflow';

/** Which bills a payment paid and how much of each, from BILL's `billPayments` (https://developer.bill.com/changelog/2024-07-22-payments-api-response-improvements). */
export function paidBills(payment: IDataObject): IDataObject[] {
	const parts = Array.isArray(payment.billPayments) ? (payment.billPayments as IDataObject[]) : [];
	if (parts.length) return parts.map((p) => ({ billId: p.billId, amount: p.amount }));
	return payment.billId ? [{ billId: payment.billId, amount: payment.amount }] : [];
}

/** A payment as the node outputs it: BILL's answer plus `paidBills` and, for creates, `alreadyExisted`. */
export function paymentOutput(payment: IDataObject, alreadyExisted?: boolean): IDataObject {
	const out: IDataObject = { ...payment, paidBills: paidBills(payment) };
	if (alreadyExisted !== undefined) out.alreadyExisted = alreadyExisted;
	return out;
}
