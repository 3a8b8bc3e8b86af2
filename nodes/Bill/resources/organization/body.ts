// What goes to BILL: an organization's fields, each checked (names the parameter and the item).

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { ORGANIZATION_CHOICES, organizationOptionalFields } from './descriptions';

const LABELS: Record<string, string> = {
	address: 'Address',
	name: 'Name',
	phone: 'Phone',
	...Object.fromEntries(organizationOptionalFields.map((f) => [f.name, f.displayName])),
};

/** A text field as BILL takes it: text (or a number), trimmed; empty means "not given". */
export function text(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
	max = 500,
): string {
	if (typeof value !== 'string' && typeof value !== 'number')
		throw invalid(context, itemIndex, parameter, `must be text, not ${JSON.stringify(value)}`);
	const out = String(value).trim();
	if (out.length > max)
		throw invalid(context, itemIndex, parameter, `is longer than ${max} characters`);
	return out;
}

/** An address collection: its non-empty parts, each text. */
export function addressBody(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): IDataObject {
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw invalid(context, itemIndex, label, 'must be a set of address fields');
	const address: IDataObject = {};
	for (const [part, v] of Object.entries(value as IDataObject)) {
		const t = text(context, itemIndex, `${label} → ${part}`, v, 200);
		if (t) address[part] = t;
	}
	return address;
}

/** Fields of a collection (`prefix` names it in errors): the non-empty ones, choices checked. */
export function organizationFields(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	prefix: string,
	keys: string[] = Object.keys(fields),
): IDataObject {
	const body: IDataObject = {};
	for (const key of keys) {
		if (fields[key] === undefined) continue;
		const label = `${prefix}${LABELS[key] ?? key}`;
		if (key === 'address') {
			const address = addressBody(context, itemIndex, label, fields[key]);
			if (Object.keys(address).length) body.address = address;
			continue;
		}
		const t = text(context, itemIndex, label, fields[key]);
		if (!t) continue;
		const choices = ORGANIZATION_CHOICES[key];
		if (choices && !choices.includes(t))
			throw invalid(context, itemIndex, label, `must be one of ${choices.join(', ')}`);
		body[key] = t;
	}
	return body;
}
