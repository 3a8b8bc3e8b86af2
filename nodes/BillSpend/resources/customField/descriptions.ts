import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';

export const valuesField = (description: string, required: boolean): INodeProperties => ({
	displayName: 'Values',
	name: 'values',
	type: 'string',
	typeOptions: { multipleValues: true },
	default: [],
	required,
	placeholder: 'Travel',
	description,
});

/** The values given (a list, or text with one value a line), trimmed; empty ones dropped. */
export function valueList(
	context: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	{ required }: { required: boolean },
): string[] {
	const list = (Array.isArray(raw) ? raw : String(raw ?? '').split(/\r?\n/))
		.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''))
		.filter(Boolean);
	if (required && !list.length)
		throw invalid(context, itemIndex, 'Values', 'add at least one value');
	const long = list.find((v) => v.length > 255);
	if (long)
		throw invalid(
			context,
			itemIndex,
			'Values',
			`"${long.slice(0, 40)}…" is longer than 255 characters`,
		);
	return [...new Set(list)];
}

export const optionalCustomFieldFields: INodeProperties[] = [
	{
		displayName: 'Allow Custom Values',
		name: 'allowCustomValues',
		type: 'boolean',
		default: false,
		description: 'Whether people may type a value of their own instead of picking one',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Global',
		name: 'global',
		type: 'boolean',
		default: true,
		description: 'Whether the field applies to all budgets',
	},
];
