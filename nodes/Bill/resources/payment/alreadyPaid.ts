// Payment → Create with an Amount of 0: a re-run of a payment whose Amount maps the bill's
// dueAmount, which is 0 once the bill is paid.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { paidBills, paymentOutput } from './output';

/**
 * What an Amount of 0 means. A bill with nothing left to pay (`dueAmount` 0; scheduled payments
 * count against it) was paid already: its live payments are returned, `alreadyExisted: true`, as a
 * re-run with the same amount returns its payment, and nothing is paid. Without one (e.g. paid in
 * BILL's app by a payment this login cannot list) the item says plainly that the bill is paid. A
 * bill with something still due is refused as before: an amount of 0 pays nothing.
 *
 * @param live the live payments of the bill's vendor (lookups.ts livePaymentsOfVendors)
 * @param parameter the Amount parameter, as errors name it
 */
export function paymentsOfPaidBill(
	context: IExecuteFunctions,
	itemIndex: number,
	bill: IDataObject,
	live: IDataObject[],
	parameter = 'Amount',
): IDataObject[] {
	const billId = String(bill.id);
	const due = Number(bill.dueAmount ?? bill.amount ?? 0);
	if (due > 0) {
		throw invalid(
			context,
			itemIndex,
			parameter,
			'must be more than 0',
			`Bill ${billId} still has ${due} due: give the amount to pay, or map the bill's dueAmount to pay it in full.`,
		);
	}
	const payments = live.filter((p) => paidBills(p).some((part) => part.billId === billId));
	if (!payments.length) {
		throw invalid(
			context,
			itemIndex,
			parameter,
			`is 0 because bill ${billId} has nothing left to pay (payment status ${String(bill.paymentStatus ?? 'unknown')}); nothing was paid`,
			'The bill is paid already, by a payment this node cannot list (e.g. one made in BILL). Bill → Get shows its paid amount.',
		);
	}
	return payments.map((p) => ({ ...paymentOutput(p, true), billAlreadyPaid: true }));
}
