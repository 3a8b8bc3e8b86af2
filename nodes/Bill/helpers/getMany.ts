// What Get Many operations share: reading their parameters into what billApiRequestAllItems and
// BILL take (page options; BILL's `filters` and `sort` from the filters a Get Many declares,
// ListFilter), and the paged request itself (getManyItems).

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isByName } from '../../shared/byName';
import { billApiRequestAllItems, type PageOptions } from '../../shared/transport';
import { type FilterCondition, buildFilters, oneOrMany, splitList } from './filters';
import { checkDate, checkDateTime, checkId, checkYesNo } from './validation';

/** The value of a resource locator met inside a collection (n8n may or may not have extracted it). */
export function locatorValue(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in value)
		return String((value as IDataObject).value ?? '').trim();
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * Whether a field in a collection was left empty: no value, blank text (a text field, or a
 * workflow saved while the field was one), or a resource locator with nothing picked.
 */
export function notGiven(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (typeof value === 'object' && 'value' in value) return notGiven((value as IDataObject).value);
	return false;
}

/** The "Return All" / "Limit" of an item, as billApiRequestAllItems takes them (it checks the limit). */
export function pageOptions(context: IExecuteFunctions, itemIndex: number): PageOptions {
	const returnAll = context.getNodeParameter('returnAll', itemIndex) as boolean;
	return {
		returnAll,
		limit: returnAll ? undefined : (context.getNodeParameter('limit', itemIndex) as number),
	};
}

export function sortValue(
	sort: { sortBy?: { field?: string; direction?: string } } | undefined,
): string | undefined {
	const by = sort?.sortBy;
	return by?.field ? `${by.field}:${by.direction === 'desc' ? 'desc' : 'asc'}` : undefined;
}

/**
 * How one option of a Get Many's "Filters" collection goes to BILL (https://developer.bill.com/docs/search-op-with-lists):
 * - `text`: a non-empty text → `field:eq:text` (or `sw`, starts with);
 * - `boolean`: set (on or off) → `field:eq:true|false`;
 * - `list`: chosen values (multi-options) or a comma-separated text → one: `eq`, several: `in`
 *   (`op: 'in'` sends `in` for one value too); with `prefix`, each is checked as a BILL id;
 * - `locator`: a resource locator → `field:eq:id`, the id checked;
 * - `dateRange`: two day options → `field:gte:day` and `field:lte:day` (both inclusive);
 * - `timeRange`: two date-time options → `field:gte:time` (inclusive) and `field:lt:time`
 *   (exclusive), in UTC.
 * Filters go to BILL in the order they are listed.
 */
export type ListFilter =
	| { kind: 'text'; option: string; field: string; op?: 'eq' | 'sw' }
	| { kind: 'boolean'; option: string; field: string }
	| {
			kind: 'list';
			option: string;
			field: string;
			prefix?: string;
			upperCase?: boolean;
			op?: 'in';
	  }
	| { kind: 'locator'; option: string; field: string; prefix: string }
	| { kind: 'dateRange'; field: string; from: string; to: string }
	| { kind: 'timeRange'; field: string; after: string; before: string };

/**
 * The created/updated time ranges set in a list's "Filters" collection, each checked and given in
 * UTC as BILL takes it (https://developer.bill.com/docs/search-op-with-lists); "before" is exclusive, "after" inclusive.
 */
export const CREATED_AND_UPDATED: ListFilter[] = [
	{ kind: 'timeRange', field: 'createdTime', after: 'createdAfter', before: 'createdBefore' },
	{ kind: 'timeRange', field: 'updatedTime', after: 'updatedAfter', before: 'updatedBefore' },
];

/** The conditions of one declared filter, each value checked (errors name "Filters → Option"). */
function conditions(
	context: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	filter: ListFilter,
	label: (option: string) => string,
): Array<FilterCondition | undefined> {
	switch (filter.kind) {
		case 'text': {
			const value = values[filter.option];
			return [
				value ? { field: filter.field, op: filter.op ?? 'eq', value: String(value) } : undefined,
			];
		}
		case 'boolean': {
			const value = checkYesNo(context, itemIndex, label(filter.option), values[filter.option]);
			return [value !== undefined ? { field: filter.field, op: 'eq', value } : undefined];
		}
		case 'list': {
			const list = splitList(values[filter.option]).map((value) => {
				if (filter.upperCase) return value.toUpperCase();
				return filter.prefix
					? checkId(context, itemIndex, label(filter.option), value, filter.prefix)
					: value;
			});
			if (!list.length) return [];
			return [
				filter.op === 'in'
					? { field: filter.field, op: 'in', value: list }
					: oneOrMany(filter.field, list),
			];
		}
		case 'locator': {
			const given = values[filter.option];
			const value = locatorValue(given);
			if (!value) return [];
			const id = checkId(
				context,
				itemIndex,
				label(filter.option),
				isByName(given) ? given : value,
				filter.prefix,
			);
			return [{ field: filter.field, op: 'eq', value: id }];
		}
		case 'dateRange': {
			const day = (option: string) =>
				values[option] ? checkDate(context, itemIndex, label(option), values[option]) : undefined;
			const from = day(filter.from);
			const to = day(filter.to);
			return [
				from ? { field: filter.field, op: 'gte', value: from } : undefined,
				to ? { field: filter.field, op: 'lte', value: to } : undefined,
			];
		}
		case 'timeRange': {
			const time = (option: string) =>
				values[option]
					? checkDateTime(context, itemIndex, label(option), values[option])
					: undefined;
			const after = time(filter.after);
			const before = time(filter.before);
			return [
				after ? { field: filter.field, op: 'gte', value: after } : undefined,
				before ? { field: filter.field, op: 'lt', value: before } : undefined,
			];
		}
	}
}

/**
 * BILL's `filters` and `sort` for a Get Many: `filters` from the values of its "Filters"
 * collection (`collection`, whose option names label errors) as `declared` says, `sort` from its
 * "Sort" parameter. Either is left out when empty.
 */
export function listQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	collection: INodeProperties,
	declared: ListFilter[],
): IDataObject {
	const values = context.getNodeParameter(collection.name, itemIndex, {}) as IDataObject;
	const label = (option: string) => {
		const shown = (collection.options as INodeProperties[] | undefined)?.find(
			(o) => o.name === option,
		);
		return `${collection.displayName} → ${shown?.displayName ?? option}`;
	};
	const filters = buildFilters(
		declared.flatMap((filter) => conditions(context, itemIndex, values, filter, label)),
	);
	const qs: IDataObject = {};
	if (filters) qs.filters = filters;
	const sort = sortValue(context.getNodeParameter('sort', itemIndex, {}) as IDataObject);
	if (sort) qs.sort = sort;
	return qs;
}

/**
 * `GET path` with a Get Many's filters and sort (listQuery) and its Return All / Limit, page by
 * page. `qs` holds other query parameters of the list, sent before the filters.
 */
export async function getManyItems(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	collection: INodeProperties,
	declared: ListFilter[],
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	return await billApiRequestAllItems.call(
		context,
		{
			method: 'GET',
			path,
			qs: { ...qs, ...listQuery(context, itemIndex, collection, declared) },
			itemIndex,
		},
		pageOptions(context, itemIndex),
	);
}
