import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { byNameMode } from '../../shared/byName';
import type { SpendPageOptions } from '../transport';

/** The lists whose objects BILL's names identify: their locators also take a name (../names.ts). */
const BY_NAME_LISTS: Record<string, string> = {
	searchBudgets: 'Marketing',
	searchUsers: 'Jane Smith',
};

/** BILL Spend & Expense ids: a `uuid` (sent since 2025-07-09) or the older `id`; paths take both. */
export const SPEND_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9=_-]{0,99}$';

/** A resource locator for a Spend & Expense object: pick from a searchable list, or give its UUID. */
export function spendLocator(options: {
	name: string;
	displayName: string;
	object: string;
	searchListMethod: string;
	description?: string;
	required?: boolean;
}): INodeProperties {
	const example = BY_NAME_LISTS[options.searchListMethod];
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: SPEND_ID_PATTERN,
							errorMessage: `A BILL Spend & Expense ${options.object} ID is its UUID (or its older ID)`,
						},
					},
				],
			},
			...(example ? [byNameMode(options.object, example)] : []),
		],
		description: options.description ?? `The ${options.object} to use`,
	};
}

export const userLocator = (description?: string, name = 'userId', displayName = 'User') =>
	spendLocator({ name, displayName, object: 'user', searchListMethod: 'searchUsers', description });

export const budgetLocator = (description?: string, name = 'budgetId', displayName = 'Budget') =>
	spendLocator({
		name,
		displayName,
		object: 'budget',
		searchListMethod: 'searchBudgets',
		description,
	});

export const cardLocator = (description?: string) =>
	spendLocator({
		name: 'cardId',
		displayName: 'Card',
		object: 'card',
		searchListMethod: 'searchCards',
		description,
	});

export const customFieldLocator = (description?: string) =>
	spendLocator({
		name: 'customFieldId',
		displayName: 'Custom Field',
		object: 'custom field',
		searchListMethod: 'searchCustomFields',
		description,
	});

/** "Return All" + "Limit", as every n8n list operation has them; `max` is BILL's page size. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export function pageOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	pageSize = 100,
): SpendPageOptions {
	const returnAll = context.getNodeParameter('returnAll', itemIndex) as boolean;
	return {
		returnAll,
		limit: returnAll ? undefined : (context.getNodeParameter('limit', itemIndex) as number),
		pageSize,
	};
}

/** A binary property of the input item, for receipts (JPG or PNG). */
export const receiptBinaryProperty = (description: string): INodeProperties => ({
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the input binary field holding the receipt image (JPG or PNG)',
	description,
});
