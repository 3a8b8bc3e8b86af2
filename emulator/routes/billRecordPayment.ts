/**
 * Recording an offline payment of bills (Postman "Record AP payment"); the other bill routes are in bills.ts.
 */
import { objectBody, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { cents } from './amountLines';
import {
	EXCHANGE_RATES,
	bad,
	checkDate,
	checkKnownFields,
	checkNumber,
	missing,
	recompute,
	updated,
	vendorFor,
} from './billBody';

/**
 * `POST /v3/bills/record-payment` (https://developer.bill.com/docs/ap-bills, Postman "Record AP payment"): an offline payment of bills of one
 * vendor; no money moves. Everything is checked before any bill changes. Response values BILL's
 * Postman example only shows generated values for (status, disbursement) are the emulator's
 * choice for an offline payment: status PAID, onlinePayment false, disbursementStatus DONE.
 */
export function recordPayment(context: RequestContext): Json {
	const body = objectBody(context);
	checkKnownFields('', body, [
		'vendorId',
		'processDate',
		'toPrintCheck',
		'payments',
		'description',
	]);
	const vendor = vendorFor(context, body.vendorId);
	const processDate = checkDate('processDate', body.processDate);
	if (!Array.isArray(body.payments)) throw bad('payments', 'must not be null');
	if (!body.payments.length) throw bad('payments', 'must not be empty');
	const owed = new Map<string, number>();
	const payments = body.payments.map((raw, n) => {
		const field = `payments[${n}]`;
		if (!raw || typeof raw !== 'object') throw bad(field, 'must be an object');
		const { billId, amount } = raw as Json;
		if (missing(billId)) throw bad(`${field}.billId`, 'must not be null');
		const bill = context.state.bills.get(String(billId));
		if (!bill || context.state.owner.get(String(billId)) !== context.organization!.id)
			throw bad(`${field}.billId`, `bill ${String(billId)} does not exist`);
		if (bill.vendorId !== vendor.id)
			throw bad(
				`${field}.billId`,
				`bill ${String(billId)} is not a bill of vendor ${String(vendor.id)}`,
			);
		if (bill.archived) throw bad(`${field}.billId`, `bill ${String(billId)} is archived`);
		const value = checkNumber(`${field}.amount`, amount);
		if (value <= 0) throw bad(`${field}.amount`, 'must be greater than 0');
		const left = cents((owed.get(bill.id as string) ?? (bill.dueAmount as number)) - value);
		if (left < 0)
			throw bad(
				`${field}.amount`,
				`${value} is more than the ${String(bill.dueAmount)} due on bill ${String(billId)}`,
			);
		owed.set(bill.id as string, left);
		return { bill, amount: cents(value) };
	});
	const now = context.clock.timestamp();
	const billPayments = payments.map(({ bill, amount }) => {
		bill.paidAmount = cents((bill.paidAmount as number) + amount);
		recompute(bill, vendor);
		updated(context, bill);
		return { id: newId('blp'), billId: bill.id, amount, vendorCredits: [] };
	});
	const total = cents(payments.reduce((sum, p) => sum + p.amount, 0));
	const rate = EXCHANGE_RATES[String(vendor.billCurrency ?? 'USD')] ?? 1;
	const payment: Json = {
		id: newId('stp'),
		vendorId: vendor.id,
		billId: billPayments[0].billId,
		billPayments,
		description: body.description ?? '',
		processDate,
		amount: total,
		transactionNumber: '',
		confirmationNumber: `OFFLINE-${String(context.state.payments.size + 1).padStart(6, '0')}`,
		status: 'PAID',
		exchangeRate: rate,
		fundingAmount: cents(total / rate),
		onlinePayment: false,
		createdTime: now,
		updatedTime: now,
		createdBy: context.user?.id,
		disbursementStatus: 'DONE',
		toPrintCheck: body.toPrintCheck === true,
		allowExport: true,
	};
	context.state.payments.set(String(payment.id), payment);
	context.state.owner.set(String(payment.id), context.organization!.id);
	return payment;
}
