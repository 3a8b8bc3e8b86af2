/**
 * BILL lists (https://developer.bill.com/docs/v3-bills-changes, https://developer.bill.com/docs/search-op-with-lists): `max` 1–100 (default 20), opaque `page` tokens,
 * `{ nextPage, prevPage, results }` with no `nextPage` on the last page; `filters` as
 * `field:op:value[,…]` with quoted values, and `sort` as `field[:asc|desc]`.
 */
import { errors } from './errors';
import type { Json } from './state';

export type Operator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'sw';

export interface Filter {
	field: string;
	op: Operator;
	value: string;
}

/** Which operators BILL allows on which fields of a list (filterable-fields page). */
export type FilterableFields = Record<string, Operator[]>;

const OPERATORS = new Set<Operator>(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'sw']);

/** Splits `a:eq:1,b:in:"x,y"` at the commas outside quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
	const parts: string[] = [];
	let current = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\\' && quoted && i + 1 < text.length) {
			current += ch + text[++i];
			continue;
		}
		if (ch === '"') quoted = !quoted;
		if (ch === separator && !quoted) {
			parts.push(current);
			current = '';
		} else current += ch;
	}
	if (quoted) throw errors.invalid(`filters: unbalanced quotes in "${text}"`);
	parts.push(current);
	return parts;
}

function unquote(value: string): string {
	const v = value.trim();
	if (v.length >= 2 && v.startsWith('"') && v.endsWith('"'))
		return v.slice(1, -1).replace(/\\"/g, '"');
	return v;
}

export function parseFilters(raw: unknown, allowed: FilterableFields): Filter[] {
	if (raw === undefined || raw === '') return [];
	const filters: Filter[] = [];
	for (const part of splitOutsideQuotes(String(raw), ',')) {
		const first = part.indexOf(':');
		const second = part.indexOf(':', first + 1);
		if (first < 0 || second < 0)
			throw errors.invalid(`filters: "${part}" is not field:operator:value`);
		const field = part.slice(0, first).trim();
		const op = part.slice(first + 1, second).trim() as Operator;
		const value = unquote(part.slice(second + 1));
		if (!OPERATORS.has(op)) throw errors.invalid(`filters: unknown operator "${op}"`);
		if (!allowed[field]) throw errors.invalid(`filters: field "${field}" cannot be filtered`);
		if (!allowed[field].includes(op))
			throw errors.invalid(`filters: operator "${op}" is not allowed on "${field}"`);
		filters.push({ field, op, value });
	}
	return filters;
}

export function getPath(object: Json, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(v, key) => (v && typeof v === 'object' ? (v as Json)[key] : undefined),
			object,
		);
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

function compare(actual: unknown, expected: string): number {
	if (typeof actual === 'number') return actual - Number(expected);
	if (typeof actual === 'boolean') {
		// BILL takes true or false for a Yes/No field; `archived:eq:null` is no answer.
		if (expected !== 'true' && expected !== 'false')
			throw errors.invalid(`filters: "${expected}" is not true or false`);
		return Number(actual) - Number(expected === 'true');
	}
	const a = String(actual ?? '');
	if (DATE_LIKE.test(a) && DATE_LIKE.test(expected)) {
		// Dates and date-times compare as instants (a date alone is midnight UTC).
		return (
			new Date(a.length === 10 ? `${a}T00:00:00Z` : a).getTime() -
			new Date(expected.length === 10 ? `${expected}T00:00:00Z` : expected).getTime()
		);
	}
	return a < expected ? -1 : a > expected ? 1 : 0;
}

export function matches(object: Json, filters: Filter[]): boolean {
	return filters.every(({ field, op, value }) => {
		const actual = getPath(object, field);
		// A field with several values (an object's id and uuid, say): one of them matches, or
		// for `ne`/`nin` none of them is excluded.
		if (Array.isArray(actual)) {
			const each = (a: unknown) => test(a, op, value);
			return op === 'ne' || op === 'nin' ? actual.every(each) : actual.some(each);
		}
		return test(actual, op, value);
	});
}

function test(actual: unknown, op: Operator, value: string): boolean {
	switch (op) {
		case 'eq':
			return compare(actual, value) === 0;
		case 'ne':
			return compare(actual, value) !== 0;
		case 'gt':
			return compare(actual, value) > 0;
		case 'gte':
			return compare(actual, value) >= 0;
		case 'lt':
			return compare(actual, value) < 0;
		case 'lte':
			return compare(actual, value) <= 0;
		case 'in':
			return value.split(',').some((v) => compare(actual, v.trim()) === 0);
		case 'nin':
			return value.split(',').every((v) => compare(actual, v.trim()) !== 0);
		case 'sw':
			return String(actual ?? '')
				.toLowerCase()
				.startsWith(value.toLowerCase());
	}
	return false;
}

export function sortBy(list: Json[], raw: unknown, sortable: string[]): Json[] {
	if (raw === undefined || raw === '') return list;
	const [field, direction = 'asc'] = String(raw).split(':');
	if (!sortable.includes(field)) throw errors.invalid(`sort: field "${field}" cannot be sorted`);
	if (direction !== 'asc' && direction !== 'desc')
		throw errors.invalid(`sort: direction "${direction}" is not asc or desc`);
	const sign = direction === 'desc' ? -1 : 1;
	return [...list].sort((a, b) => {
		const x = getPath(a, field);
		const y = getPath(b, field);
		if (x === y) return 0;
		if (x === undefined) return 1;
		if (y === undefined) return -1;
		return ((x as string) < (y as string) ? -1 : 1) * sign;
	});
}

interface PageToken {
	o: number;
}

const encode = (token: PageToken) => Buffer.from(JSON.stringify(token)).toString('base64url');

function decode(page: unknown): PageToken {
	try {
		const token = JSON.parse(Buffer.from(String(page), 'base64url').toString('utf8')) as PageToken;
		if (typeof token.o === 'number' && token.o >= 0) return token;
	} catch {
		// fall through
	}
	throw errors.invalid(`page: "${String(page)}" is not a page token from this list`);
}

export interface ListQuery {
	max?: unknown;
	page?: unknown;
	filters?: unknown;
	sort?: unknown;
}

export interface ListRules {
	filterable: FilterableFields;
	sortable: string[];
	/** Webhook lists have only `nextPage` (https://developer.bill.com/docs/working-with-bill-webhooks). */
	forwardOnly?: boolean;
}

/** `max` 1–100 else 400 (observed on BILL's sandbox by third-party connectors). */
export function pageSize(max: unknown): number {
	if (max === undefined || max === '') return 20;
	const n = Number(max);
	if (!Number.isInteger(n) || n < 1 || n > 100)
		throw errors.invalid(`max: must be between 1 and 100, was ${String(max)}`);
	return n;
}

export function listPage(all: Json[], query: ListQuery, rules: ListRules): Json {
	const size = pageSize(query.max);
	const filters = parseFilters(query.filters, rules.filterable);
	const sorted = sortBy(
		all.filter((o) => matches(o, filters)),
		query.sort,
		rules.sortable,
	);
	const offset = query.page ? decode(query.page).o : 0;
	const results = sorted.slice(offset, offset + size);
	const out: Json = {};
	if (offset + size < sorted.length) out.nextPage = encode({ o: offset + size });
	if (!rules.forwardOnly && offset > 0) out.prevPage = encode({ o: Math.max(0, offset - size) });
	out.results = results;
	return out;
}
