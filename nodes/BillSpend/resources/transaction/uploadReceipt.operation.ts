import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { receiptBinaryProperty } from '../../helpers/fields';
import { receiptImage, uploadReceiptImage } from '../../helpers/receipts';
import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { transactionIdField } from './descriptions';

const properties: INodeProperties[] = [
	transactionIdField('The card transaction the receipt belongs to'),
	receiptBinaryProperty('The receipt image to attach: JPG or PNG, as BILL accepts'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['uploadReceipt'] } },
	properties,
);

/**
 * Three calls, as BILL's receipt flow has them (https://developer.bill.com/changelog/2025-04-02-new-endpoints-for-spend-expense-transaction-operations):
 * `POST /v3/spend/transactions/receipt-upload-url` → `{url}`; PUT the image to that URL; then
 * `POST /v3/spend/transactions/{transactionId}/receipts` with `{url}`. Only the last one
 * changes the transaction, and it is not repeated when its answer is lost.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Transaction',
		this.getNodeParameter('transactionId', itemIndex),
	);
	const image = await receiptImage(this, itemIndex);
	const url = await uploadReceiptImage(
		this,
		itemIndex,
		'/v3/spend/transactions/receipt-upload-url',
		image,
	);
	const receipt = await spendApiRequest.call(this, {
		method: 'POST',
		path: `/v3/spend/transactions/${encodeURIComponent(id)}/receipts`,
		body: { url },
		itemIndex,
		uncertainHint:
			'Get the transaction (Transaction → Get) and look at its receipts before attaching it again.',
	});
	return { transactionId: id, fileName: image.fileName, ...receipt };
}
