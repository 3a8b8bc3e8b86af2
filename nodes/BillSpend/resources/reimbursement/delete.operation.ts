import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { reimbursementIdField } from './descriptions';

const properties: INodeProperties[] = [reimbursementIdField('The reimbursement to delete')];

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['delete'] } },
	properties,
);

/** `DELETE /v3/spend/reimbursements/{reimbursementId}` (Postman "Delete a reimbursement"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Reimbursement',
		this.getNodeParameter('reimbursementId', itemIndex),
	);
	await spendApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/spend/reimbursements/${encodeURIComponent(id)}`,
		itemIndex,
	});
	return { reimbursementId: id, deleted: true };
}
