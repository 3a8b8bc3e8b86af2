// Parameters both action nodes (BILL and Spend & Expense) show alike.

import type { INodeProperties } from 'n8n-workflow';

/** The "Filters" collection of a Get Many; helpers/getMany.ts reads it as the Get Many declares. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}
