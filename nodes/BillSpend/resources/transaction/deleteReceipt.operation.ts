import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { transactionIdField } from './descriptions';

const properties: INodeProperties[] = [
	transactionIdField('The UUID of the card transaction the receipt belongs to'),
	{
		displayName: 'Receipt ID',
		name: 'receiptId',
		type: 'string',
		default: '',
		required: true,
		description: "The receipt's UUID (in the transaction's receipts)",
	},
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
		'Transaction ID',
		this.getNodeParameter('transactionId', itemIndex),
	);
	const receiptId = checkSpendId(
		this,
		itemIndex,
		'Receipt ID',
		this.getNodeParameter('receiptId', itemIndex),
	);
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/transactions/${encodeURIComponent(id)}/receipts/${encodeURIComponent(receiptId)}`,
		itemIndex,
	});
	return { transactionId: id, receiptId, deleted: true };
}
