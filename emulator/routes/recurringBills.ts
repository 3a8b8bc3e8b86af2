/**
 * Recurring bills (BILL's Postman folder "recurringbills"): list, create (201), get, PUT, PATCH,
 * archive, restore (idempotent). Auto pay needs a bank account of the organization and an
 * MFA-trusted session (Postman folder "mfa": recurring bills with autoPayment).
 */
import { errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { type LineRules, bad, mergeLines, missing, storePerState } from './amountLines';

const FIELDS = [
	'vendorId',
	'schedule',
	'recurringBillLineItems',
	'description',
	'processingOptions',
	'paymentInformation',
];
const SCHEDULE_FIELDS = ['period', 'frequency', 'nextDueDate', 'endDate', 'daysInAdvance'];
const PERIODS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
// Postman "Update a recurring bill" sends `quantity` on a line; it is accepted, but BILL's
// example answer has no `quantity` on a line, so it is not kept.
const LINE_FIELDS = ['id', 'amount', 'description', 'classifications', 'quantity'];
const CLASSIFICATIONS = [
	'chartOfAccountId',
	'accountingClassId',
	'departmentId',
	'employeeId',
	'jobId',
	'locationId',
	'itemId',
];

const LINES: LineRules = {
	fields: LINE_FIELDS,
	classifications: CLASSIFICATIONS,
	prefix: 'rbl',
	object: 'recurring bill',
};

/** BILL's collection filters this list by `id` only; the others as BILL's other lists. */
const FILTERS: FilterableFields = {
	id: ['eq', 'in'],
	vendorId: ['eq', 'in'],
	archived: ['eq', 'ne'],
	createdTime: ['gt', 'gte', 'lt', 'lte'],
	updatedTime: ['gt', 'gte', 'lt', 'lte'],
};
/** https://developer.bill.com/docs/sortable-fields: archived, description. */
const SORTS = ['archived', 'description', 'createdTime', 'updatedTime'];

const store = storePerState();

function recurringBillOf(context: RequestContext, id: string): Json {
	const bill = store(context).get(id);
	if (!bill || context.state.owner.get(id) !== context.organization!.id)
		throw errors.notFound('Recurring bill', id);
	return bill;
}

function checkDate(field: string, value: unknown): void {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value)))
		throw bad(field, `"${String(value)}" is not a date in the format yyyy-MM-dd`);
}

/** A whole recurring bill (create, PUT) or a change (PATCH), checked. */
function build(context: RequestContext, body: Json, existing?: Json, patch = false): Json {
	for (const key of Object.keys(body))
		if (key !== 'id' && !FIELDS.includes(key)) throw bad(key, 'unknown field');
	const next: Json = existing ? structuredClone(existing) : {};
	if (!patch && missing(body.vendorId)) throw bad('vendorId', 'must not be null');
	if (!missing(body.vendorId)) {
		const id = String(body.vendorId);
		if (!context.state.vendors.has(id) || context.state.owner.get(id) !== context.organization!.id)
			throw bad('vendorId', `vendor ${id} does not exist in this organization`);
		next.vendorId = id;
	}
	if (!patch && !body.schedule) throw bad('schedule', 'must not be null');
	if (body.schedule !== undefined) {
		const schedule = body.schedule as Json;
		if (!schedule || typeof schedule !== 'object') throw bad('schedule', 'must be an object');
		for (const key of Object.keys(schedule))
			if (!SCHEDULE_FIELDS.includes(key)) throw bad(`schedule.${key}`, 'unknown field');
		const merged: Json = { ...(patch ? ((next.schedule as Json) ?? {}) : {}), ...schedule };
		if (!PERIODS.includes(String(merged.period)))
			throw bad('schedule.period', `must be one of ${PERIODS.join(', ')}`);
		if (
			merged.frequency !== undefined &&
			!(Number.isInteger(merged.frequency) && Number(merged.frequency) >= 1)
		)
			throw bad('schedule.frequency', 'must be 1 or more');
		checkDate('schedule.nextDueDate', merged.nextDueDate);
		if (!missing(merged.endDate)) checkDate('schedule.endDate', merged.endDate);
		next.schedule = { frequency: 1, ...merged };
	}
	if (body.description !== undefined) next.description = body.description;
	if (body.paymentInformation !== undefined) {
		const bankAccountId = String((body.paymentInformation as Json)?.bankAccountId ?? '');
		if (
			!context.state.bankAccounts.has(bankAccountId) ||
			context.state.owner.get(bankAccountId) !== context.organization!.id
		)
			throw bad(
				'paymentInformation.bankAccountId',
				`bank account ${bankAccountId} does not exist in this organization`,
			);
		next.paymentInformation = { bankAccountId };
	}
	if (body.processingOptions !== undefined) {
		const autoPayment = (body.processingOptions as Json)?.autoPayment === true;
		if (autoPayment && !context.session?.trusted)
			throw errors.untrusted('Auto pay of a recurring bill');
		next.processingOptions = { autoPayment };
	}
	if ((next.processingOptions as Json | undefined)?.autoPayment && !next.paymentInformation)
		throw bad('paymentInformation.bankAccountId', 'must not be null with autoPayment');
	const lines = body.recurringBillLineItems;
	if (!patch || lines !== undefined) {
		const old = existing?.recurringBillLineItems as Json[] | undefined;
		next.recurringBillLineItems = mergeLines(
			LINES,
			'recurringBillLineItems',
			lines,
			old,
			patch,
		).map(({ quantity: _quantity, ...line }) => line);
	}
	return next;
}

function setArchived(context: RequestContext, archived: boolean): Json {
	const bill = recurringBillOf(context, context.params.recurringBillId);
	if (bill.archived !== archived) {
		bill.archived = archived;
		bill.updatedTime = context.clock.timestamp();
	}
	return bill;
}

export function registerRecurringBills(emulator: Emulator): void {
	const base = '/v3/recurringbills';
	emulator.add('GET', base, (context) => ({
		body: listPage(
			context.state.ofOrganization(store(context), context.organization!.id),
			context.query,
			{
				filterable: FILTERS,
				sortable: SORTS,
			},
		),
	}));
	emulator.add('POST', base, (context) => {
		const now = context.clock.timestamp();
		const bill: Json = {
			archived: false,
			id: newId('btp'),
			processingOptions: { autoPayment: false },
			...build(context, objectBody(context)),
			createdTime: now,
			updatedTime: now,
		};
		store(context).set(String(bill.id), bill);
		context.state.owner.set(String(bill.id), context.organization!.id);
		return { status: 201, body: bill };
	});
	emulator.add('GET', `${base}/:recurringBillId`, (context) => ({
		body: recurringBillOf(context, context.params.recurringBillId),
	}));
	for (const [method, patch] of [
		['PUT', false],
		['PATCH', true],
	] as const) {
		emulator.add(method, `${base}/:recurringBillId`, (context) => {
			const bill = recurringBillOf(context, context.params.recurringBillId);
			const next = build(context, objectBody(context), bill, patch);
			Object.assign(bill, next, { updatedTime: context.clock.timestamp() });
			return { body: bill };
		});
	}
	emulator.add('POST', `${base}/:recurringBillId/archive`, (context) => ({
		body: setArchived(context, true),
	}));
	emulator.add('POST', `${base}/:recurringBillId/restore`, (context) => ({
		body: setArchived(context, false),
	}));
}
