// What Spend's Get Many operations share: an option of their "Filters" collection, BILL's
// `filters` from the values set there (spendFilters), and the list read page by page through
// `nextPage` with the item's Return All / Limit (spendGetMany). The BILL node's counterpart is
// nodes/Bill/helpers/getMany.ts.

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type FilterCondition, buildFilters } from '../../shared/filters';
import { spendApiRequestAllItems } from '../transport';
import { pageOptions } from './fields';
import { checkAmount, checkDateTime, checkIdList, checkYesNo } from './validation';

/**
 * How one option of a Spend Get Many's "Filters" collection goes to BILL
 * (https://developer.bill.com/docs/search-op-with-lists):
 * - `ids`: comma-separated UUIDs, each checked → `field:in:"…"`;
 * - `list`: chosen values (multi-options) → `field:in:"…"`;
 * - `boolean`: set (on or off) → `field:eq:true|false`;
 * - `text`: a non-empty text → `field:eq:text`;
 * - `amount`: a non-zero amount, checked (negative allowed) → `field:op:0.00`;
 * - `time`: a date-time, checked → `field:op:time`.
 * Filters go to BILL, and are checked, in the order they are declared.
 */
export type SpendListFilter =
	| { kind: 'ids' | 'list' | 'boolean' | 'text'; option: string; field: string }
	| { kind: 'amount' | 'time'; option: string; field: string; op: 'gte' | 'lte' };

/** A "Filters" option taking comma-separated UUIDs. */
export const idListOption = (
	displayName: string,
	name: string,
	description: string,
): INodeProperties => ({ displayName, name, type: 'string', default: '', description });

/** The condition of one declared filter, its value checked (errors name "Filters → Option"). */
function condition(
	context: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	filter: SpendListFilter,
	label: string,
): FilterCondition | undefined {
	const value = values[filter.option];
	switch (filter.kind) {
		case 'ids': {
			const ids = value ? checkIdList(context, itemIndex, label, value) : [];
			return ids.length > 0 ? { field: filter.field, op: 'in', value: ids } : undefined;
		}
		case 'list': {
			const list = ((value as string[] | undefined) ?? []).filter(Boolean);
			return list.length > 0 ? { field: filter.field, op: 'in', value: list } : undefined;
		}
		case 'boolean': {
			const yes = checkYesNo(context, itemIndex, label, value);
			return yes !== undefined ? { field: filter.field, op: 'eq', value: yes } : undefined;
		}
		case 'text':
			return value ? { field: filter.field, op: 'eq', value: String(value) } : undefined;
		case 'amount': {
			if (!value) return undefined;
			const amount = checkAmount(context, itemIndex, label, value, { allowNegative: true });
			return { field: filter.field, op: filter.op, value: amount.toFixed(2) };
		}
		case 'time': {
			if (!value) return undefined;
			const time = checkDateTime(context, itemIndex, label, value);
			return { field: filter.field, op: filter.op, value: time };
		}
	}
}

/**
 * `{ filters }` from the values of a Get Many's "Filters" collection (`collection`, whose option
 * names label errors) as `declared` says; `{}` when nothing is set.
 */
export function spendFilters(
	context: IExecuteFunctions,
	itemIndex: number,
	collection: INodeProperties,
	declared: SpendListFilter[],
): IDataObject {
	const values = context.getNodeParameter(collection.name, itemIndex, {}) as IDataObject;
	const options = (collection.options as INodeProperties[] | undefined) ?? [];
	const label = (option: string) =>
		`${collection.displayName} → ${options.find((o) => o.name === option)?.displayName ?? option}`;
	const filters = buildFilters(
		declared.map((filter) => condition(context, itemIndex, values, filter, label(filter.option))),
	);
	return filters ? { filters } : {};
}

/** `{ filters: 'retired:eq:false' }` unless the item's "Include Retired …" is on. */
export function activeOnly(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('includeRetired', itemIndex, false)
		? {}
		: { filters: 'retired:eq:false' };
}

/**
 * A "Filters" option BILL's list does not have, applied by n8n to the entries BILL returns:
 * - `list`: the entry's `field` is one of the values chosen;
 * - `amount`: the entry's `field` is at least (`gte`) or at most (`lte`) the amount given.
 */
export type LocalFilter =
	| { kind: 'list'; option: string; field: string }
	| { kind: 'amount'; option: string; field: string; op: 'gte' | 'lte' };

/** The entries kept by the local filters set in `collection`; undefined when none is set. */
export function keepLocal(
	context: IExecuteFunctions,
	itemIndex: number,
	collection: INodeProperties,
	declared: LocalFilter[],
): ((entry: IDataObject) => boolean) | undefined {
	const values = context.getNodeParameter(collection.name, itemIndex, {}) as IDataObject;
	const options = (collection.options as INodeProperties[] | undefined) ?? [];
	const label = (option: string) =>
		`${collection.displayName} → ${options.find((o) => o.name === option)?.displayName ?? option}`;
	const tests: Array<(entry: IDataObject) => boolean> = [];
	for (const filter of declared) {
		const value = values[filter.option];
		if (filter.kind === 'list') {
			const chosen = ((value as string[] | undefined) ?? []).filter(Boolean).map(String);
			if (chosen.length) tests.push((entry) => chosen.includes(String(entry[filter.field])));
		} else if (value) {
			const amount = checkAmount(context, itemIndex, label(filter.option), value, {
				allowNegative: true,
			});
			const sign = filter.op === 'gte' ? 1 : -1;
			tests.push((entry) => (Number(entry[filter.field]) - amount) * sign >= 0);
		}
	}
	return tests.length ? (entry) => tests.every((t) => t(entry)) : undefined;
}

/**
 * `GET path` with `qs`, page by page through BILL's `nextPage`, as far as Return All / Limit say;
 * with `keep`, only the entries it keeps (a filter applied after BILL answered).
 */
export async function spendGetMany(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject = {},
	pageSize?: number,
	keep?: (entry: IDataObject) => boolean,
): Promise<IDataObject[]> {
	return await spendApiRequestAllItems.call(
		context,
		{ method: 'GET', path, qs, itemIndex },
		{ ...pageOptions(context, itemIndex, pageSize), keep },
	);
}
