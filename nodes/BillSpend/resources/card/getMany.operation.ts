import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection } from '../../../Bill/helpers/descriptions';
import { returnAllOrLimit } from '../../helpers/fields';
import { idListOption, spendFilters, spendGetMany } from '../../helpers/getMany';

const filters = filtersCollection([
	idListOption(
		'Budget IDs',
		'budgetIds',
		'Comma-separated UUIDs of the budgets the cards spend from',
	),
	idListOption('Card IDs', 'cardIds', 'Comma-separated card UUIDs'),
	idListOption('User IDs', 'userIds', 'Comma-separated UUIDs of the card holders'),
]);

const properties: INodeProperties[] = [...returnAllOrLimit(), filters];

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
	const qs = spendFilters(this, itemIndex, filters, [
		{ kind: 'ids', option: 'cardIds', field: 'cardIds' },
		{ kind: 'ids', option: 'budgetIds', field: 'budgetId' },
		{ kind: 'ids', option: 'userIds', field: 'userId' },
	]);
	return await spendGetMany(this, itemIndex, '/v3/spend/cards', qs);
}
