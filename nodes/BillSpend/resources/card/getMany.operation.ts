import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/descriptions';
import { returnAllOrLimit } from '../../helpers/fields';
import { idListOption, spendFilters, spendGetMany } from '../../helpers/getMany';

const filters = filtersCollection([
	idListOption(
		'Budget IDs',
		'budgetIds',
		'Comma-separated UUIDs of the budgets the cards spend from',
	),
	idListOption('Card IDs', 'cardIds', 'Comma-separated card UUIDs'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Activated', value: 'ACTIVATED' },
			{ name: 'Any', value: '' },
			{ name: 'Deleted', value: 'DELETED' },
			{ name: 'Frozen', value: 'FROZEN' },
			{ name: 'Not Activated', value: 'NOT_ACTIVATED' },
		],
		default: '',
	},
	{
		displayName: 'Types',
		name: 'types',
		type: 'multiOptions',
		options: [
			{ name: 'Physical', value: 'PHYSICAL' },
			{ name: 'Virtual (Member)', value: 'VIRTUAL_MEMBER' },
			{ name: 'Virtual (Vendor)', value: 'VIRTUAL_VENDOR' },
		],
		default: [],
	},
	idListOption('User IDs', 'userIds', 'Comma-separated UUIDs of the card holders'),
]);

/** BILL's sort fields for cards (https://developer.bill.com/reference/listcards). */
const sort: INodeProperties = {
	displayName: 'Sort By',
	name: 'sort',
	type: 'options',
	options: [
		{ name: 'BILL Default', value: '' },
		{ name: 'Last Four Digits', value: 'lastFour:asc' },
		{ name: 'Name', value: 'name:asc' },
		{ name: 'Status', value: 'status:asc' },
	],
	default: '',
	description: 'The field the cards are sorted by',
};

const properties: INodeProperties[] = [...returnAllOrLimit(), filters, sort];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['getMany'] } },
	properties,
);

/**
 * `GET /v3/spend/cards` (Postman "Get list of cards"), with the filters of
 * https://developer.bill.com/reference/listcards: `budgetIds`, `cardIds`, `userIds`, `types`
 * (eq, in) and `status` (eq); sorted by name, lastFour or status.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs = spendFilters(this, itemIndex, filters, [
		{ kind: 'ids', option: 'cardIds', field: 'cardIds' },
		{ kind: 'ids', option: 'budgetIds', field: 'budgetIds' },
		{ kind: 'ids', option: 'userIds', field: 'userIds' },
		{ kind: 'text', option: 'status', field: 'status' },
		{ kind: 'list', option: 'types', field: 'types' },
	]);
	const sortBy = this.getNodeParameter('sort', itemIndex, '') as string;
	if (sortBy) qs.sort = sortBy;
	return await spendGetMany(this, itemIndex, '/v3/spend/cards', qs);
}
