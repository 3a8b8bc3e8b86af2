/**
 * Recurring invoices (BILL's Postman folder "Recurring invoices";
 * https://developer.bill.com/docs/ar-recurring-invoices): create (201), get, list, PATCH (lines
 * by id), PUT (lines without id added, lines left out removed), archive and restore (idempotent).
 * Ids start with `rit`. Choices where BILL's docs are silent: line ids use the emulator's prefix
 * `rli`; the list filters by `id`, `customerId` and `archived`; the emulator makes no invoices
 * from the schedule (no clock-driven generation).
 */
import { errors } from '../errors';
import { listPage } from '../list';
import { AR_CLASSIFICATIONS, AR_LINE_CLASSIFICATIONS, receivables } from '../receivables';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { cents, checkClassifications } from './amountLines';
import { customerOf } from './customers';

const PERIODS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'NONE'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const all = (context: RequestContext) => receivables(context.state).recurringInvoices;

function checkSchedule(schedule: unknown): void {
	if (!schedule || typeof schedule !== 'object') throw errors.invalid('schedule: must not be null');
	const s = schedule as Json;
	if (s.period !== undefined && !PERIODS.includes(String(s.period)))
		throw errors.invalid(`schedule.period: must be one of ${PERIODS.join(', ')}`);
	for (const key of ['nextDueDate', 'endDate'])
		if (s[key] !== undefined && !DATE.test(String(s[key])))
			throw errors.invalid(`schedule.${key}: must be a date as yyyy-MM-dd`);
}

/** The classifications of a create, PUT or PATCH body and of its lines (as invoices'). */
function checkAllClassifications(body: Json): void {
	checkClassifications('classifications', body.classifications, AR_CLASSIFICATIONS);
	const given = body.recurringInvoiceLineItems;
	(Array.isArray(given) ? (given as Json[]) : []).forEach((line, i) =>
		checkClassifications(
			`recurringInvoiceLineItems[${i}].classifications`,
			line?.classifications,
			AR_LINE_CLASSIFICATIONS,
		),
	);
}

function lines(given: Json[], existing: Json[], replace: boolean): Json[] {
	const made: Json[] = given.map((line, i) => {
		const old = line.id !== undefined ? existing.find((l) => l.id === line.id) : undefined;
		if (line.id !== undefined && !old)
			throw errors.invalid(
				`recurringInvoiceLineItems[${i}].id: ${String(line.id)} is not a line of this recurring invoice`,
			);
		const merged: Json = { ...(old ?? {}), ...line, id: old?.id ?? newId('rli') };
		const quantity = Number(merged.quantity ?? 1);
		const price =
			merged.price !== undefined ? Number(merged.price) : Number(merged.amount ?? 0) / quantity;
		return {
			taxable: false,
			classifications: {},
			...merged,
			quantity,
			price,
			amount: cents(quantity * price),
		};
	});
	return replace
		? made
		: [
				...existing.map((l) => made.find((m) => m.id === l.id) ?? l),
				...made.filter((m) => !existing.some((l) => l.id === m.id)),
			];
}

function of(context: RequestContext, id: string): Json {
	const recurring = all(context).get(id);
	if (!recurring || context.state.owner.get(id) !== context.organization!.id)
		throw errors.notFound('Recurring invoice', id);
	return recurring;
}

function change(context: RequestContext, replace: boolean): Json {
	const recurring = of(context, context.params.recurringInvoiceId);
	const body = objectBody(context);
	checkAllClassifications(body);
	if (replace)
		for (const key of ['customerId', 'schedule', 'recurringInvoiceLineItems'])
			if (body[key] === undefined) throw errors.invalid(`${key}: must not be null`);
	if (body.schedule !== undefined) {
		checkSchedule(body.schedule);
		recurring.schedule = replace
			? body.schedule
			: { ...(recurring.schedule as Json), ...(body.schedule as Json) };
	}
	if (body.customerId !== undefined)
		recurring.customerId = customerOf(context, String(body.customerId)).id;
	if (Array.isArray(body.recurringInvoiceLineItems))
		recurring.recurringInvoiceLineItems = lines(
			body.recurringInvoiceLineItems as Json[],
			recurring.recurringInvoiceLineItems as Json[],
			replace,
		);
	for (const key of ['description', 'sendEmail', 'classifications'])
		if (body[key] !== undefined) recurring[key] = body[key];
	recurring.updatedTime = context.clock.timestamp();
	return recurring;
}

function setArchived(context: RequestContext, archived: boolean): Json {
	const recurring = of(context, context.params.recurringInvoiceId);
	if (recurring.archived !== archived) {
		recurring.archived = archived;
		recurring.updatedTime = context.clock.timestamp();
	}
	return recurring;
}

export function registerRecurringInvoices(emulator: Emulator): void {
	emulator.add('POST', '/v3/recurring-invoices', (context) => {
		const body = objectBody(context);
		for (const key of ['customerId', 'schedule', 'recurringInvoiceLineItems'])
			if (body[key] === undefined || body[key] === null)
				throw errors.invalid(`${key}: must not be null`);
		checkSchedule(body.schedule);
		if (!(body.schedule as Json).nextDueDate)
			throw errors.invalid('schedule.nextDueDate: must not be null');
		if (!Array.isArray(body.recurringInvoiceLineItems) || !body.recurringInvoiceLineItems.length)
			throw errors.invalid('recurringInvoiceLineItems: must not be empty');
		checkAllClassifications(body);
		const customer = customerOf(context, String(body.customerId));
		const now = context.clock.timestamp();
		const recurring: Json = {
			id: newId('rit'),
			customerId: customer.id,
			description: body.description ?? '',
			archived: false,
			schedule: { period: 'MONTHLY', frequency: 1, daysInAdvance: 0, ...(body.schedule as Json) },
			recurringInvoiceLineItems: lines(body.recurringInvoiceLineItems as Json[], [], true),
			classifications: body.classifications ?? {},
			sendEmail: body.sendEmail === true,
			createdTime: now,
			updatedTime: now,
		};
		all(context).set(String(recurring.id), recurring);
		context.state.owner.set(String(recurring.id), context.organization!.id);
		return { status: 201, body: recurring };
	});
	emulator.add('GET', '/v3/recurring-invoices', (context) => ({
		body: listPage(
			context.state.ofOrganization(all(context), context.organization!.id),
			context.query,
			{
				filterable: { id: ['eq', 'ne', 'in'], customerId: ['eq', 'in'], archived: ['eq', 'ne'] },
				sortable: ['archived', 'createdTime', 'updatedTime'],
			},
		),
	}));
	emulator.add('GET', '/v3/recurring-invoices/:recurringInvoiceId', (context) => ({
		body: of(context, context.params.recurringInvoiceId),
	}));
	emulator.add('PATCH', '/v3/recurring-invoices/:recurringInvoiceId', (context) => ({
		body: change(context, false),
	}));
	emulator.add('PUT', '/v3/recurring-invoices/:recurringInvoiceId', (context) => ({
		body: change(context, true),
	}));
	emulator.add('POST', '/v3/recurring-invoices/:recurringInvoiceId/archive', (context) => ({
		body: setArchived(context, true),
	}));
	emulator.add('POST', '/v3/recurring-invoices/:recurringInvoiceId/restore', (context) => ({
		body: setArchived(context, false),
	}));
}
