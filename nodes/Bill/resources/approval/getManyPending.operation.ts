import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { PENDING_APPROVALS_PATH } from './paths';

const properties: INodeProperties[] = [
	{
		displayName:
			'Lists the bills waiting for the approval of the BILL user of the credential: one item per bill (billId, vendorId, amount, dueDate).',
		name: 'pendingNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['getManyPending'] } },
	properties,
);

/** `GET /v3/bill-approvals/pending-user-approvals` → `{ bills: [...] }`, one item per bill. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const answer = await billApiRequest.call(this, {
		method: 'GET',
		path: PENDING_APPROVALS_PATH,
		itemIndex,
	});
	return Array.isArray(answer.bills) ? (answer.bills as IDataObject[]) : [];
}
