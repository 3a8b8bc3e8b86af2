/**
 * General-ledger classifications (BILL's Postman folder "classifications"): for each of the seven
 * types the same ten requests under `/v3/classifications/{type}`: list, create (201), bulk create
 * (≤50, 201, wrapped `{ "<type>": [...] }`), bulk update (PATCH, 200), bulk archive / restore
 * (`?ids=`, no body, 200), get, PATCH, archive, restore (idempotent).
 *
 * BILL does not say whether its bulk calls are all or nothing. `setBulkReading(emulator, …)` plays
 * either: `atomic` (default; one bad entry refuses the request, as BILL's bulk bills do) or
 * `partial` (the good entries are applied and returned, the bad ones left out).
 */
import { BillError, errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json, type State } from '../state';
import { storePerState } from './amountLines';

interface Kind {
	path: string;
	prefix: string;
	bulkKey: string;
	/** The label BILL's messages use. */
	label: string;
	/** The body fields BILL's object of this kind has. */
	fields: string[];
	person?: boolean;
}

const NAMED = ['name', 'shortName', 'description', 'parentId'];

export const CLASSIFICATION_KINDS: Kind[] = [
	{
		path: 'chart-of-accounts',
		prefix: '0ca',
		bulkKey: 'chartOfAccounts',
		label: 'Chart of accounts',
		fields: ['name', 'description', 'parentId', 'account'],
	},
	{
		path: 'accounting-classes',
		prefix: 'cls',
		bulkKey: 'accountingClasses',
		label: 'Accounting class',
		fields: NAMED,
	},
	{
		path: 'departments',
		prefix: '0de',
		bulkKey: 'departments',
		label: 'Department',
		fields: NAMED,
	},
	{
		path: 'employees',
		prefix: 'emp',
		bulkKey: 'employees',
		label: 'Employee',
		fields: ['firstName', 'lastName', 'shortName', 'parentId'],
		person: true,
	},
	{
		path: 'items',
		prefix: '0ii',
		bulkKey: 'items',
		label: 'Item',
		fields: [
			...NAMED,
			'type',
			'price',
			'expenseChartOfAccountId',
			'purchaseDescription',
			'purchaseCost',
			'chartOfAccountId',
			'taxable',
			'percentage',
		],
	},
	{ path: 'jobs', prefix: 'job', bulkKey: 'jobs', label: 'Job', fields: NAMED },
	{ path: 'locations', prefix: 'loc', bulkKey: 'locations', label: 'Location', fields: NAMED },
];

/** BILL's collection filters these lists by `id` only; `archived` and the times as BILL's other lists. */
const FILTERS: FilterableFields = {
	id: ['eq', 'in'],
	archived: ['eq', 'ne'],
	createdTime: ['gt', 'gte', 'lt', 'lte'],
	updatedTime: ['gt', 'gte', 'lt', 'lte'],
};

/** https://developer.bill.com/docs/sortable-fields: archived, name, description (employees: names). */
const SORTS = [
	'archived',
	'name',
	'description',
	'firstName',
	'lastName',
	'createdTime',
	'updatedTime',
];

export const BULK_MAX = 50;

type BulkReading = 'atomic' | 'partial';
const readings = new WeakMap<Emulator, BulkReading>();
export function setBulkReading(emulator: Emulator, reading: BulkReading): void {
	readings.set(emulator, reading);
}

const store = storePerState();

/** The classifications of every kind the emulator holds (tests read them). */
export const storedClassifications = (state: State): Map<string, Json> => store({ state });

function find(context: RequestContext, kind: Kind, id: string): Json {
	const object = store(context).get(id);
	if (
		!object ||
		!id.startsWith(kind.prefix) ||
		context.state.owner.get(id) !== context.organization!.id
	)
		throw errors.notFound(kind.label, id);
	return object;
}

const blank = (value: unknown) =>
	value === undefined || value === null || String(value).trim() === '';

/** BILL's gateway names each bad field as "<field>: <reason>" (REFERENCE.md §4.6). */
function check(context: RequestContext, kind: Kind, body: Json, creating: boolean): void {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw errors.invalid('Request body must be a JSON object');
	const main = kind.person ? 'firstName' : 'name';
	if (creating && blank(body[main])) throw errors.invalid(`${main}: must not be blank`);
	if (!creating && main in body && blank(body[main]))
		throw errors.invalid(`${main}: must not be blank`);
	if (kind.path === 'items' && creating && blank(body.type))
		throw errors.invalid('type: must not be null');
	for (const key of Object.keys(body)) {
		if (key !== 'id' && !kind.fields.includes(key))
			throw errors.invalid(`${key}: unknown field of ${kind.label.toLowerCase()}`);
	}
	if (body.type !== undefined && !/^[A-Z][A-Z_]*$/.test(String(body.type)))
		throw errors.invalid(`type: "${String(body.type)}" is not a valid item type`);
	const account = body.account as Json | undefined;
	if (account !== undefined) {
		if (!account || typeof account !== 'object') throw errors.invalid('account: must be an object');
		if (account.type !== undefined && !/^[A-Z][A-Z_]*$/.test(String(account.type)))
			throw errors.invalid(`account.type: "${String(account.type)}" is not a valid account type`);
	}
	for (const key of ['price', 'purchaseCost', 'percentage'])
		if (body[key] !== undefined && typeof body[key] !== 'number')
			throw errors.invalid(`${key}: must be a number`);
	for (const key of ['chartOfAccountId', 'expenseChartOfAccountId'])
		if (body[key] !== undefined && !/^0ca[0-9A-Za-z]{17}$/.test(String(body[key])))
			throw errors.invalid(`${key}: must be a chart of accounts id (0ca…)`);
	if (body.parentId !== undefined && body.parentId !== null && body.parentId !== '') {
		const parent = String(body.parentId);
		if (!parent.startsWith(kind.prefix) || !store(context).has(parent))
			throw errors.invalid(
				`parentId: ${parent} is not a ${kind.label.toLowerCase()} of this organization`,
			);
	}
}

