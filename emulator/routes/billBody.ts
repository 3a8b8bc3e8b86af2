/**
 * What a bill's body may hold, checked as BILL checks it (https://developer.bill.com/docs/ap-bills),
 * and the bill built from it: line items, the vendor and its currency, vendor credits, totals.
 * The routes are in bills.ts.
 */
import { errors } from '../errors';
import type { RequestContext } from '../server';
import { newId, type Json } from '../state';
import { cents, checkClassifications } from './amountLines';
import { applyVendorCredits, planVendorCredits } from './vendorCreditUse';

/** Open question 11: BILL documents no line-item id prefix; `bli` is the emulator's choice. */
export const LINE_ITEM_PREFIX = 'bli';

/** Local currency per USD, the emulator's fixed rates for non-USD vendors. */
export const EXCHANGE_RATES: Record<string, number> = {
	CAD: 1.38,
	EUR: 0.92,
	GBP: 0.79,
	AUD: 1.52,
	MXN: 17.1,
};

export const CREATE_FIELDS = [
	'vendorId',
	'dueDate',
	'invoice',
	'billLineItems',
	'description',
	'payFromChartOfAccountId',
	'classifications',
	'purchaseOrderNumber',
	'vendorCredits',
	// https://developer.bill.com/changelog/2025-11-05-new-endpoints-bill-approvals: asks for the approval data in the answer.
	'billApprovals',
];
const LINE_FIELDS = ['id', 'amount', 'quantity', 'price', 'description', 'classifications'];
export const BILL_CLASSIFICATIONS = [
	'chartOfAccountId',
	'accountingClassId',
	'departmentId',
	'locationId',
	'itemId',
];
const LINE_CLASSIFICATIONS = [...BILL_CLASSIFICATIONS, 'employeeId', 'jobId', 'customerId'];

export const missing = (v: unknown) => v === undefined || v === null || v === '';

/** BILL's gateway names each bad field as "<field>: <reason>" (https://developer.bill.com/docs/ap-bills). */
export const bad = (field: string, reason: string) => errors.invalid(`${field}: ${reason}`);

export function checkDate(field: string, value: unknown): string {
	if (missing(value)) throw bad(field, 'must not be null');
	const text = String(value);
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
	if (!date || date.toISOString().slice(0, 10) !== text)
		throw bad(field, `"${text}" is not a date in the format yyyy-MM-dd`);
	return text;
}

export function checkNumber(field: string, value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(field, 'must be a number');
	return value;
}

export function checkKnownFields(field: string, body: Json, allowed: string[]): void {
	for (const key of Object.keys(body))
		if (!allowed.includes(key)) throw bad(field ? `${field}.${key}` : key, 'unknown field');
}

/**
 * One line item of a create, PUT or PATCH body: `amount`, or `quantity` + `price` (the amount
 * is then computed, rounded to cents). `existing` is the stored line item a PATCH changes.
 */
export function lineItem(field: string, raw: unknown, existing?: Json): Json {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad(field, 'must be an object');
	const body = raw as Json;
	checkKnownFields(field, body, LINE_FIELDS);
	const line: Json = existing ? { ...existing } : {};
	for (const key of ['amount', 'quantity', 'price'] as const) {
		if (!missing(body[key])) line[key] = checkNumber(`${field}.${key}`, body[key]);
	}
	const priced = !missing(body.quantity) || !missing(body.price);
	if (priced) {
		if (missing(line.quantity))
			throw bad(`${field}.quantity`, 'must not be null when price is set');
		if (missing(line.price)) throw bad(`${field}.price`, 'must not be null when quantity is set');
		line.amount = cents((line.quantity as number) * (line.price as number));
	} else if (!missing(body.amount)) {
		// An amount alone replaces a computed one: the line is no longer priced by quantity.
		line.amount = cents(body.amount as number);
		if (existing) {
			delete line.quantity;
			delete line.price;
		}
	}
	if (missing(line.amount))
		throw bad(`${field}.amount`, 'must not be null (or set quantity and price)');
	if (body.description !== undefined) line.description = body.description;
	const classifications = checkClassifications(
		`${field}.classifications`,
		body.classifications,
		LINE_CLASSIFICATIONS,
	);
	if (classifications)
		line.classifications = { ...((line.classifications as Json) ?? {}), ...classifications };
	return line;
}

export function vendorFor(context: RequestContext, vendorId: unknown): Json {
	if (missing(vendorId)) throw bad('vendorId', 'must not be null');
	const vendor = context.state.vendors.get(String(vendorId));
	if (!vendor || context.state.owner.get(String(vendorId)) !== context.organization!.id) {
		throw bad('vendorId', `vendor ${String(vendorId)} does not exist in this organization`);
	}
	return vendor;
}

/**
 * The vendor credits of a bill body (routes/vendorCreditUse.ts), checked against `bill` as it will
 * be; once every check of the request has passed, `commit` applies them: the credits' applied
 * amounts and usage, and the bill's `creditAmount` and `paidAmount` (which counts applied credits),
 * so its `dueAmount` drops.
 */
