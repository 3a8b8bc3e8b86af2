import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { spendLocator } from '../../helpers/fields';
import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { transactionIdField } from './descriptions';

const properties: INodeProperties[] = [
	transactionIdField('The card transaction the receipt belongs to'),
	spendLocator({
		name: 'receiptId',
		displayName: 'Receipt',
		object: 'receipt',
		searchListMethod: 'searchTransactionReceipts',
		description:
			"A receipt of the transaction (by file name), or its UUID (in the transaction's receipts)",
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['deleteReceipt'] } },
	properties,
);

/** `DELETE /v3/spend/transactions/{transactionId}/receipts/{receiptId}` (Postman "Delete a transaction receipt"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Transaction',
		this.getNodeParameter('transactionId', itemIndex),
	);
	const receiptId = checkSpendId(
		this,
		itemIndex,
		'Receipt',
		this.getNodeParameter('receiptId', itemIndex),
	);
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/transactions/${encodeURIComponent(id)}/receipts/${encodeURIComponent(receiptId)}`,
		itemIndex,
	});
	return { transactionId: id, receiptId, deleted: true };
}
