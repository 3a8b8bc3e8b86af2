// Reading a list operation's parameters into what billApiRequestAllItems and BILL take.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PageOptions } from '../../shared/transport';

/** The value of a resource locator met inside a collection (n8n may or may not have extracted it). */
export function locatorValue(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in value)
		return String((value as IDataObject).value ?? '').trim();
	return typeof value === 'string' ? value.trim() : '';
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
