/**
 * BILL list filters: `field:op:value[,field:op:value…]` (https://developer.bill.com/docs/search-op-with-lists). Values with
 * characters that would break the syntax are quoted; `in`/`nin` take a quoted comma list.
 */
export type FilterOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'sw';

export interface FilterCondition {
	field: string;
	op: FilterOperator;
	value: string | number | boolean | Array<string | number>;
}

function quote(value: string): string {
	return /^[A-Za-z0-9_.@-]*$/.test(value) && value !== ''
		? value
		: `"${value.replace(/"/g, '\\"')}"`;
}

const isEmpty = (value: unknown) =>
	value === null ||
	value === undefined ||
	(typeof value === 'string' && value.trim() === '') ||
	(Array.isArray(value) && value.length === 0);

export function buildFilters(
	conditions: Array<FilterCondition | undefined | false>,
): string | undefined {
	const parts = conditions
		// A value that says nothing never goes out (`archived:eq:null`, `archived:eq:""`).
		.filter((c): c is FilterCondition => !!c && !isEmpty(c.value))
		.map(({ field, op, value }) => {
			const text = Array.isArray(value) ? `"${value.map(String).join(',')}"` : quote(String(value));
			return `${field}:${op}:${text}`;
		});
	return parts.length ? parts.join(',') : undefined;
}

/** `field` equal to the one value, or in the list of several (BILL's `eq` and `in`). */
export function oneOrMany(field: string, values: Array<string | number>): FilterCondition {
	return values.length === 1
		? { field, op: 'eq', value: values[0] }
		: { field, op: 'in', value: values };
}

/** Splits "a, b\nc" into ["a","b","c"]; used for "ID in list" style filters. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	return String(value ?? '')
		.split(/[\s,]+/)
		.map((v) => v.trim())
		.filter(Boolean);
}
