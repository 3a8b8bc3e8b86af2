import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { reimbursementIdField } from './descriptions';

const properties: INodeProperties[] = [
	reimbursementIdField('The reimbursement the receipt belongs to'),
	{
		displayName: 'Receipt ID',
		name: 'receiptId',
		type: 'string',
		default: '',
		required: true,
		description: "The receipt's UUID (in the reimbursement's receipts)",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['deleteReceipt'] } },
	properties,
);

/** `DELETE /v3/spend/reimbursements/{reimbursementId}/receipts/{receiptId}` (Postman "Delete a reimbursement receipt"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Reimbursement ID',
		this.getNodeParameter('reimbursementId', itemIndex),
	);
	const receiptId = checkSpendId(
		this,
		itemIndex,
		'Receipt ID',
		this.getNodeParameter('receiptId', itemIndex),
	);
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/reimbursements/${encodeURIComponent(id)}/receipts/${encodeURIComponent(receiptId)}`,
		itemIndex,
	});
	return { reimbursementId: id, receiptId, deleted: true };
}
