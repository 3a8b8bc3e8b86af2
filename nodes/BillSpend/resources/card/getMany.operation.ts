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
				description: 'Comma-separated UUIDs of the budgets the cards spend from',
			},
			{
				displayName: 'Card IDs',
				name: 'cardIds',
				type: 'string',
				default: '',
				description: 'Comma-separated card UUIDs',
			},
			{
				displayName: 'User IDs',
				name: 'userIds',
				type: 'string',
				default: '',
				description: 'Comma-separated UUIDs of the card holders',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['card'], operation: ['getMany'] } },
	properties,
);

/**
 * `GET /v3/spend/cards` (Postman "Get list of cards": `filters=cardIds:eq:…`, `sort=status`).
 * Open question: BILL documents only `cardIds` for cards; budget and user are sent as
 * `budgetId:in:` and `userId:in:` like the transaction list's filters.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const ids = (key: string, label: string) =>
		f[key] ? checkIdList(this, itemIndex, `Filters → ${label}`, f[key]) : [];
	const cardIds = ids('cardIds', 'Card IDs');
	const budgetIds = ids('budgetIds', 'Budget IDs');
	const userIds = ids('userIds', 'User IDs');
	const filters = buildFilters([
		cardIds.length > 0 && { field: 'cardIds', op: 'in', value: cardIds },
		budgetIds.length > 0 && { field: 'budgetId', op: 'in', value: budgetIds },
		userIds.length > 0 && { field: 'userId', op: 'in', value: userIds },
	]);
	const qs: IDataObject = {};
	if (filters) qs.filters = filters;
	return await spendApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/spend/cards', qs, itemIndex },
		pageOptions(this, itemIndex),
	);
}