export function withVendorCredits(
	context: RequestContext,
	bill: Json,
	vendor: Json,
	value: unknown,
	pending?: Map<string, number>,
): () => void {
	const plan = planVendorCredits(context, bill, value, pending);
	return () => {
		if (!plan) return;
		applyVendorCredits(context, String(bill.id), plan);
		bill.creditAmount = cents(((bill.creditAmount as number) ?? 0) + plan.total);
		bill.paidAmount = cents(((bill.paidAmount as number) ?? 0) + plan.total);
		recompute(bill, vendor);
	};
}

/** A whole bill (create or PUT body) checked; the line items are returned without ids. */
export function checkWholeBill(
	context: RequestContext,
	body: Json,
): { vendor: Json; lines: Json[] } {
	checkKnownFields('', body, CREATE_FIELDS);
	const vendor = vendorFor(context, body.vendorId);
	checkDate('dueDate', body.dueDate);
	const invoice = body.invoice as Json | undefined;
	if (!invoice || typeof invoice !== 'object' || Array.isArray(invoice))
		throw bad('invoice', 'must not be null');
	checkKnownFields('invoice', invoice, ['invoiceNumber', 'invoiceDate']);
	if (missing(invoice.invoiceNumber) || !String(invoice.invoiceNumber).trim())
		throw bad('invoice.invoiceNumber', 'must not be blank');
	checkDate('invoice.invoiceDate', invoice.invoiceDate);
	const list = body.billLineItems;
	if (!Array.isArray(list)) throw bad('billLineItems', 'must not be null');
	if (!list.length) throw bad('billLineItems', 'must not be empty');
	const lines = list.map((raw, n) => lineItem(`billLineItems[${n}]`, raw));
	checkClassifications('classifications', body.classifications, BILL_CLASSIFICATIONS);
	if (body.vendorCredits !== undefined && body.vendorCredits !== null)
		if (!Array.isArray(body.vendorCredits)) throw bad('vendorCredits', 'must be an array');
	return { vendor, lines };
}

/** Total, due amount, payment status and currency amounts, from the line items and payments. */
export function recompute(bill: Json, vendor: Json): void {
	const amount = cents(
		(bill.billLineItems as Json[]).reduce((sum, line) => sum + (line.amount as number), 0),
	);
	const paid = (bill.paidAmount as number) ?? 0;
	// Scheduled payments (routes/payments.ts) are owed already: they stay out of dueAmount.
	const scheduled = (bill.scheduledAmount as number) ?? 0;
	if (amount < paid + scheduled) {
		throw bad(
			'billLineItems',
			`the bill's amount ${amount} would be less than what is paid and scheduled (${cents(paid + scheduled)})`,
		);
	}
	bill.amount = amount;
	bill.dueAmount = cents(amount - paid - scheduled);
	bill.paymentStatus =
		scheduled > 0 ? 'SCHEDULED' : paid === 0 ? 'UNPAID' : bill.dueAmount === 0 ? 'PAID' : 'PARTIAL';
	const currency = String(vendor.billCurrency ?? 'USD');
	const rate = EXCHANGE_RATES[currency] ?? 1;
	bill.exchangeRate = rate;
	bill.fundingAmount = cents(amount / rate);
	bill.vendorName = vendor.name;
}

/** A new bill from a checked create body: amounts computed, nothing paid, no approvers yet. */
export function newBill(
	now: string,
	body: Json,
	vendor: Json,
	lines: Json[],
	createdBy?: string,
): Json {
	const invoice = body.invoice as Json;
	const bill: Json = {
		id: newId('00n'),
		archived: false,
		vendorId: vendor.id,
		vendorName: vendor.name,
		amount: 0,
		paidAmount: 0,
		dueAmount: 0,
		scheduledAmount: 0,
		creditAmount: 0,
		dueDate: body.dueDate,
		invoice: { invoiceNumber: String(invoice.invoiceNumber), invoiceDate: invoice.invoiceDate },
		billLineItems: lines.map((line) => ({ id: newId(LINE_ITEM_PREFIX), ...line })),
		paymentStatus: 'UNPAID',
		approvalStatus: 'UNASSIGNED',
		approvers: [],
		createdTime: now,
		updatedTime: now,
	};
	if (createdBy) bill.createdBy = createdBy;
	for (const key of [
		'description',
		'payFromChartOfAccountId',
		'classifications',
		'purchaseOrderNumber',
	]) {
		if (body[key] !== undefined) bill[key] = body[key];
	}
	recompute(bill, vendor);
	return bill;
}

export const copy = (bill: Json): Json => structuredClone(bill);

export function updated(context: RequestContext, bill: Json): Json {
	bill.updatedTime = context.clock.timestamp();
	context.emulator.emit('bill.updated', context.organization!.id, 'bill', copy(bill));
	return bill;
}
