/**
 * Vendor credits (BILL's Postman folder "vendor credits"): list, create (201), bulk create (≤50,
 * 201), bulk PUT and PATCH, bulk archive (`?ids=`), get (with `usage`), PUT, PATCH, archive.
 * No restore: "An archived vendor credit cannot be restored." Bulk calls are all or nothing
 * (BILL does not say; the classification routes play the other reading).
 */
import { BillError, errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { type LineRules, bad, cents, mergeLines, missing, storePerState } from './amountLines';

const FIELDS = [
	'vendorId',
	'referenceNumber',
	'creditDate',
	'vendorCreditLineItems',
	'description',
	'applyToChartOfAccountId',
	'applyToBankAccountId',
];
const LINE_FIELDS = ['id', 'amount', 'description', 'classifications'];
const CLASSIFICATIONS = [
	'chartOfAccountId',
	'accountingClassId',
	'departmentId',
	'jobId',
	'locationId',
	'itemId',
	'employeeId',
	'customerId',
];

const LINES: LineRules = {
	fields: LINE_FIELDS,
	classifications: CLASSIFICATIONS,
	prefix: 'vcl',
	object: 'vendor credit',
};

/** BILL's collection filters this list by `id` only; the others as BILL's other lists. */
const FILTERS: FilterableFields = {
	id: ['eq', 'in'],
	vendorId: ['eq', 'in'],
	archived: ['eq', 'ne'],
	status: ['eq', 'in'],
	createdTime: ['gt', 'gte', 'lt', 'lte'],
	updatedTime: ['gt', 'gte', 'lt', 'lte'],
};
const SORTS = ['archived', 'createdTime', 'updatedTime', 'creditDate', 'referenceNumber'];
const BULK_MAX = 50;

const store = storePerState();
/** The organization's vendor credits (routes/vendorCreditUse.ts applies them to bills). */
export const vendorCreditStore = store;

/**
 * BILL's collection shows `NOT_APPLIED`, `IN_PROCESS` and `FULLY_APPLIED`; a credit partly used
 * is taken as `IN_PROCESS` (the emulator's choice: BILL lists no other value).
 */
export function creditStatus(credit: Json): string {
	const applied = Number(credit.appliedAmount ?? 0);
	if (applied <= 0) return 'NOT_APPLIED';
	return applied >= Number(credit.amount) ? 'FULLY_APPLIED' : 'IN_PROCESS';
}

export function vendorCreditOf(context: RequestContext, id: string): Json {
	const credit = store(context).get(id);
	if (!credit || context.state.owner.get(id) !== context.organization!.id)
		throw errors.notFound('Vendor credit', id);
	return credit;
}

/** A whole credit (create, PUT) or a change (PATCH), checked; answers the credit to store. */
function build(context: RequestContext, body: Json, existing?: Json, patch = false): Json {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw errors.invalid('Request body must be a JSON object');
	for (const key of Object.keys(body))
		if (key !== 'id' && !FIELDS.includes(key)) throw bad(key, 'unknown field');
	const next: Json = existing ? { ...existing } : {};
	for (const key of ['vendorId', 'referenceNumber', 'creditDate'])
		if (!patch && missing(body[key])) throw bad(key, 'must not be null');
	if (!missing(body.vendorId)) {
		const id = String(body.vendorId);
		if (!context.state.vendors.has(id) || context.state.owner.get(id) !== context.organization!.id)
			throw bad('vendorId', `vendor ${id} does not exist in this organization`);
		next.vendorId = id;
	}
	if (!missing(body.creditDate)) {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(String(body.creditDate)))
			throw bad(
				'creditDate',
				`"${String(body.creditDate)}" is not a date in the format yyyy-MM-dd`,
			);
		next.creditDate = body.creditDate;
	}
	if (!missing(body.referenceNumber)) next.referenceNumber = String(body.referenceNumber);
	for (const key of ['description', 'applyToChartOfAccountId', 'applyToBankAccountId'])
		if (body[key] !== undefined) next[key] = body[key];
	const lines = body.vendorCreditLineItems;
	if (!patch || lines !== undefined) {
		const old = existing?.vendorCreditLineItems as Json[] | undefined;
		next.vendorCreditLineItems = mergeLines(LINES, 'vendorCreditLineItems', lines, old, patch);
	}
	const amount = cents(
		(next.vendorCreditLineItems as Json[]).reduce((sum, line) => sum + Number(line.amount), 0),
	);
	next.amount = amount;
	const applied = Number(next.appliedAmount ?? 0);
	if (amount < applied)
		throw bad('vendorCreditLineItems', `the credit is already applied for ${applied}`);
	return next;
}

