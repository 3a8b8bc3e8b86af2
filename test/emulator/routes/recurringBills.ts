/**
 * Recurring bills (BILL's Postman folder "recurringbills"): list, create (201), get, PUT, PATCH,
 * archive, restore (idempotent). Auto pay needs a bank account of the organization and an
 * MFA-trusted session (Postman folder "mfa": recurring bills with autoPayment).
 */
import { errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json, type State } from '../state';

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
// Postman "Update a recurring bill" sends `quantity` on a line; it is accepted and kept.
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

const stores = new WeakMap<State, Map<string, Json>>();
function store(context: { state: State }): Map<string, Json> {
	let map = stores.get(context.state);
	if (!map) {
		map = new Map();
		stores.set(context.state, map);
	}
	return map;
}

const missing = (v: unknown) => v === undefined || v === null || v === '';
const bad = (field: string, reason: string) => errors.invalid(`${field}: ${reason}`);
const cents = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

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

function checkLine(field: string, raw: unknown, old: Json[] | undefined, patch: boolean): Json {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad(field, 'must be an object');
	const body = raw as Json;
	for (const key of Object.keys(body))
		if (!LINE_FIELDS.includes(key)) throw bad(`${field}.${key}`, 'unknown field');
	let line: Json = { id: newId('rbl') };
	if (!missing(body.id)) {
		const found = old?.find((l) => l.id === body.id);
		if (!found)
			throw bad(`${field}.id`, `line item ${String(body.id)} is not in this recurring bill`);
		line = { ...found };
	} else if (patch) throw bad(`${field}.id`, 'must not be null');
	if (!missing(body.amount)) {
		if (typeof body.amount !== 'number' || !(body.amount > 0))
			throw bad(`${field}.amount`, 'must be more than 0');
		line.amount = cents(body.amount);
	}
	if (missing(line.amount)) throw bad(`${field}.amount`, 'must not be null');
	if (body.description !== undefined) line.description = body.description;
	if (body.classifications !== undefined) {
		const c = body.classifications as Json;
		if (!c || typeof c !== 'object') throw bad(`${field}.classifications`, 'must be an object');
		for (const key of Object.keys(c))
			if (!CLASSIFICATIONS.includes(key))
				throw bad(`${field}.classifications.${key}`, 'unknown field');
		line.classifications = { ...((line.classifications as Json) ?? {}), ...c };
	}
	return line;
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
		if (!Array.isArray(lines) || !lines.length)
			throw bad('recurringBillLineItems', 'must not be empty');
		const old = existing?.recurringBillLineItems as Json[] | undefined;
		const checked = lines.map((raw, n) =>
			checkLine(`recurringBillLineItems[${n}]`, raw, old, patch),
		);
		next.recurringBillLineItems = patch
			? (old ?? []).map((line) => checked.find((c) => c.id === line.id) ?? line)
			: checked;
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
