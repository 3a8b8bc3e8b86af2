/**
 * What every Spend & Expense route checks of a request (a JSON body, known fields, required
 * fields, amounts, enums; an unknown field refused as BILL refuses it, 400 BDC_1002) and S&E's
 * list page (Postman "Get list of transactions"). Data, token check and limit: spendState.ts.
 */
import { BillError, errors } from '../errors';
import { matches, parseFilters, sortBy, type FilterableFields } from '../list';
import type { RequestContext } from '../server';
import type { Json } from '../state';

export const notFound = (what: string, id: string) =>
	new BillError(404, 'BDC_1121', `${what} not found: ${id}`);

export function body(context: RequestContext): Json {
	const value = context.body;
	if (!value || typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value))
		throw errors.invalid('Request body must be a JSON object');
	return value as Json;
}

/** A body field BILL does not know is refused, as BILL refuses an unknown field (400 BDC_1002). */
export function onlyFields(source: Json, allowed: string[]): void {
	for (const field of Object.keys(source))
		if (!allowed.includes(field)) throw errors.invalid(`${field}: is not a field of this request`);
}

export function required(source: Json, ...fields: string[]): void {
	for (const field of fields) {
		const value = source[field];
		if (value === undefined || value === null || value === '')
			throw errors.invalid(`${field}: must not be null`);
	}
}

export function amount(
	source: Json,
	field: string,
	{ required: must = false } = {},
): number | undefined {
	const value = source[field];
	if (value === undefined || value === null || value === '') {
		if (must) throw errors.invalid(`${field}: must not be null`);
		return undefined;
	}
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(n) || n < 0) throw errors.invalid(`${field}: must be a number of 0 or more`);
	return n;
}

export function oneOf(source: Json, field: string, allowed: string[]): void {
	const value = source[field];
	if (value !== undefined && !allowed.includes(String(value)))
		throw errors.invalid(`${field}: must be one of ${allowed.join(', ')}`);
}

interface SpendToken {
	o: number;
}
const encode = (t: SpendToken) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decode(raw: string): SpendToken {
	try {
		const token = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as SpendToken;
		if (typeof token.o === 'number' && token.o >= 0) return token;
	} catch {
		// fall through
	}
	throw errors.invalid(`nextPage: "${raw}" is not a page token of this list`);
}

/**
 * An S&E list page (Postman "Get list of transactions"): `max` 1–100 (transactions 1–50,
 * https://developer.bill.com/reference/listtransactions), default 20; the next page is asked
 * for with `nextPage=<token>` (or `prevPage=<token>`); filters and sort as on AP lists.
 */
export function spendPage(
	all: Json[],
	query: Record<string, string>,
	rules: {
		filterable: FilterableFields;
		sortable: string[];
		maxPage?: number;
		/** What filters and sort see of an object (e.g. `budgetIds` for its uuid); results are the objects. */
		view?: (object: Json) => Json;
	},
): Json {
	const maxPage = rules.maxPage ?? 100;
	let size = 20;
	if (query.max !== undefined && query.max !== '') {
		size = Number(query.max);
		if (!Number.isInteger(size) || size < 1 || size > maxPage)
			throw errors.invalid(`max: must be between 1 and ${maxPage}, was ${query.max}`);
	}
	const filters = parseFilters(query.filters, rules.filterable);
	// What filters and sort see is made only when they need it (a list of thousands, read page by page).
	const sortField = String(query.sort ?? '').split(':')[0];
	const derived = !!sortField && all.length > 0 && !(sortField in all[0]);
	const view = rules.view && (filters.length > 0 || derived) ? rules.view : undefined;
	const views = new Map<Json, Json>();
	for (const o of all) views.set(view ? view(o) : o, o);
	const sorted = sortBy(
		[...views.keys()].filter((v) => matches(v, filters)),
		query.sort,
		rules.sortable,
	).map((v) => views.get(v)!);
	const token = query.nextPage || query.prevPage;
	const offset = token ? decode(token).o : 0;
	const out: Json = {};
	if (offset + size < sorted.length) out.nextPage = encode({ o: offset + size });
	if (offset > 0) out.prevPage = encode({ o: Math.max(0, offset - size) });
	out.results = sorted.slice(offset, offset + size);
	return out;
}
