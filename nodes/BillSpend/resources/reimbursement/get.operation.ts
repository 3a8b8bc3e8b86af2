import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkSpendId } from '../../helpers/validation';
import { spendApiRequest } from '../../transport';
import { reimbursementIdField } from './descriptions';

const properties: INodeProperties[] = [reimbursementIdField('The reimbursement to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['reimbursement'], operation: ['get'] } },
	properties,
);

/** `GET /v3/spend/reimbursements/{reimbursementId}` (Postman "Get reimbursement details"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = checkSpendId(
		this,
		itemIndex,
		'Reimbursement',
		this.getNodeParameter('reimbursementId', itemIndex),
	);
	return await spendApiRequest.call(this, {
		method: 'GET',
		path: `/v3/spend/reimbursements/${encodeURIComponent(id)}`,
		itemIndex,
	});
}
