// Checks of the values a node's parameters give, before anything is sent: text, dates, amounts,
// e-mail addresses, JSON, date-times, Yes/No and names given "By Name" (shared by the BILL and the Spend & Expense nodes). Each
// error names the parameter, the item and the value. BILL IDs: nodes/Bill/helpers/validation.ts.

import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NameOutcome } from './byName';

export function invalid(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	problem: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${parameter}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: hint,
	});
}

/** A value as an error shows it: text as it is, anything else as JSON; at most 60 characters. */
export function display(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function getString(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	parameter: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '');
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalid(context, itemIndex, parameter, `must be text, not ${display(value)}`);
	}
	const text = String(value).trim();
	if (!text) throw invalid(context, itemIndex, parameter, 'is required');
	return text;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as BILL wants it, `yyyy-MM-dd` (https://developer.bill.com/docs/filterable-fields). Accepts a date, an ISO
 * date-time (its date part) or a Luxon/JS date from an expression; refuses anything else.
 */
export function checkDate(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string {
	let text: string | undefined;
	if (value instanceof Date && !Number.isNaN(value.getTime()))
		text = value.toISOString().slice(0, 10);
	else if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISODate?: unknown }).toISODate === 'function'
	) {
		text = (value as { toISODate: () => string }).toISODate();
	} else if (typeof value === 'string') text = value.trim().slice(0, 10);
	const match = text ? DATE.exec(text) : null;
	if (match && (typeof value !== 'string' || /^\d{4}-\d{2}-\d{2}($|T)/.test(value.trim()))) {
		const [, y, m, d] = match.map(Number);
		const date = new Date(Date.UTC(y, m - 1, d));
		if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d)
			return text as string;
	}
	if (value === '' || value === undefined || value === null)
		throw invalid(context, itemIndex, parameter, 'is required');
	throw invalid(
		context,
		itemIndex,
		parameter,
		`"${display(value)}" is not a date`,
		'Use the form YYYY-MM-DD, e.g. 2026-12-31.',
	);
}

export function getDate(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	parameter: string,
): string {
	return checkDate(context, itemIndex, parameter, context.getNodeParameter(name, itemIndex, ''));
}

/** A money amount: a finite number (or numeric text) with at most 2 decimals. */
export function checkAmount(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
	{ allowZero = false, allowNegative = false } = {},
): number {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value.trim())
				: NaN;
	if (!Number.isFinite(number)) {
		throw invalid(context, itemIndex, parameter, `"${display(value)}" is not a number`);
	}
	if (!allowNegative && number < 0)
		throw invalid(context, itemIndex, parameter, 'must not be negative');
	if (!allowZero && number === 0)
		throw invalid(context, itemIndex, parameter, 'must be more than 0');
	if (Math.abs(number) > 1e12) throw invalid(context, itemIndex, parameter, 'is too large');
	return Math.round(number * 100) / 100 === number ? number : Number(number.toFixed(2));
}

export function getAmount(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	parameter: string,
): number {
	return checkAmount(context, itemIndex, parameter, context.getNodeParameter(name, itemIndex, 0));
}

/** Parses a JSON parameter that may arrive as text or as an already-parsed value. */
export function parseJson(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch (error) {
		throw invalid(context, itemIndex, parameter, `is not valid JSON (${(error as Error).message})`);
	}
}

export function checkEmail(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: string,
): string {
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
		throw invalid(context, itemIndex, parameter, `"${display(value)}" is not an email address`);
	return value;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date-time filter value as BILL takes it (https://developer.bill.com/docs/search-op-with-lists), in UTC: 2026-12-31T00:00:00.000Z.
 * Accepts an ISO date or date-time (as n8n's date picker gives it) or a Luxon/JS date from an
 * expression; anything else is refused with the parameter and the item named.
 */
export function checkDateTime(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string {
	let date: Date | undefined;
	if (value instanceof Date) date = value;
	else if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toJSDate?: unknown }).toJSDate === 'function'
	) {
		date = (value as { toJSDate: () => Date }).toJSDate();
	} else if (typeof value === 'string' && DATE_TIME.test(value.trim()))
		date = new Date(value.trim());
	if (!date || Number.isNaN(date.getTime())) {
		const shown =
			typeof value === 'string' ? value.slice(0, 60) : JSON.stringify(value)?.slice(0, 60);
		throw invalid(
			context,
			itemIndex,
			parameter,
			`"${shown}" is not a date and time`,
			'Use ISO 8601, e.g. 2026-12-31 or 2026-12-31T08:00:00Z.',
		);
	}
	return date.toISOString();
}

/**
 * The ID a name given "By Name" came to (looked up before the item ran; `outcomeOf` reads what
 * it came to), or a refusal naming the parameter, the item and the name.
 */
export function idOfName(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	name: unknown,
	outcomeOf: (text: string) => NameOutcome | undefined,
): string {
	const text = typeof name === 'string' ? name.trim() : '';
	if (!text) throw invalid(context, itemIndex, parameter, 'is required');
	const outcome = outcomeOf(text);
	if (!outcome)
		throw invalid(
			context,
			itemIndex,
			parameter,
			`the name "${display(text)}" could not be looked up here`,
			'Pick it from the list, or give its ID.',
		);
	if ('id' in outcome) return outcome.id;
	throw invalid(
		context,
		itemIndex,
		parameter,
		outcome.count === 0
			? `no active ${outcome.kind} is named "${display(text)}"`
			: `${outcome.count} active ${outcome.kind}s are named "${display(text)}"`,
		outcome.count === 0
			? `Check the spelling against BILL, or pick the ${outcome.kind} from the list.`
			: `Pick the ${outcome.kind} from the list, or give its ID.`,
	);
}

/**
 * A Yes/No parameter, which an expression may set to anything: `true`/`false` (also as text,
 * "yes"/"no", 1/0) is the answer; nothing (`null`, `undefined`, "") is no answer, so the filter is
 * not sent; anything else is an error naming the parameter, the item and the value.
 */
export function checkYesNo(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (text === '') return undefined;
	if (['true', 'yes', '1'].includes(text)) return true;
	if (['false', 'no', '0'].includes(text)) return false;
	throw invalid(
		context,
		itemIndex,
		parameter,
		`"${display(value)}" is not Yes or No (true or false)`,
	);
}
