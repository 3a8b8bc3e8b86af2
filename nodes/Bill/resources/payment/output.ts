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

/**
 * A payment as one flat object (Create and Create Bulk with "Simplify" on). BILL's payment may
 * carry no vendor name; `vendorName` then comes from the bill the node read before paying.
 */
export function simplifyPayment(
	payment: IDataObject,
	vendorName?: IDataObject[string],
): IDataObject {
	const funding = (payment.fundingAccount as IDataObject | undefined) ?? {};
	const simple: IDataObject = {
		id: payment.id,
		vendorId: payment.vendorId,
		vendorName: payment.vendorName ?? vendorName,
		amount: payment.amount,
		processDate: payment.processDate,
		status: payment.status,
		paidBills: paidBills(payment),
		fundingAccountType: funding.type,
		fundingAccountId: funding.id,
		confirmationNumber: payment.confirmationNumber,
	};
	for (const key of ['alreadyExisted', 'billAlreadyPaid'])
		if (payment[key] !== undefined) simple[key] = payment[key];
	return simple;
}
