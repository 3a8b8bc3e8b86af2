import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isByName, looksLikeName, nameOutcomeOf } from '../../shared/byName';
import { idOfName, invalid } from '../../shared/validation';
import { SPEND_ID_PATTERN } from './fields';

export {
	checkAmount,
	checkDate,
	checkDateTime,
	checkEmail,
	checkYesNo,
	getDate,
	getString,
	invalid,
} from '../../shared/validation';

const SPEND_ID = new RegExp(SPEND_ID_PATTERN);

function display(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * A Spend & Expense id (UUID or older id), given as text, picked with a resource locator, or given
 * "By Name" in the locator `parameterName` (then the ID that name was found to have).
 */
export function checkSpendId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
	parameterName?: string,
): string {
	if (isByName(value))
		return idOfName(context, itemIndex, parameter, value.value, (text) =>
			parameterName ? nameOutcomeOf(context, parameterName, text) : undefined,
		);
	// A resource locator's value, or a plain ID: expressions, and workflows saved while the
	// parameter was a text field (n8n hands those on as they are).
	const raw = value && typeof value === 'object' && 'value' in value ? value.value : value;
	const id = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
	if (!id) throw invalid(context, itemIndex, parameter, 'is required');
	if (!SPEND_ID.test(id)) {
		throw invalid(
			context,
			itemIndex,
			parameter,
			`"${display(raw)}" is not a BILL Spend & Expense ID`,
			looksLikeName(id) && parameterName && /^(user|budget|owner)/i.test(parameterName)
				? 'That looks like a name: use By Name (the mode beside the ID) to look it up by its name, or give its UUID.'
				: 'Use the UUID BILL gives the object (e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6), or pick it from the list.',
		);
	}
	return id;
}

/** The id of a resource-locator (or text) parameter, checked, ready for a path. */
export function getSpendId(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	parameter: string,
): string {
	const given = context.getNodeParameter(name, itemIndex, '');
	const value = isByName(given)
		? given
		: context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return encodeURIComponent(checkSpendId(context, itemIndex, parameter, value, name));
}

/** A whole number within bounds (e.g. a month 1–12), or a refusal naming the parameter. */
export function checkInteger(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
	min: number,
	max: number,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max)
		throw invalid(
			context,
			itemIndex,
			parameter,
			`must be a whole number from ${min} to ${max}, not ${display(value)}`,
		);
	return number;
}

/** Keeps the fields that were set (drops '', undefined, null). */
export function compact(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(([, v]) => v !== '' && v !== undefined && v !== null),
	);
}

/** A list of ids from text ("a, b") or an array, each checked. */
export function checkIdList(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string[] {
	const list = Array.isArray(value)
		? value
		: String(value ?? '')
				.split(/[\s,]+/)
				.filter(Boolean);
	return list.map((v) => checkSpendId(context, itemIndex, parameter, v));
}
