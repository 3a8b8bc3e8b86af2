// What the editor shows: parameter declarations every resource uses (reading them: getMany.ts).

import type { INodeProperties } from 'n8n-workflow';

import { byNameMode } from '../../shared/byName';

/**
 * The lists whose objects BILL's names identify: their locators also take a name ("By Name",
 * looked up by helpers/names.ts). The example is what the mode's placeholder shows.
 */
const BY_NAME_LISTS: Record<string, string> = {
	searchVendors: 'Acme Supplies',
	searchCustomers: 'Lakeside Music',
	searchClassificationCustomers: 'Lakeside Music',
	searchUsers: 'Jane Smith',
	searchChartOfAccounts: 'Sales - Online',
	searchAccountingClasses: 'Retail',
	searchDepartments: 'Marketing',
	searchEmployees: 'Jane Smith',
	searchItems: 'Consulting',
	searchJobs: 'Office Remodel',
	searchLocations: 'San Jose',
};

/**
 * A resource locator for a BILL object: pick from a searchable list, or give its id. An empty
 * `prefix` is for objects whose id prefix BILL does not document (card accounts, AP cards): any
 * 20 letters and digits.
 */
export function idLocator(options: {
	name: string;
	displayName: string;
	object: string;
	prefix: string;
	searchListMethod?: string;
	description?: string;
	/** In a collection, or not needed: an empty pick means "not given". */
	optional?: boolean;
}): INodeProperties {
	// Where BILL documents no prefix for the object (bank-account users), the ID is checked for shape only.
	const shape = options.prefix
		? {
				regex: `^${options.prefix}[0-9A-Za-z]{17}$`,
				errorMessage: `A BILL ${options.object} ID has 20 characters and starts with ${options.prefix}`,
			}
		: {
				regex: '^[0-9A-Za-z]{20}$',
				errorMessage: `A BILL ${options.object} ID has 20 letters and digits`,
			};
	const locator: INodeProperties = {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: options.searchListMethod ? 'list' : 'id', value: '' },
		required: !options.optional,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod ?? '', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.prefix ? `${options.prefix}02ABCDEFGHIJKLMNO` : 'ABC02DEFGHIJKLMNOPQR',
				validation: [{ type: 'regex', properties: shape }],
			},
		],
		description: options.description ?? `The ${options.object} to use`,
	};
	// "From List" only where the object has a searchable list.
	if (!options.searchListMethod) locator.modes = locator.modes?.filter((m) => m.name !== 'list');
	const example = options.searchListMethod && BY_NAME_LISTS[options.searchListMethod];
	if (example) locator.modes?.push(byNameMode(options.object, example));
	return locator;
}

/** An optional chart of account (a collection's field), picked from the list by number and name. */
export const chartOfAccountLocator = (name: string, displayName: string, description: string) =>
	idLocator({
		name,
		displayName,
		object: 'chart of account',
		prefix: '0ca',
		searchListMethod: 'searchChartOfAccounts',
		optional: true,
		description,
	});

/** An optional sales-tax item (an item of the classification lists, 0ii). */
export const salesTaxItemLocator = (description: string) =>
	idLocator({
		name: 'salesTaxItemId',
		displayName: 'Sales Tax Item',
		object: 'item',
		prefix: '0ii',
		searchListMethod: 'searchItems',
		optional: true,
		description,
	});

export { filtersCollection } from '../../shared/descriptions';

/** "Return All" + "Limit", as every n8n list operation has them. */
export const returnAllOrLimit: INodeProperties[] = [
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

/** A sort selector over a resource's sortable fields (https://developer.bill.com/docs/search-op-with-lists: `field:asc|desc`). */
export function sortField(fields: Array<{ name: string; value: string }>): INodeProperties {
	const firstField = fields[0].value;
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'fixedCollection',
		placeholder: 'Add Sort',
		default: {},
		options: [
			{
				displayName: 'Sort',
				name: 'sortBy',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'options',
						options: fields,
						default: firstField,
					},
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: [
							{ name: 'Ascending', value: 'asc' },
							{ name: 'Descending', value: 'desc' },
						],
						default: 'asc',
					},
				],
			},
		],
	};
}
