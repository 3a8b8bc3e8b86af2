/**
 * Bills (https://developer.bill.com/docs/ap-bills): create (201), bulk create (≤100, atomic, 201 with an array), get,
 * list with BILL's filterable and sortable fields, PATCH (line items by id), PUT (replace),
 * archive and restore (idempotent), and record-payment (an offline payment, id prefix `stp`).
 *
 * Choices where BILL's docs are silent (each marked below):
 * - Open question 13: create does NOT refuse an invoice number the vendor already has. Only an
 *   update-path fix for duplicate invoice numbers is documented (2024-05-20), which implies BILL
 *   tolerates them; so the emulator stores a second bill, as the node must expect.
 * - Open question 11: BILL lists no prefix for line-item ids; the emulator uses `bli`.
 * - A line item with `quantity` and `price` gets `amount = quantity × price` rounded to cents,
 *   even if an `amount` is sent too (BILL "computes the amount", §4.2).
 * - Non-USD vendors: `amount` is in the vendor's bill currency and `fundingAmount` is the USD
 *   amount at a fixed emulator rate (`EXCHANGE_RATES`); USD bills have exchangeRate 1.
 */
import { BillError, errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { billApprovers } from './approvals';
import { newId, type Json } from '../state';
import { cents, checkClassifications } from './amountLines';
import { applyVendorCredits, planVendorCredits } from './vendorCreditUse';

/** https://developer.bill.com/docs/filterable-fields, with https://developer.bill.com/changelog/2025-02-18-filtering-bills-and-invoices-improvements. */
export const BILL_FILTERS: FilterableFields = {
	id: ['eq', 'ne', 'in'],
	archived: ['eq', 'ne'],
	vendorId: ['eq', 'in'],
	dueDate: ['gt', 'gte', 'lt', 'lte'],
	paymentStatus: ['eq', 'ne', 'in'],
	createdTime: ['gt', 'gte', 'lt', 'lte'],
	updatedTime: ['gt', 'gte', 'lt', 'lte'],
	payFromChartOfAccountId: ['eq', 'ne', 'in'],
	'classifications.chartOfAccountId': ['eq', 'ne', 'in'],
	'classifications.accountingClassId': ['eq', 'ne', 'in'],
	'classifications.departmentId': ['eq', 'ne', 'in'],
	'classifications.locationId': ['eq', 'ne', 'in'],
	'classifications.itemId': ['eq', 'ne', 'in'],
};

export const BILL_SORTS = [
	'archived',
	'fundingAmount',
	'exchangeRate',
	'description',
	'dueDate',
	'createdTime',
	'updatedTime',
];

/** BILL's bulk create takes at most 100 bills (https://developer.bill.com/docs/ap-bills). */
export const BULK_LIMIT = 100;

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

const CREATE_FIELDS = [
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
const BILL_CLASSIFICATIONS = [
	'chartOfAccountId',
	'accountingClassId',
	'departmentId',
	'locationId',
	'itemId',
];
const LINE_CLASSIFICATIONS = [...BILL_CLASSIFICATIONS, 'employeeId', 'jobId', 'customerId'];

const missing = (v: unknown) => v === undefined || v === null || v === '';

/** BILL's gateway names each bad field as "<field>: <reason>" (https://developer.bill.com/docs/ap-bills). */
const bad = (field: string, reason: string) => errors.invalid(`${field}: ${reason}`);

function checkDate(field: string, value: unknown): string {
	if (missing(value)) throw bad(field, 'must not be null');
	const text = String(value);
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
	if (!date || date.toISOString().slice(0, 10) !== text)
		throw bad(field, `"${text}" is not a date in the format yyyy-MM-dd`);
	return text;
}

function checkNumber(field: string, value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(field, 'must be a number');
	return value;
}

function checkKnownFields(field: string, body: Json, allowed: string[]): void {
	for (const key of Object.keys(body))
		if (!allowed.includes(key)) throw bad(field ? `${field}.${key}` : key, 'unknown field');
}

/**
 * One line item of a create, PUT or PATCH body: `amount`, or `quantity` + `price` (the amount
 * is then computed, rounded to cents). `existing` is the stored line item a PATCH changes.
 */
function lineItem(field: string, raw: unknown, existing?: Json): Json {
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

function vendorFor(context: RequestContext, vendorId: unknown): Json {
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
function withVendorCredits(
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
function checkWholeBill(context: RequestContext, body: Json): { vendor: Json; lines: Json[] } {
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
function recompute(bill: Json, vendor: Json): void {
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
function newBill(now: string, body: Json, vendor: Json, lines: Json[], createdBy?: string): Json {
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

const copy = (bill: Json): Json => structuredClone(bill);

/**
 * A bill as the API answers it. BILL's Postman examples carry `vendorName` on GET (one and list)
 * only (Postman "Create a bill": not in its example answer), and `createdBy` in webhook
 * payloads only; both stay stored, and webhook events carry them.
 */
function answer(bill: Json, withVendorName = false): Json {
	const { createdBy: _createdBy, vendorName, ...rest } = bill;
	return withVendorName ? { ...rest, vendorName } : rest;
}

function checkBillApprovals(body: Json): void {
	if (body.billApprovals !== undefined && typeof body.billApprovals !== 'boolean')
		throw bad('billApprovals', 'must be true or false');
}

/**
 * With `billApprovals: true` the answer carries the bill's approvers as
 * https://developer.bill.com/changelog/2025-09-22-new-in-v3-bill-approvals shows them.
 */
function withApprovals(context: RequestContext, body: Json, bill: Json): Json {
	return body.billApprovals === true
		? { ...bill, approvers: billApprovers(context.state, String(bill.id)) }
		: bill;
}

function store(context: RequestContext, bill: Json): Json {
	context.state.bills.set(String(bill.id), bill);
	context.state.owner.set(String(bill.id), context.organization!.id);
	context.emulator.emit('bill.created', context.organization!.id, 'bill', copy(bill));
	return bill;
}

export function billOf(context: RequestContext, billId: string): Json {
	const bill = context.state.bills.get(billId);
	if (!bill || context.state.owner.get(billId) !== context.organization!.id)
		throw errors.notFound('Bill', billId);
	return bill;
}

function updated(context: RequestContext, bill: Json): Json {
	bill.updatedTime = context.clock.timestamp();
	context.emulator.emit('bill.updated', context.organization!.id, 'bill', copy(bill));
	return bill;
}

function setArchived(context: RequestContext, archived: boolean): Json {
	const bill = billOf(context, context.params.billId);
	if (bill.archived !== archived) {
		bill.archived = archived;
		bill.updatedTime = context.clock.timestamp();
		context.emulator.emit(
			archived ? 'bill.archived' : 'bill.restored',
			context.organization!.id,
			'bill',
			copy(bill),
		);
	}
	return bill;
}

/** PATCH: fields given replace the stored ones (objects merged); line items change by `id` only. */
function patchBill(context: RequestContext, bill: Json, body: Json): void {
	checkKnownFields('', body, CREATE_FIELDS);
	const next = copy(bill);
	let vendor = vendorFor(context, bill.vendorId);
	if (body.vendorId !== undefined) {
		vendor = vendorFor(context, body.vendorId);
		next.vendorId = vendor.id;
	}
	if (body.dueDate !== undefined) next.dueDate = checkDate('dueDate', body.dueDate);
	if (body.invoice !== undefined) {
		const invoice = body.invoice as Json;
		if (!invoice || typeof invoice !== 'object' || Array.isArray(invoice))
			throw bad('invoice', 'must be an object');
		checkKnownFields('invoice', invoice, ['invoiceNumber', 'invoiceDate']);
		if (invoice.invoiceNumber !== undefined && !String(invoice.invoiceNumber ?? '').trim())
			throw bad('invoice.invoiceNumber', 'must not be blank');
		if (invoice.invoiceDate !== undefined) checkDate('invoice.invoiceDate', invoice.invoiceDate);
		next.invoice = { ...(next.invoice as Json), ...invoice };
	}
	if (body.billLineItems !== undefined) {
		if (!Array.isArray(body.billLineItems)) throw bad('billLineItems', 'must be an array');
		const lines = next.billLineItems as Json[];
		body.billLineItems.forEach((raw, n) => {
			const field = `billLineItems[${n}]`;
			const id = (raw as Json)?.id;
			// https://developer.bill.com/docs/ap-bills: PATCH changes line items by id; adding or removing lines is PUT's.
			if (missing(id)) throw bad(`${field}.id`, 'must not be null');
			const index = lines.findIndex((line) => line.id === id);
			if (index < 0) throw bad(`${field}.id`, `line item ${String(id)} is not on this bill`);
			lines[index] = lineItem(field, raw, lines[index]);
		});
	}
	for (const key of ['description', 'payFromChartOfAccountId', 'purchaseOrderNumber'])
		if (body[key] !== undefined) next[key] = body[key];
	const classifications = checkClassifications(
		'classifications',
		body.classifications,
		BILL_CLASSIFICATIONS,
	);
	if (classifications)
		next.classifications = { ...((next.classifications as Json) ?? {}), ...classifications };
	recompute(next, vendor);
	withVendorCredits(context, next, vendor, body.vendorCredits)();
	Object.assign(bill, next);
}

/**
 * PUT (https://developer.bill.com/docs/ap-bills): the whole bill. Line items with an `id` of this bill are replaced by
 * what is sent, those without one are added with a new id, and the bill's line items not listed
 * are removed. Optional fields left out are cleared (a replace, not a merge).
 */
function replaceBill(context: RequestContext, bill: Json, body: Json): void {
	const { vendor } = checkWholeBill(context, body);
	const old = bill.billLineItems as Json[];
	const lines = (body.billLineItems as Json[]).map((raw, n) => {
		const line = lineItem(`billLineItems[${n}]`, raw);
		if (missing(raw.id)) return { id: newId(LINE_ITEM_PREFIX), ...line };
		if (!old.some((o) => o.id === raw.id))
			throw bad(`billLineItems[${n}].id`, `line item ${String(raw.id)} is not on this bill`);
		return { id: raw.id, ...line };
	});
	const next = copy(bill);
	const invoice = body.invoice as Json;
	next.vendorId = vendor.id;
	next.dueDate = body.dueDate;
	next.invoice = { invoiceNumber: String(invoice.invoiceNumber), invoiceDate: invoice.invoiceDate };
	next.billLineItems = lines;
	for (const key of [
		'description',
		'payFromChartOfAccountId',
		'classifications',
		'purchaseOrderNumber',
	]) {
		if (body[key] === undefined) delete next[key];
		else next[key] = body[key];
	}
	recompute(next, vendor);
	withVendorCredits(context, next, vendor, body.vendorCredits)();
	Object.assign(bill, next);
	for (const key of Object.keys(bill)) if (!(key in next)) delete bill[key];
}

/**
 * `POST /v3/bills/record-payment` (https://developer.bill.com/docs/ap-bills, Postman "Record AP payment"): an offline payment of bills of one
 * vendor; no money moves. Everything is checked before any bill changes. Response values BILL's
 * Postman example only shows generated values for (status, disbursement) are the emulator's
 * choice for an offline payment: status PAID, onlinePayment false, disbursementStatus DONE.
 */
function recordPayment(context: RequestContext): Json {
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

export function registerBills(emulator: Emulator): void {
	emulator.add('POST', '/v3/bills', (context) => {
		const body = objectBody(context);
		checkBillApprovals(body);
		const { vendor, lines } = checkWholeBill(context, body);
		const bill = newBill(context.clock.timestamp(), body, vendor, lines, context.user?.id);
		withVendorCredits(context, bill, vendor, body.vendorCredits)();
		return { status: 201, body: withApprovals(context, body, answer(store(context, bill))) };
	});

	emulator.add('POST', '/v3/bills/bulk', (context) => {
		const list = context.body;
		if (!Array.isArray(list) || list.length === 0)
			throw errors.invalid('Request body must be a non-empty JSON array of bills');
		if (list.length > BULK_LIMIT)
			throw errors.invalid(`At most ${BULK_LIMIT} bills per bulk request, got ${list.length}`);
		// All or nothing: every bill is checked (and built) before any is stored; the credits the
		// bills before it take count against each bill's credits (`pending`).
		const pending = new Map<string, number>();
		const built = list.map((raw, i) => {
			try {
				if (!raw || typeof raw !== 'object' || Array.isArray(raw))
					throw errors.invalid('bill: must be an object');
				const { vendor, lines } = checkWholeBill(context, raw as Json);
				const bill = newBill(
					context.clock.timestamp(),
					raw as Json,
					vendor,
					lines,
					context.user?.id,
				);
				const commit = withVendorCredits(
					context,
					bill,
					vendor,
					(raw as Json).vendorCredits,
					pending,
				);
				return { bill, commit };
			} catch (error) {
				if (error instanceof BillError)
					throw new BillError(error.status, error.code, `[${i}] ${error.message}`);
				throw error;
			}
		});
		for (const { commit } of built) commit();
		return { status: 201, body: built.map(({ bill }) => answer(store(context, bill))) };
	});

	emulator.add('POST', '/v3/bills/record-payment', (context) => ({ body: recordPayment(context) }));

	emulator.add('GET', '/v3/bills', (context) => {
		const all = context.state.ofOrganization(context.state.bills, context.organization!.id);
		const page = listPage(all, context.query, { filterable: BILL_FILTERS, sortable: BILL_SORTS });
		return {
			body: { ...page, results: (page.results as Json[]).map((bill) => answer(bill, true)) },
		};
	});

	emulator.add('GET', '/v3/bills/:billId', (context) => ({
		body: answer(billOf(context, context.params.billId), true),
	}));

	emulator.add('PATCH', '/v3/bills/:billId', (context) => {
		const bill = billOf(context, context.params.billId);
		checkBillApprovals(objectBody(context));
		patchBill(context, bill, objectBody(context));
		return { body: withApprovals(context, objectBody(context), answer(updated(context, bill))) };
	});

	emulator.add('PUT', '/v3/bills/:billId', (context) => {
		const bill = billOf(context, context.params.billId);
		checkBillApprovals(objectBody(context));
		replaceBill(context, bill, objectBody(context));
		return { body: withApprovals(context, objectBody(context), answer(updated(context, bill))) };
	});

	emulator.add('POST', '/v3/bills/:billId/archive', (context) => ({
		body: answer(setArchived(context, true)),
	}));
	emulator.add('POST', '/v3/bills/:billId/restore', (context) => ({
		body: answer(setArchived(context, false)),
	}));
}

/**
 * A vendor stored straight in the emulator's fixture organization (no request, no event), for
 * tests about bills that need one to exist.
 */
export function seedVendor(emulator: Emulator, name: string, billCurrency = 'USD'): string {
	const id = newId('009');
	const now = emulator.clock.timestamp();
	emulator.state.vendors.set(id, {
		id,
		archived: false,
		name,
		accountType: 'BUSINESS',
		billCurrency,
		createdTime: now,
		updatedTime: now,
	});
	emulator.state.owner.set(id, emulator.fixtures.organizationId);
	return id;
}

/**
 * Seed data for pagination tests and benchmarks: `count` bills of one vendor, stored directly
 * (no requests, no events), due on consecutive days from `firstDueDate`, invoices SEED-1….
 */
export function seedBills(
	emulator: Emulator,
	vendorId: string,
	count: number,
	firstDueDate = '2026-01-01',
): Json[] {
	const { state, clock } = emulator;
	const organizationId = state.owner.get(vendorId);
	const vendor = state.vendors.get(vendorId);
	if (!vendor || !organizationId) throw new Error(`seedBills: no vendor ${vendorId}`);
	const start = Date.parse(`${firstDueDate}T00:00:00Z`);
	return Array.from({ length: count }, (_, i) => {
		const body: Json = {
			dueDate: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
			invoice: { invoiceNumber: `SEED-${i + 1}`, invoiceDate: firstDueDate },
		};
		const line = { amount: cents(10 + (i % 97) * 1.25), description: `Seeded line ${i + 1}` };
		const bill = newBill(clock.timestamp(), body, vendor, [line]);
		state.bills.set(String(bill.id), bill);
		state.owner.set(String(bill.id), organizationId);
		return bill;
	});
}
