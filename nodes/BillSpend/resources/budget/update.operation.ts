import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator } from '../../helpers/fields';
import { getSpendId, invalid } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { budgetBody } from './body';
import { RECURRING_INTERVALS, budgetLabel, limitField, optionalBudgetFields } from './descriptions';

const properties: INodeProperties[] = [
	budgetLocator('The budget to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{
					displayName: 'Recurring Interval',
					name: 'recurringInterval',
					type: 'options',
					options: RECURRING_INTERVALS,
					default: 'MONTHLY',
				},
				limitField(false),
				...optionalBudgetFields.filter((f) => f.name !== 'recurMonth'),
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['budget'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/spend/budgets/{budgetId}` (Postman "Update a budget", e.g. `{limit}`): the same state when repeated. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const budgetId = getSpendId(this, itemIndex, 'budgetId', 'Budget');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = budgetBody(this, itemIndex, fields, budgetLabel('Update Fields'));
	if (!Object.keys(body).length)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	return await spendApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/spend/budgets/${budgetId}`,
		body,
		itemIndex,
	});
}
