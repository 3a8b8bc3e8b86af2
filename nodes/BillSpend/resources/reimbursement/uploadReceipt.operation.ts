import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { receiptBinaryProperty } from '../../helpers/fields';
import { receiptImage, uploadReceiptImage } from '../../helpers/receipts';
import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { reimbursementIdField } from './descriptions';

const properties: INodeProperties[] = [
	reimbursementIdField('The reimbursement the receipt belongs to'),
	receiptBinaryProperty('The receipt image to attach: JPG or PNG, as BILL accepts'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['uploadReceipt'] } },
	properties,
);

/**
 * Postman "Create a reimbursement upload URL", PUT the image there, then "Add a reimbursement
 * receipt" (`POST /v3/spend/reimbursements/{reimbursementId}/receipts` with `{url, filename}`),
 * which is not repeated when its answer is lost.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Reimbursement',
		this.getNodeParameter('reimbursementId', itemIndex),
	);
	const image = await receiptImage(this, itemIndex);
	const url = await uploadReceiptImage(
		this,
		itemIndex,
		'/v3/spend/reimbursements/image-upload-url',
		image,
	);
	const receipt = await spendApiRequest.call(this, {
		method: 'POST',
		path: `/v3/spend/reimbursements/${encodeURIComponent(id)}/receipts`,
		body: { url, filename: image.fileName },
		itemIndex,
		uncertainHint:
			'Get the reimbursement (Reimbursement → Get) and look at its receipts before attaching it again.',
	});
	return { reimbursementId: id, ...receipt };
}
