/**
 * Answers in BILL's shape: an answer compared with the example answer BILL's Postman collection
 * gives for the same request (generated from BILL's schema). Every field the answer has, at any
 * depth (lines, classifications, an invoice's payments, list entries), must be one the example
 * has, with the same JSON type. `null` in either fits any type (BILL's fields are nullable); an
 * example object with no fields, with `key_0`, `key_1`… (a map), or one BILL's generator could not
 * fill (isUnresolved), takes any fields; every
 * entry of an answer's list is compared with all the example's entries taken together.
 */
export type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean';

export function jsonType(value: unknown): JsonType {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value as JsonType;
}

/**
 * An example BILL's generator could not fill (`{ value: "reference #/components/… not found in
 * the OpenAPI spec" }`, e.g. a subscription's `status` and `events`): it shows no shape to hold to.
 */
const isUnresolved = (example: Record<string, unknown>) =>
	typeof example.value === 'string' && /^reference #\/.* not found/.test(example.value);

const isMap = (example: Record<string, unknown>) =>
	Object.keys(example).length === 0 || Object.keys(example).every((k) => /^key_\d+$/.test(k));

/** The example's list entries as one: every field any entry has (objects merged). */
function mergeEntries(entries: unknown[]): unknown {
	const objects = entries.filter((e) => jsonType(e) === 'object') as Array<Record<string, unknown>>;
	if (objects.length !== entries.length || !objects.length)
		return entries.find((e) => e !== null) ?? null;
	const merged: Record<string, unknown> = {};
	for (const object of objects) {
		for (const [key, value] of Object.entries(object)) {
			const before = merged[key];
			if (before === undefined || before === null) merged[key] = value;
			else if (Array.isArray(before) && Array.isArray(value)) merged[key] = [...before, ...value];
			else if (jsonType(before) === 'object' && jsonType(value) === 'object')
				merged[key] = mergeEntries([before, value]);
		}
	}
	return merged;
}

/** Where `actual` leaves `example`'s shape: `path: no such field` or `path: string, not number`. */
export function shapeDifferences(actual: unknown, example: unknown, path = '$'): string[] {
	const a = jsonType(actual);
	const e = jsonType(example);
	if (a === 'null' || e === 'null') return [];
	if (a !== e) return [`${path}: ${a}, not ${e}`];
	if (a === 'array') {
		const exampleEntries = example as unknown[];
		if (!exampleEntries.length) return [];
		const merged = mergeEntries(exampleEntries);
		return (actual as unknown[]).flatMap((entry) => shapeDifferences(entry, merged, `${path}[]`));
	}
	if (a === 'object') {
		const object = example as Record<string, unknown>;
		if (isMap(object) || isUnresolved(object)) return [];
		return Object.entries(actual as Record<string, unknown>).flatMap(([key, value]) =>
			key in object
				? shapeDifferences(value, object[key], `${path}.${key}`)
				: [`${path}.${key}: no such field`],
		);
	}
	return [];
}

/** The differences of one answer's text from the example's text ([] when either is not JSON). */
export function answerDifferences(actual: string, example?: string): string[] {
	if (!actual || !example) return [];
	try {
		return [...new Set(shapeDifferences(JSON.parse(actual), JSON.parse(example)))];
	} catch {
		return [];
	}
}
