import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deleteReceipt, receiptLocator } from '../../helpers/receipts';
import { transactionIdField } from './descriptions';

const properties: INodeProperties[] = [
	transactionIdField('The card transaction the receipt belongs to'),
	receiptLocator('transaction', 'searchTransactionReceipts'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['deleteReceipt'] } },
	properties,
);

/** `DELETE /v3/spend/transactions/{transactionId}/receipts/{receiptId}` (Postman "Delete a transaction receipt"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteReceipt(this, itemIndex, {
		parameter: 'transactionId',
		displayName: 'Transaction',
		collection: 'transactions',
	});
}
