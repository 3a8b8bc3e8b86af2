import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator, userLocator } from '../../helpers/fields';
import { checkAmount, getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	budgetLocator('The budget'),
	userLocator('The user to add to the budget, or whose limits to change'),
	{
		displayName: 'Member Limit',
		name: 'memberLimit',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		required: true,
		description: "The member's spending limit in the current period (USD)",
	},
	{
		displayName: 'Recurring Limit',
		name: 'recurringLimit',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'The limit each new period starts with (USD); 0 leaves it unset',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['setMember'] } },
	properties,
);

/**
 * `PUT /v3/spend/budgets/{budgetId}/members/{userId}` with `{limit, recurringLimit}` (Postman
 * "Add or update a budget member"): adds the user or changes the limits; the same state when repeated.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const budgetId = getSpendId(this, itemIndex, 'budgetId', 'Budget');
	const userId = getSpendId(this, itemIndex, 'userId', 'User');
	const body: IDataObject = {
		limit: checkAmount(
			this,
			itemIndex,
			'Member Limit',
			this.getNodeParameter('memberLimit', itemIndex),
			{
				allowZero: true,
			},
		),
	};
	const recurring = this.getNodeParameter('recurringLimit', itemIndex, 0);
	if (recurring)
		body.recurringLimit = checkAmount(this, itemIndex, 'Recurring Limit', recurring, {
			allowZero: true,
		});
	const member = await spendApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/spend/budgets/${budgetId}/members/${userId}`,
		body,
		itemIndex,
	});
	return { budgetId: decodeURIComponent(budgetId), ...member };
}