function create(context: RequestContext, body: Json): Json {
	const now = context.clock.timestamp();
	const credit: Json = {
		id: newId('vcr'),
		archived: false,
		...build(context, body),
		appliedAmount: 0,
		status: 'NOT_APPLIED',
		createdTime: now,
		updatedTime: now,
	};
	store(context).set(String(credit.id), credit);
	context.state.owner.set(String(credit.id), context.organization!.id);
	return credit;
}

function replace(context: RequestContext, credit: Json, body: Json, patch: boolean): Json {
	if (credit.archived) throw bad('id', 'an archived vendor credit cannot be changed');
	const next = build(context, body, credit, patch);
	Object.assign(credit, next, { updatedTime: context.clock.timestamp() });
	credit.status = creditStatus(credit);
	return credit;
}

function bulkList(context: RequestContext): Json[] {
	const list = context.body;
	if (!Array.isArray(list) || !list.length)
		throw errors.invalid('Request body must be a non-empty JSON array of vendor credits');
	if (list.length > BULK_MAX)
		throw errors.invalid(`At most ${BULK_MAX} vendor credits per bulk request, got ${list.length}`);
	return list as Json[];
}

/** All or nothing: every entry is checked (on a copy) before any is applied. */
function allOrNothing<T>(entries: T[], check: (entry: T) => void): void {
	entries.forEach((entry, i) => {
		try {
			check(entry);
		} catch (error) {
			if (error instanceof BillError)
				throw new BillError(error.status, error.code, `[${i}] ${error.message}`);
			throw error;
		}
	});
}

export function registerVendorCredits(emulator: Emulator): void {
	const base = '/v3/vendor-credits';
	emulator.add('GET', base, (context) => ({
		body: listPage(
			context.state
				.ofOrganization(store(context), context.organization!.id)
				.map((credit) => ({ usage: [], ...credit })),
			context.query,
			{
				filterable: FILTERS,
				sortable: SORTS,
			},
		),
	}));
	emulator.add('POST', base, (context) => ({
		status: 201,
		body: create(context, objectBody(context)),
	}));
	emulator.add('POST', `${base}/bulk`, (context) => {
		const list = bulkList(context);
		allOrNothing(list, (body) => build(context, body));
		return { status: 201, body: { vendorCredits: list.map((body) => create(context, body)) } };
	});
	for (const [method, patch] of [
		['PUT', false],
		['PATCH', true],
	] as const) {
		emulator.add(method, `${base}/bulk`, (context) => {
			const list = bulkList(context);
			allOrNothing(list, (body) => {
				const credit = vendorCreditOf(context, String(body.id));
				if (credit.archived) throw bad('id', 'an archived vendor credit cannot be changed');
				build(context, body, credit, patch);
			});
			return {
				body: {
					vendorCredits: list.map((body) =>
						replace(context, vendorCreditOf(context, String(body.id)), body, patch),
					),
				},
			};
		});
	}
	emulator.add('POST', `${base}/bulk/archive`, (context) => {
		const ids = String(context.query.ids ?? '')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean);
		if (!ids.length) throw errors.invalid('ids: must not be blank');
		if (ids.length > BULK_MAX) throw errors.invalid(`ids: at most ${BULK_MAX}, got ${ids.length}`);
		allOrNothing(ids, (id) => void vendorCreditOf(context, id));
		return {
			body: { vendorCredits: ids.map((id) => archive(context, vendorCreditOf(context, id))) },
		};
	});
	emulator.add('GET', `${base}/:vendorCreditId`, (context) => ({
		body: { usage: [], ...vendorCreditOf(context, context.params.vendorCreditId) },
	}));
	emulator.add('PUT', `${base}/:vendorCreditId`, (context) => ({
		body: replace(
			context,
			vendorCreditOf(context, context.params.vendorCreditId),
			objectBody(context),
			false,
		),
	}));
	emulator.add('PATCH', `${base}/:vendorCreditId`, (context) => ({
		body: replace(
			context,
			vendorCreditOf(context, context.params.vendorCreditId),
			objectBody(context),
			true,
		),
	}));
	emulator.add('POST', `${base}/:vendorCreditId/archive`, (context) => ({
		body: archive(context, vendorCreditOf(context, context.params.vendorCreditId)),
	}));
}

function archive(context: RequestContext, credit: Json): Json {
	if (!credit.archived) {
		credit.archived = true;
		credit.updatedTime = context.clock.timestamp();
	}
	return credit;
}
