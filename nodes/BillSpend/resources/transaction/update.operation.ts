import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { budgetLocator } from '../../helpers/fields';
import { checkSpendId, getSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { transactionIdField } from './descriptions';

const properties: INodeProperties[] = [
	transactionIdField('The card transaction to move'),
	budgetLocator('The budget the transaction moves to'),
	{
		displayName:
			'BILL lets an update change only the budget of a transaction. Custom fields and receipts have their own operations.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['update'] } },
	properties,
);

/** `PUT /v3/spend/transactions/{transactionId}` with `{budgetId}` (Postman "Update a transaction"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Transaction',
		this.getNodeParameter('transactionId', itemIndex),
	);
	const budgetId = decodeURIComponent(getSpendId(this, itemIndex, 'budgetId', 'Budget'));
	return await spendApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/spend/transactions/${encodeURIComponent(id)}`,
		body: { budgetId },
		itemIndex,
	});
}
