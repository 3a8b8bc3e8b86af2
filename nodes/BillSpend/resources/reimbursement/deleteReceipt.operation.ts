import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deleteReceipt, receiptLocator } from '../../helpers/receipts';
import { reimbursementIdField } from './descriptions';

const properties: INodeProperties[] = [
	reimbursementIdField('The reimbursement the receipt belongs to'),
	receiptLocator('reimbursement', 'searchReimbursementReceipts'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['deleteReceipt'] } },
	properties,
);

/** `DELETE /v3/spend/reimbursements/{reimbursementId}/receipts/{receiptId}` (Postman "Delete a reimbursement receipt"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteReceipt(this, itemIndex, {
		parameter: 'reimbursementId',
		displayName: 'Reimbursement',
		collection: 'reimbursements',
	});
}
