import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { APPROVAL_POLICIES_PATH } from './paths';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['getManyPolicies'] } },
	properties,
);

/** `GET /v3/bill-approvals/policies`: BILL answers with a plain array; one item per policy. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const answer = (await billApiRequest.call(this, {
		method: 'GET',
		path: APPROVAL_POLICIES_PATH,
		itemIndex,
	})) as unknown;
	return Array.isArray(answer) ? (answer as IDataObject[]) : [];
}
