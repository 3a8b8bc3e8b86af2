/**
 * How two answers to the same call are compared: status code, BILL's error codes, and the
 * shape of the body (field names and JSON types, recursively; an array by its first element).
 * Values are never compared (ids, dates and amounts differ between two BILLs by nature).
 */

export type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'none';

export function jsonType(value: unknown): JsonType {
	if (value === undefined) return 'none';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	const type = typeof value;
	if (type === 'string' || type === 'number' || type === 'boolean' || type === 'object')
		return type;
	return 'string';
}

export type ShapeDifferenceKind = 'onlyInBill' | 'onlyInEmulator' | 'type';

export interface ShapeDifference {
	kind: ShapeDifferenceKind;
	/** `$` is the body; `.field`, and `[]` for an array's first element. */
	path: string;
	bill?: JsonType;
	emulator?: JsonType;
}

export interface ShapeNote {
	path: string;
	/** Which side's array was empty (the elements could not be compared). */
	emptyIn: 'BILL' | 'emulator';
}

const child = (path: string, key: string) =>
	/^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/**
 * The shape differences between BILL's answer and the emulator's, and the arrays whose
 * elements could not be compared because one side's was empty.
 */
export function compareShapes(
	bill: unknown,
	emulator: unknown,
	path = '$',
	out: { differences: ShapeDifference[]; notes: ShapeNote[] } = { differences: [], notes: [] },
): { differences: ShapeDifference[]; notes: ShapeNote[] } {
	const a = jsonType(bill);
	const b = jsonType(emulator);
	if (a !== b) {
		out.differences.push({ kind: 'type', path, bill: a, emulator: b });
		return out;
	}
	if (a === 'object') {
		const left = bill as Record<string, unknown>;
		const right = emulator as Record<string, unknown>;
		const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
		for (const key of keys) {
			const inLeft = Object.prototype.hasOwnProperty.call(left, key) && left[key] !== undefined;
			const inRight = Object.prototype.hasOwnProperty.call(right, key) && right[key] !== undefined;
			if (inLeft && !inRight)
				out.differences.push({
					kind: 'onlyInBill',
					path: child(path, key),
					bill: jsonType(left[key]),
				});
			else if (!inLeft && inRight)
				out.differences.push({
					kind: 'onlyInEmulator',
					path: child(path, key),
					emulator: jsonType(right[key]),
				});
			else compareShapes(left[key], right[key], child(path, key), out);
		}
	} else if (a === 'array') {
		const left = bill as unknown[];
		const right = emulator as unknown[];
		if (left.length && right.length) compareShapes(left[0], right[0], `${path}[]`, out);
		else if (left.length || right.length)
			out.notes.push({ path, emptyIn: left.length ? 'emulator' : 'BILL' });
	}
	return out;
}

/** BILL's error codes (`BDC_…`) in an error answer: an array of `{ code, message, … }`. */
export function errorCodes(body: unknown): string[] {
	const entries = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : [];
	return entries
		.map((e) => (e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined))
		.filter((code): code is string => typeof code === 'string' && code !== '');
}

/** The first error message of an error answer, if any. */
export function errorMessage(body: unknown): string | undefined {
	const entries = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : [];
	const first = entries.find((e) => e && typeof e === 'object' && 'message' in e) as
		| { message?: unknown }
		| undefined;
	return typeof first?.message === 'string' ? first.message : undefined;
}

const BILL_ID = /\b[0-9A-Za-z]{3}02[0-9A-Za-z]{15}\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** Anything that looks like a token: 24+ characters of letters, digits, - and _ with a digit. */
const TOKEN = /\b(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{24,}\b/g;

/** The live check's own names (`n8n-live-check-20261201-130512`) are shown, not masked. */
const OWN_NAME = /^n8n-live-check-[\d-]+$/;

/**
 * Text with the given secrets (password, keys, session IDs, MFA ID, username, organization ID)
 * replaced by `***`, the given ids, BILL ids and UUIDs by `<id>`, and any other token-like
 * string by `***`.
 */
export function mask(
	text: string,
	secrets: Iterable<string | undefined>,
	ids: Iterable<string | undefined> = [],
): string {
	const longestFirst = (values: Iterable<string | undefined>) =>
		[...values]
			.filter((s): s is string => typeof s === 'string' && s.length >= 3)
			.sort((x, y) => y.length - x.length);
	let out = text;
	for (const secret of longestFirst(secrets)) out = out.split(secret).join('***');
	for (const id of longestFirst(ids)) out = out.split(id).join('<id>');
	return out
		.replace(UUID, '<id>')
		.replace(BILL_ID, '<id>')
		.replace(TOKEN, (m) => (OWN_NAME.test(m) ? m : '***'));
}
