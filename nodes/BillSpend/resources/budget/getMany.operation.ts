import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildFilters } from '../../../Bill/helpers/filters';
import { pageOptions, returnAllOrLimit } from '../../helpers/fields';
import { checkIdList } from '../../helpers/validation';
import { spendApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Budget IDs',
				name: 'budgetIds',
				type: 'string',
				default: '',
				description: 'Comma-separated budget UUIDs',
			},
			{
				displayName: 'Retired',
				name: 'retired',
				type: 'boolean',
				default: false,
				description: 'Whether to return retired (deleted) budgets (on) or active ones (off)',
			},
		],
	},
	{
		displayName: 'Sort By',
		name: 'sort',
		description: 'The field the budgets are sorted by',
		type: 'options',
		options: [
			{ name: 'BILL Default', value: '' },
			{ name: 'Spent (Most First)', value: 'spent:desc' },
			{ name: 'Name', value: 'name:asc' },
		],
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['getMany'] } },
	properties,
);

/** `GET /v3/spend/budgets` (Postman "Get list of budgets": `filters=budgetIds:eq:…`, `sort=spent:desc`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const budgetIds = f.budgetIds
		? checkIdList(this, itemIndex, 'Filters → Budget IDs', f.budgetIds)
		: [];
	const filters = buildFilters([
		budgetIds.length > 0 && { field: 'budgetIds', op: 'in', value: budgetIds },
		f.retired !== undefined && { field: 'retired', op: 'eq', value: f.retired as boolean },
	]);
	const qs: IDataObject = {};
	if (filters) qs.filters = filters;
	const sort = this.getNodeParameter('sort', itemIndex, '') as string;
	if (sort) qs.sort = sort;
	return await spendApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/spend/budgets', qs, itemIndex },
		pageOptions(this, itemIndex),
	);
}
