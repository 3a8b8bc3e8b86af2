// BILL's IDs (type prefix, shape, a name given "By Name") and US routing numbers, checked before anything is sent. Text, dates, amounts, e-mails and JSON are checked in
// nodes/shared/validation.ts (shared with the Spend & Expense node), re-exported here with Yes/No.

import type { IExecuteFunctions } from 'n8n-workflow';

import { isByName, looksLikeName, nameOutcome } from '../../shared/byName';
import { display, idOfName, invalid } from '../../shared/validation';

export {
	checkAmount,
	checkDate,
	checkDateTime,
	checkEmail,
	checkYesNo,
	getAmount,
	getDate,
	getString,
	idOfName,
	invalid,
	parseJson,
} from '../../shared/validation';

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
	// Classifications (https://developer.bill.com/docs/classification-of-bill-generated-ids).
	accountingClass: 'cls',
	department: '0de',
	employee: 'emp',
	item: '0ii',
	job: 'job',
	location: 'loc',
	attachment: 'att',
} as const;

/**
 * What an ID of each prefix is the ID of, as errors say it ("is not a BILL vendor ID"); the
 * classifications' prefixes are those of helpers/classificationKinds.ts.
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
