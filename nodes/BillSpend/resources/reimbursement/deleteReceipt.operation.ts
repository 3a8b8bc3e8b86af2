import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { spendLocator } from '../../helpers/fields';
import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { reimbursementIdField } from './descriptions';

const properties: INodeProperties[] = [
	reimbursementIdField('The reimbursement the receipt belongs to'),
	spendLocator({
		name: 'receiptId',
		displayName: 'Receipt',
		object: 'receipt',
		searchListMethod: 'searchReimbursementReceipts',
		description:
			"A receipt of the reimbursement (by file name), or its UUID (in the reimbursement's receipts)",
	}),
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
		'Reimbursement',
		this.getNodeParameter('reimbursementId', itemIndex),
	);
	const receiptId = checkSpendId(
		this,
		itemIndex,
		'Receipt',
		this.getNodeParameter('receiptId', itemIndex),
	);
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/reimbursements/${encodeURIComponent(id)}/receipts/${encodeURIComponent(receiptId)}`,
		itemIndex,
	});
	return { reimbursementId: id, receiptId, deleted: true };
}
