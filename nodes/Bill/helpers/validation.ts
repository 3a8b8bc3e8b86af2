import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isByName, looksLikeName, nameOutcome, type NameOutcome } from '../../shared/byName';

/** BILL ids: 20 characters, a 3-character type prefix (https://developer.bill.com/docs/bill-generated-ids). */
const BILL_ID = /^[0-9A-Za-z]{20}$/;

export const ID_PREFIX = {
	bill: '00n',
	vendor: '009',
	organization: '008',
	user: '006',
	role: '0po',
	chartOfAccount: '0ca',
	bankAccount: 'bac',
	// Not on BILL's id page, https://developer.bill.com/docs/bill-generated-ids (no prefix for bank-account users): `bau` is the emulator's
	// choice, so the node checks these ids for shape only, never for this prefix.
	bankAccountUser: 'bau',
	payment: 'stp',
	vendorCredit: 'vcr',
	document: '0du',
	customer: '0cu',
	invoice: '00e',
	receivablePayment: '0rp',
	customerBankAccount: 'cba',
	creditMemo: 'ccr',
	recurringInvoice: 'rit',
	attachment: 'att',
} as const;

/**
 * What an ID of each prefix is the ID of, as errors say it ("is not a BILL vendor ID"); the
 * classifications' prefixes are those of resources/classification/kinds.ts.
 */
const KIND_OF_PREFIX: Record<string, string> = {
	...Object.fromEntries(
		Object.entries(ID_PREFIX).map(([kind, prefix]) => [
			prefix,
			kind.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`),
		]),
	),
	cls: 'accounting class',
	'0de': 'department',
	emp: 'employee',
	'0ii': 'item',
	job: 'job',
	loc: 'location',
};

/** The prefixes of the objects a locator may give "By Name" (Bill/helpers/names.ts looks them up). */
export const BY_NAME_PREFIXES = new Set([
	ID_PREFIX.vendor,
	ID_PREFIX.customer,
	ID_PREFIX.user,
	ID_PREFIX.chartOfAccount,
	'cls',
	'0de',
	'emp',
	'0ii',
	'job',
	'loc',
]);

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

function display(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
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
 * A BILL id given as text, picked with a resource locator, or given "By Name" (then the ID that
 * name was found to have), checked for shape and prefix.
 */
export function checkId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
	prefix?: string,
): string {
	if (isByName(value))
		return idOfName(context, itemIndex, parameter, value.value, (text) =>
			prefix ? nameOutcome(context, prefix, text) : undefined,
		);
	// A resource locator's value ({ mode, value }), or a plain ID: JSON input, expressions, and
	// workflows saved while the parameter was a text field (n8n hands those on as they are).
	const raw = value && typeof value === 'object' && 'value' in value ? value.value : value;
	const id = typeof raw === 'string' ? raw.trim() : '';
	if (!id) throw invalid(context, itemIndex, parameter, 'is required');
	if (!BILL_ID.test(id) || (prefix && !id.startsWith(prefix))) {
		// What the ID is of: known from its prefix, else the parameter's own name ("Card Account").
		const kind =
			(prefix && KIND_OF_PREFIX[prefix]) ||
			(parameter.split('→').pop() ?? '')
				.trim()
				.toLowerCase()
				.replace(/\s+ids?$/, '');
		const byName = !!prefix && BY_NAME_PREFIXES.has(prefix) && looksLikeName(id);
		throw invalid(
			context,
			itemIndex,
			parameter,
			`"${display(raw)}" is not a BILL ${kind ? `${kind} ID` : 'ID'}`,
			byName
				? `That looks like a name: use By Name (the mode beside the ID) to look the ${kind} up by its name, or give its ID.`
				: prefix
					? `BILL ids are 20 characters; this one must start with ${prefix}.`
					: 'BILL ids are 20 letters and digits.',
		);
	}
	return id;
}

export function getId(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	parameter: string,
	prefix?: string,
): string {
	const given = context.getNodeParameter(name, itemIndex, '');
	const value = isByName(given)
		? given
		: context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return checkId(context, itemIndex, parameter, value, prefix);
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

/**
 * A US bank routing number (ABA routing transit number): 9 digits whose checksum
 * 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10, with a first pair of digits the
 * Federal Reserve assigns (00–12, 21–32, 61–72, 80). Spaces are dropped; anything else is refused
 * with the parameter and the item named, before any request. Routing numbers are public bank
 * identifiers, so the value may be shown in the error.
 */
export function checkRoutingNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string {
	const text =
		typeof value === 'number'
			? String(value).padStart(9, '0')
			: typeof value === 'string'
				? value.replace(/\s+/g, '')
				: '';
	if (!text) throw invalid(context, itemIndex, parameter, 'is required');
	const hint =
		"A US routing number has 9 digits, e.g. 074000010; it is printed on the account's checks, or ask the bank.";
	if (!/^\d{9}$/.test(text))
		throw invalid(context, itemIndex, parameter, `"${display(value)}" is not 9 digits`, hint);
	const d = [...text].map(Number);
	const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
	const prefix = d[0] * 10 + d[1];
	const knownPrefix =
		prefix <= 12 ||
		(prefix >= 21 && prefix <= 32) ||
		(prefix >= 61 && prefix <= 72) ||
		prefix === 80;
	if (sum % 10 !== 0 || !knownPrefix || /^0+$/.test(text)) {
		throw invalid(
			context,
			itemIndex,
			parameter,
			`"${text}" is not a valid ABA routing number (wrong check digit or first two digits)`,
			hint,
		);
	}
	return text;
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
