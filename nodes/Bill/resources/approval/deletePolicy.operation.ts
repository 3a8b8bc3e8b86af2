import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { APPROVAL_POLICIES_PATH } from './paths';
import { policyLocator } from './policy';
import { policyIdOf } from './updatePolicy.operation';

const properties: INodeProperties[] = [
	{ ...policyLocator, description: 'The approval policy to delete; BILL deletes it for good' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['deletePolicy'] } },
	properties,
);

/** `DELETE /v3/bill-approvals/policies/{id}` → `{ status: "SUCCESS" }` (Postman "Delete a bill approval policy"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const policyId = policyIdOf(this, itemIndex);
	const answer = await billApiRequest.call(this, {
		method: 'DELETE',
		path: `${APPROVAL_POLICIES_PATH}/${encodeURIComponent(policyId)}`,
		itemIndex,
	});
	return { id: policyId, deleted: true, ...answer };
}
