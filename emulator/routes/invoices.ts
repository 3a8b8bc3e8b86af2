/**
 * Invoices (BILL's Postman folder "Invoices"; https://developer.bill.com/docs/ar-invoices):
 * create (201; `customer` is `{id}` or `{name, email}`, the latter creating a customer), get,
 * list, PATCH (line items by id), PUT (lines without id added, lines left out removed), archive
 * and restore (idempotent), send by email (an empty 200; 5 a minute), payment link, and record
 * payment (200, a received payment `0rp…`). Invoice ids start with `00e`, line items with `00f`.
 *
 * Choices where BILL's docs are silent (each marked below):
 * - A second invoice with a number the customer already has: stored (receivablesSettings
 *   `duplicateInvoiceNumbers: 'allow'`, the default) or refused (`'refuse'`).
 * - The email limit reuses BILL's request-limit code BDC_1144 with a per-minute message (as the
 *   emulator's SMS limit does).
 * - Payment link for a network-connected customer: 400 BDC_1002 saying so (BILL names no code).
 * - `status`: OPEN, PARTIAL_PAYMENT or PAID_IN_FULL, from the amounts paid.
 */
import { applyCreditOnCreate, changeCredit } from './creditMemoUse';
import { recordPayment, sendEmail } from './invoiceActions';
import { errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import {
	AR_CLASSIFICATIONS,
	AR_LINE_CLASSIFICATIONS,
	receivables,
	receivablesSettings,
} from '../receivables';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { cents, checkClassifications } from './amountLines';
import { checkCustomer, customerOf, newCustomer } from './customers';

/** https://developer.bill.com/docs/filterable-fields; `status` since the 2026-03-20 changelog. */
export const INVOICE_FILTERS: FilterableFields = {
	id: ['eq', 'ne', 'in'],
	archived: ['eq', 'ne'],
	customerId: ['eq', 'in'],
	status: ['eq', 'ne', 'in'],
	createdTime: ['gt', 'gte', 'lt', 'lte'],
	updatedTime: ['gt', 'gte', 'lt', 'lte'],
	payToChartOfAccountId: ['eq', 'ne', 'in'],
};

export const INVOICE_SORTS = [
	'archived',
	'invoiceNumber',
	'invoiceDate',
	'dueDate',
	'totalAmount',
	'createdTime',
	'updatedTime',
];

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkLine(line: unknown, i: number): Json {
	if (!line || typeof line !== 'object')
		throw errors.invalid(`invoiceLineItems[${i}]: must be an object`);
	const l = line as Json;
	for (const key of ['quantity', 'price', 'amount']) {
		if (l[key] !== undefined && !Number.isFinite(Number(l[key])))
			throw errors.invalid(`invoiceLineItems[${i}].${key}: must be a number`);
	}
	checkClassifications(
		`invoiceLineItems[${i}].classifications`,
		l.classifications,
		AR_LINE_CLASSIFICATIONS,
	);
	return l;
}

function lineOf(line: Json, existing?: Json): Json {
	const merged = { ...(existing ?? {}), ...line };
	const quantity = Number(merged.quantity ?? 1);
	const price =
		merged.price !== undefined ? Number(merged.price) : Number(merged.amount ?? 0) / quantity;
	return {
		id: existing?.id ?? newId('00f'),
		description: merged.description ?? '',
		price,
		quantity,
		classifications: merged.classifications ?? {},
	};
}

/** Totals and status from the lines and the payments recorded. */
export function settle(invoice: Json): void {
	const total = cents(
		(invoice.invoiceLineItems as Json[]).reduce(
			(sum, l) => sum + Number(l.quantity) * Number(l.price),
			0,
		),
	);
	const paid = cents(
		((invoice.payments as Json[]) ?? [])
			.filter((p) => p.status === 'PAID')
			.reduce((sum, p) => sum + Number(p.amount), 0),
	);
	invoice.totalAmount = total;
	invoice.dueAmount = cents(Math.max(0, total - paid - Number(invoice.creditAmount ?? 0)));
	invoice.status =
		invoice.dueAmount === 0 && total > 0 ? 'PAID_IN_FULL' : paid > 0 ? 'PARTIAL_PAYMENT' : 'OPEN';
}

/** The dates, number and classifications of a create, PUT or PATCH body. */
function checkDates(body: Json): void {
	checkClassifications('classifications', body.classifications, AR_CLASSIFICATIONS);
	for (const key of ['invoiceDate', 'dueDate'])
		if (body[key] !== undefined && !DATE.test(String(body[key])))
			throw errors.invalid(`${key}: must be a date as yyyy-MM-dd`);
	if (body.invoiceNumber !== undefined && String(body.invoiceNumber).length > 100)
		throw errors.invalid('invoiceNumber: size must be between 0 and 100');
}

export function invoiceOf(context: RequestContext, invoiceId: string): Json {
	const invoice = receivables(context.state).invoices.get(invoiceId);
	if (!invoice || context.state.owner.get(invoiceId) !== context.organization!.id)
		throw errors.notFound('Invoice', invoiceId);
	return invoice;
}

export function emit(context: RequestContext, type: string, invoice: Json): void {
	context.emulator.emit(type, context.organization!.id, 'invoice', invoice);
}

/** The customer of a create or replace: `{id}` of one of the organization's, or `{name, email}` (new). */
function customerIdOf(context: RequestContext, customer: unknown): string {
	if (!customer || typeof customer !== 'object') throw errors.invalid('customer: must not be null');
	const c = customer as Json;
	if (c.id) return String(customerOf(context, String(c.id)).id);
	checkCustomer(c, true);
	return String(newCustomer(context, c).id);
}

function refuseDuplicate(
	context: RequestContext,
	customerId: string,
	number: unknown,
	self?: string,
) {
	if (
		number === undefined ||
		receivablesSettings(context.emulator).duplicateInvoiceNumbers !== 'refuse'
	)
		return;
	for (const other of receivables(context.state).invoices.values()) {
		if (
			other.id !== self &&
			other.customerId === customerId &&
			!other.archived &&
			other.invoiceNumber === String(number)
		)
			throw errors.invalid(`invoiceNumber: ${String(number)} already exists for this customer`);
	}
}

function createInvoice(context: RequestContext): Json {
	const body = objectBody(context);
	if (!Array.isArray(body.invoiceLineItems) || !body.invoiceLineItems.length)
		throw errors.invalid('invoiceLineItems: must not be empty');
	const lines = body.invoiceLineItems.map(checkLine);
	checkDates(body);
	const ar = receivables(context.state);
	const today = context.clock.today();
	// Checked before the customer is made, so a refused invoice creates no customer.
	if ((body.customer as Json | undefined)?.id)
		customerOf(context, String((body.customer as Json).id));
	const customerId = customerIdOf(context, body.customer);
	refuseDuplicate(context, customerId, body.invoiceNumber);
	const now = context.clock.timestamp();
	const invoice: Json = {
		id: newId('00e'),
		archived: false,
		// BILL numbers an invoice when none is given; the emulator counts.
		invoiceNumber:
			body.invoiceNumber !== undefined
				? String(body.invoiceNumber)
				: String(ar.invoices.size + 1001),
		invoiceDate: body.invoiceDate ?? today,
		dueDate: body.dueDate ?? today,
		customerId,
		totalAmount: 0,
		dueAmount: 0,
		scheduledAmount: 0,
		creditAmount: 0,
		status: 'OPEN',
		exchangeRate: 1,
		createdTime: now,
		updatedTime: now,
		invoiceLineItems: lines.map((l) => lineOf(l)),
		payments: [],
		enableCardPayment: body.enableCardPayment === true,
	};
	for (const key of ['payToChartOfAccountId', 'salesTaxItemId', 'classifications'])
		if (body[key] !== undefined) invoice[key] = body[key];
	settle(invoice);
	applyCreditOnCreate(context, invoice, body.creditAmount);
	settle(invoice);
	ar.invoices.set(String(invoice.id), invoice);
	context.state.owner.set(String(invoice.id), context.organization!.id);
	emit(context, 'invoice.created', invoice);
	return invoice;
}

/** PATCH keeps lines not named; PUT removes them. A line id the invoice does not have is refused. */
function change(context: RequestContext, replace: boolean): Json {
	const invoice = invoiceOf(context, context.params.invoiceId);
	const before = structuredClone(invoice);
	const body = objectBody(context);
	checkDates(body);
	if (replace && (!Array.isArray(body.invoiceLineItems) || !body.invoiceLineItems.length))
		throw errors.invalid('invoiceLineItems: must not be empty');
	if (body.customer !== undefined) {
		invoice.customerId = customerIdOf(context, body.customer);
	}
	refuseDuplicate(context, String(invoice.customerId), body.invoiceNumber, String(invoice.id));
	if (Array.isArray(body.invoiceLineItems)) {
		const old = invoice.invoiceLineItems as Json[];
		const lines = body.invoiceLineItems.map(checkLine).map((line, i) => {
			if (line.id === undefined) return lineOf(line);
			const existing = old.find((l) => l.id === line.id);
			if (!existing)
				throw errors.invalid(
					`invoiceLineItems[${i}].id: ${String(line.id)} is not a line of this invoice`,
				);
			return lineOf(line, existing);
		});
		invoice.invoiceLineItems = replace
			? lines
			: [
					...old.map((l) => lines.find((n) => n.id === l.id) ?? l),
					...lines.filter((n) => !old.some((l) => l.id === n.id)),
				];
	}
	for (const key of [
		'invoiceNumber',
		'invoiceDate',
		'dueDate',
		'payToChartOfAccountId',
		'salesTaxItemId',
		'enableCardPayment',
		'classifications',
	])
		if (body[key] !== undefined) invoice[key] = body[key];
	settle(invoice);
	try {
		changeCredit(context, invoice, body.creditAmount);
	} catch (error) {
		// A refused credit changes nothing: the invoice is as it was.
		for (const key of Object.keys(invoice)) delete invoice[key];
		Object.assign(invoice, before);
		throw error;
	}
	settle(invoice);
	invoice.updatedTime = context.clock.timestamp();
	emit(context, 'invoice.updated', invoice);
	return invoice;
}

function setArchived(context: RequestContext, archived: boolean): Json {
	const invoice = invoiceOf(context, context.params.invoiceId);
	if (invoice.archived !== archived) {
		invoice.archived = archived;
		invoice.updatedTime = context.clock.timestamp();
		emit(context, archived ? 'invoice.archived' : 'invoice.restored', invoice);
	}
	return invoice;
}

export function registerInvoices(emulator: Emulator): void {
	emulator.add('POST', '/v3/invoices', (context) => ({
		status: 201,
		body: createInvoice(context),
	}));
	emulator.add('GET', '/v3/invoices', (context) => ({
		body: listPage(
			context.state.ofOrganization(receivables(context.state).invoices, context.organization!.id),
			context.query,
			{ filterable: INVOICE_FILTERS, sortable: INVOICE_SORTS },
		),
	}));
	emulator.add('POST', '/v3/invoices/record-payment', (context) => ({
		body: recordPayment(context),
	}));
	emulator.add('GET', '/v3/invoices/:invoiceId', (context) => ({
		body: invoiceOf(context, context.params.invoiceId),
	}));
	emulator.add('PATCH', '/v3/invoices/:invoiceId', (context) => ({ body: change(context, false) }));
	emulator.add('PUT', '/v3/invoices/:invoiceId', (context) => ({ body: change(context, true) }));
	emulator.add('POST', '/v3/invoices/:invoiceId/archive', (context) => ({
		body: setArchived(context, true),
	}));
	emulator.add('POST', '/v3/invoices/:invoiceId/restore', (context) => ({
		body: setArchived(context, false),
	}));
	emulator.add('POST', '/v3/invoices/:invoiceId/email', (context) => {
		sendEmail(context);
		return { status: 200 };
	});
	emulator.add('POST', '/v3/invoices/:invoiceId/payment-link', (context) => {
		const invoice = invoiceOf(context, context.params.invoiceId);
		const body = objectBody(context);
		const customerId = String(body.customerId ?? invoice.customerId);
		// Postman's example sends the placeholder "string": only a customer id is compared.
		if (/^0cu/.test(customerId) && customerId !== invoice.customerId)
			throw errors.invalid('customerId: not the customer of this invoice');
		if (receivables(context.state).connectedCustomers.has(String(invoice.customerId)))
			throw errors.invalid(
				'Payment link is not available for a customer connected to you in the BILL network.',
			);
		return { body: { paymentLink: `https://app-stage.bill.com/p/${String(invoice.id)}` } };
	});

	emulator.add('GET', '/v3/receivable-payments', (context) => ({
		body: listPage(
			context.state.ofOrganization(
				receivables(context.state).receivablePayments,
				context.organization!.id,
			),
			context.query,
			{
				filterable:
					context.emulator.readings.receivablePaymentFilters === 'strict'
						? { id: ['eq'] }
						: {
								id: ['eq', 'ne', 'in'],
								customerId: ['eq', 'in'],
								createdTime: ['gt', 'gte', 'lt', 'lte'],
								updatedTime: ['gt', 'gte', 'lt', 'lte'],
							},
				sortable: ['amount', 'createdTime', 'updatedTime'],
			},
		),
	}));
	emulator.add('GET', '/v3/receivable-payments/:receivedPaymentId', (context) => {
		const id = context.params.receivedPaymentId;
		const payment = receivables(context.state).receivablePayments.get(id);
		if (!payment || context.state.owner.get(id) !== context.organization!.id)
			throw errors.notFound('Received payment', id);
		return { body: payment };
	});
}
