import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator, returnAllOrLimit } from '../../helpers/fields';
import { activeOnly, spendGetMany } from '../../helpers/getMany';
import { getSpendId } from '../../helpers/validation';

const properties: INodeProperties[] = [
	budgetLocator('The budget whose members to list'),
	...returnAllOrLimit(),
	{
		displayName: 'Include Retired Members',
		name: 'includeRetired',
		type: 'boolean',
		default: false,
		description: 'Whether to include members who were removed or deleted',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['getManyMembers'] } },
	properties,
);

/**
 * `GET /v3/spend/budgets/{budgetId}/members` (Postman "Get list of budget members":
 * `filters=retired:eq:false`, `sort=spent:desc`): owners, members and observers with their spend.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const budgetId = getSpendId(this, itemIndex, 'budgetId', 'Budget');
	const members = await spendGetMany(this, itemIndex, `/v3/spend/budgets/${budgetId}/members`, {
		sort: 'spent:desc',
		...activeOnly(this, itemIndex),
	});
	return members.map((member) => ({ budgetId: decodeURIComponent(budgetId), ...member }));
}
