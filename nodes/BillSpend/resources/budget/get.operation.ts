import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [budgetLocator('The budget to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['get'] } },
	properties,
);

/** `GET /v3/spend/budgets/{budgetId}` (Postman "Get budget details"): with its current period's spend. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const budgetId = getSpendId(this, itemIndex, 'budgetId', 'Budget');
	return await spendApiRequest.call(this, {
		method: 'GET',
		path: `/v3/spend/budgets/${budgetId}`,
		itemIndex,
	});
}