function create(context: RequestContext, kind: Kind, body: Json): Json {
	const now = context.clock.timestamp();
	const object: Json = { id: newId(kind.prefix), archived: false };
	for (const field of kind.fields) if (body[field] !== undefined) object[field] = body[field];
	if (kind.path === 'items' && object.taxable === undefined) object.taxable = false;
	object.createdTime = now;
	object.updatedTime = now;
	store(context).set(String(object.id), object);
	context.state.owner.set(String(object.id), context.organization!.id);
	return object;
}

function update(context: RequestContext, kind: Kind, object: Json, body: Json): Json {
	for (const field of kind.fields) {
		if (body[field] === undefined) continue;
		object[field] =
			field === 'account'
				? { ...((object.account as Json) ?? {}), ...(body.account as Json) }
				: body[field];
	}
	object.updatedTime = context.clock.timestamp();
	return object;
}

function setArchived(context: RequestContext, object: Json, archived: boolean): Json {
	if (object.archived !== archived) {
		object.archived = archived;
		object.updatedTime = context.clock.timestamp();
	}
	return object;
}

/** A bulk body: a non-empty array of at most 50 (Postman "Create multiple …"). */
function bulkList(context: RequestContext, kind: Kind): Json[] {
	const list = context.body;
	if (!Array.isArray(list) || list.length === 0)
		throw errors.invalid(`Request body must be a non-empty JSON array of ${kind.bulkKey}`);
	if (list.length > BULK_MAX)
		throw errors.invalid(
			`At most ${BULK_MAX} ${kind.bulkKey} per bulk request, got ${list.length}`,
		);
	return list as Json[];
}

/**
 * Runs `apply` on each entry, as the reading says: atomic checks all first (`check` throws) and
 * refuses the request on the first bad one; partial applies the good ones and leaves out the bad.
 */
function bulk<T>(
	context: RequestContext,
	entries: T[],
	checkOne: (entry: T) => void,
	apply: (entry: T) => Json,
): Json[] {
	const partial = readings.get(context.emulator) === 'partial';
	const good: T[] = [];
	let firstError: unknown;
	entries.forEach((entry, i) => {
		try {
			checkOne(entry);
			good.push(entry);
		} catch (error) {
			if (error instanceof BillError) {
				firstError ??= new BillError(error.status, error.code, `[${i}] ${error.message}`);
				if (!partial) throw firstError;
			} else throw error;
		}
	});
	if (!good.length) throw firstError;
	return good.map(apply);
}

function ids(context: RequestContext): string[] {
	const list = String(context.query.ids ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	if (!list.length) throw errors.invalid('ids: must not be blank');
	if (list.length > BULK_MAX) throw errors.invalid(`ids: at most ${BULK_MAX}, got ${list.length}`);
	return list;
}

function registerKind(emulator: Emulator, kind: Kind): void {
	const base = `/v3/classifications/${kind.path}`;
	emulator.add('GET', base, (context) => ({
		body: listPage(
			context.state
				.ofOrganization(store(context), context.organization!.id)
				.filter((object) => String(object.id).startsWith(kind.prefix)),
			context.query,
			{ filterable: FILTERS, sortable: SORTS },
		),
	}));
	emulator.add('POST', base, (context) => {
		const body = objectBody(context);
		check(context, kind, body, true);
		return { status: 201, body: create(context, kind, body) };
	});
	emulator.add('POST', `${base}/bulk`, (context) => {
		const created = bulk(
			context,
			bulkList(context, kind),
			(body) => check(context, kind, body, true),
			(body) => create(context, kind, body),
		);
		return { status: 201, body: { [kind.bulkKey]: created } };
	});
	emulator.add('PATCH', `${base}/bulk`, (context) => {
		const changed = bulk(
			context,
			bulkList(context, kind),
			(body) => {
				if (blank(body.id)) throw errors.invalid('id: must not be blank');
				find(context, kind, String(body.id));
				check(context, kind, body, false);
			},
			(body) => update(context, kind, find(context, kind, String(body.id)), body),
		);
		return { body: { [kind.bulkKey]: changed } };
	});
	for (const action of ['archive', 'restore'] as const) {
		emulator.add('POST', `${base}/bulk/${action}`, (context) => {
			const done = bulk(
				context,
				ids(context),
				(id) => void find(context, kind, id),
				(id) => setArchived(context, find(context, kind, id), action === 'archive'),
			);
			return { body: { [kind.bulkKey]: done } };
		});
		emulator.add('POST', `${base}/:id/${action}`, (context) => ({
			body: setArchived(context, find(context, kind, context.params.id), action === 'archive'),
		}));
	}
	emulator.add('GET', `${base}/:id`, (context) => ({
		body: find(context, kind, context.params.id),
	}));
	emulator.add('PATCH', `${base}/:id`, (context) => {
		const object = find(context, kind, context.params.id);
		const body = objectBody(context);
		check(context, kind, body, false);
		return { body: update(context, kind, object, body) };
	});
}

export function registerClassifications(emulator: Emulator): void {
	for (const kind of CLASSIFICATION_KINDS) registerKind(emulator, kind);
}
