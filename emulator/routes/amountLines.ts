/**
 * What the vendor-credit and recurring-bill routes share: each organization's objects kept per
 * emulator state, and their lines (`amount`, `description`, `classifications`; an `id` to keep or
 * change a line) checked and merged as BILL's PUT (lines not sent are removed) and PATCH (only the
 * lines named change) do.
 */
import { errors } from '../errors';
import { newId, type Json, type State } from '../state';

/** A store per emulator state, so `reset()` (a new State) empties it. */
export function storePerState(): (context: { state: State }) => Map<string, Json> {
	const stores = new WeakMap<State, Map<string, Json>>();
	return (context) => {
		let map = stores.get(context.state);
		if (!map) {
			map = new Map();
			stores.set(context.state, map);
		}
		return map;
	};
}

export const missing = (v: unknown) => v === undefined || v === null || v === '';
export const bad = (field: string, reason: string) => errors.invalid(`${field}: ${reason}`);
export const cents = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

/**
 * A classifications object (of a line or of a whole object) whose keys are all in `allowed`; BILL
 * refuses an unknown field by name ("<field>.<key>: unknown field"). A copy is returned.
 */
export function checkClassifications(
	field: string,
	value: unknown,
	allowed: string[],
): Json | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) throw bad(field, 'must be an object');
	for (const key of Object.keys(value))
		if (!allowed.includes(key)) throw bad(`${field}.${key}`, 'unknown field');
	return { ...(value as Json) };
}

export interface LineRules {
	/** The fields a line may have (`id` included). */
	fields: string[];
	classifications: string[];
	/** The ID prefix of a new line, and what the object is called in messages. */
	prefix: string;
	object: string;
}

function checkLine(
	rules: LineRules,
	field: string,
	raw: unknown,
	old: Json[] | undefined,
	patch: boolean,
): Json {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad(field, 'must be an object');
	const body = raw as Json;
	for (const key of Object.keys(body))
		if (!rules.fields.includes(key)) throw bad(`${field}.${key}`, 'unknown field');
	let line: Json = { id: newId(rules.prefix) };
	if (!missing(body.id)) {
		const found = old?.find((l) => l.id === body.id);
		if (!found)
			throw bad(`${field}.id`, `line item ${String(body.id)} is not in this ${rules.object}`);
		line = { ...found };
	} else if (patch) throw bad(`${field}.id`, 'must not be null');
	if (!missing(body.amount)) {
		if (typeof body.amount !== 'number' || !(body.amount > 0))
			throw bad(`${field}.amount`, 'must be more than 0');
		line.amount = cents(body.amount);
	}
	if (missing(line.amount)) throw bad(`${field}.amount`, 'must not be null');
	for (const key of rules.fields)
		if (!['id', 'amount', 'classifications'].includes(key) && body[key] !== undefined)
			line[key] = body[key];
	const c = checkClassifications(
		`${field}.classifications`,
		body.classifications,
		rules.classifications,
	);
	if (c) line.classifications = { ...((line.classifications as Json) ?? {}), ...c };
	return line;
}

/** The lines sent under `field`, checked: PUT keeps only those, PATCH changes those named. */
export function mergeLines(
	rules: LineRules,
	field: string,
	lines: unknown,
	old: Json[] | undefined,
	patch: boolean,
): Json[] {
	if (!Array.isArray(lines) || !lines.length) throw bad(field, 'must not be empty');
	const checked = lines.map((raw, n) => checkLine(rules, `${field}[${n}]`, raw, old, patch));
	return patch ? (old ?? []).map((line) => checked.find((c) => c.id === line.id) ?? line) : checked;
}
