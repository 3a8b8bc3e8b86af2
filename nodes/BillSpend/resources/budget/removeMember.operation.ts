import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator, userLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	budgetLocator('The budget'),
	userLocator('The member to remove from the budget'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['removeMember'] } },
	properties,
);

/** `DELETE /v3/spend/budgets/{budgetId}/members/{userId}` (Postman "Delete a budget member"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const budgetId = getSpendId(this, itemIndex, 'budgetId', 'Budget');
	const userId = getSpendId(this, itemIndex, 'userId', 'User');
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/budgets/${budgetId}/members/${userId}`,
		itemIndex,
	});
	return {
		budgetId: decodeURIComponent(budgetId),
		userId: decodeURIComponent(userId),
		removed: true,
	};
}
