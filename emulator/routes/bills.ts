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
import {
	LINE_ITEM_PREFIX,
	CREATE_FIELDS,
	BILL_CLASSIFICATIONS,
	missing,
	bad,
	checkDate,
	checkKnownFields,
	lineItem,
	vendorFor,
	withVendorCredits,
	checkWholeBill,
	recompute,
	newBill,
	copy,
	updated,
} from './billBody';
import { recordPayment } from './billRecordPayment';

export { EXCHANGE_RATES, LINE_ITEM_PREFIX } from './billBody';

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
