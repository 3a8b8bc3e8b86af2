import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator } from '../../helpers/fields';
import { getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	budgetLocator('The budget to delete'),
	{
		displayName:
			'Deleting a budget through the API is permanent (BILL can undo it only in its web app, within one budget period)',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['delete'] } },
	properties,
);

/** `DELETE /v3/spend/budgets/{budgetId}` (Postman "Delete a budget"; 200, no body). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const budgetId = getSpendId(this, itemIndex, 'budgetId', 'Budget');
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/budgets/${budgetId}`,
		itemIndex,
	});
	return { budgetId: decodeURIComponent(budgetId), deleted: true };
}
