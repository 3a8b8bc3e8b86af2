import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator, pageOptions, returnAllOrLimit } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequestAllItems } from '../../transport';

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
	const qs: IDataObject = { sort: 'spent:desc' };
	if (!this.getNodeParameter('includeRetired', itemIndex, false)) qs.filters = 'retired:eq:false';
	const members = await spendApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/v3/spend/budgets/${budgetId}/members`, qs, itemIndex },
		pageOptions(this, itemIndex),
	);
	return members.map((member) => ({ budgetId: decodeURIComponent(budgetId), ...member }));
}
