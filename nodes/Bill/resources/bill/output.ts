// What comes back: the shapes the node outputs bills in.

import type { IDataObject } from 'n8n-workflow';

import type { Bill } from '../../types';

/**
 * The small form of a bill. `exchangeRate` and `fundingAmount` (the USD amount) are added for
 * international bills only: BILL has no bill currency field (https://developer.bill.com/docs/v3-bills-changes), so a bill
 * counts as non-USD when it has an exchange rate other than 1.
 */
export function simplifyBill(raw: IDataObject): IDataObject {
	const bill = raw as unknown as Bill;
	const simple: IDataObject = {
		id: bill.id,
		vendorId: bill.vendorId,
		vendorName: bill.vendorName,
		invoiceNumber: bill.invoice?.invoiceNumber,
		invoiceDate: bill.invoice?.invoiceDate,
		dueDate: bill.dueDate,
		amount: bill.amount,
		dueAmount: bill.dueAmount,
		paidAmount: bill.paidAmount,
		paymentStatus: bill.paymentStatus,
		approvalStatus: bill.approvalStatus,
		archived: bill.archived,
	};
	if (typeof bill.exchangeRate === 'number' && bill.exchangeRate > 0 && bill.exchangeRate !== 1) {
		simple.exchangeRate = bill.exchangeRate;
		simple.fundingAmount = bill.fundingAmount;
	}
	return simple;
}
