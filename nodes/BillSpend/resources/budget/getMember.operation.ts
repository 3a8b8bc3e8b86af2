import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator, userLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	budgetLocator('The budget'),
	userLocator('The member of the budget'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['getMember'] } },
	properties,
);

/** `GET /v3/spend/budgets/{budgetId}/members/{userId}` (Postman "Get budget member details"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const budgetId = getSpendId(this, itemIndex, 'budgetId', 'Budget');
	const userId = getSpendId(this, itemIndex, 'userId', 'User');
	return await spendApiRequest.call(this, {
		method: 'GET',
		path: `/v3/spend/budgets/${budgetId}/members/${userId}`,
		itemIndex,
	});
}
