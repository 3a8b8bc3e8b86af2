import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/descriptions';
import { returnAllOrLimit } from '../../helpers/fields';
import { idListOption, spendFilters, spendGetMany } from '../../helpers/getMany';

const filters = filtersCollection([
	idListOption('Budget IDs', 'budgetIds', 'Comma-separated budget UUIDs'),
	{
		displayName: 'Retired',
		name: 'retired',
		type: 'boolean',
		default: false,
		description: 'Whether to return retired (deleted) budgets (on) or active ones (off)',
	},
]);

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filters,
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
	const qs = spendFilters(this, itemIndex, filters, [
		{ kind: 'ids', option: 'budgetIds', field: 'budgetIds' },
		{ kind: 'boolean', option: 'retired', field: 'retired' },
	]);
	const sort = this.getNodeParameter('sort', itemIndex, '') as string;
	if (sort) qs.sort = sort;
	return await spendGetMany(this, itemIndex, '/v3/spend/budgets', qs);
}
