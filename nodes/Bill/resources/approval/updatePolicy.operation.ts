import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { APPROVAL_POLICIES_PATH } from './paths';
import { policyBody, policyFields, policyLocator } from './policy';

const properties: INodeProperties[] = [
	{
		displayName:
			'BILL replaces the whole policy: give its name, every rule and every approver, as they should be.',
		name: 'replaceNotice',
		type: 'notice',
		default: '',
	},
	policyLocator,
	...policyFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['updatePolicy'] } },
	properties,
);

/** The policy ID: BILL's `{organization_id}-{unique_id}` (https://developer.bill.com/reference/updatebillapprovalpolicy), not a 20-character ID. */
export function policyIdOf(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('policyId', itemIndex, '', { extractValue: true });
	const id = typeof value === 'string' ? value.trim() : '';
	if (!id) throw invalid(context, itemIndex, 'Approval Policy', 'is required');
	if (!/^[0-9A-Za-z_-]+$/.test(id))
		throw invalid(
			context,
			itemIndex,
			'Approval Policy',
			`"${id.slice(0, 60)}" is not an approval policy ID`,
			'Approval → Get Many Policies lists them with their IDs.',
		);
	return id;
}

/** `PUT /v3/bill-approvals/policies/{id}` (Postman "Update a bill approval policy"): replaces it; repeatable. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const policyId = policyIdOf(this, itemIndex);
	const body = policyBody(this, itemIndex);
	return await billApiRequest.call(this, {
		method: 'PUT',
		path: `${APPROVAL_POLICIES_PATH}/${encodeURIComponent(policyId)}`,
		body,
		itemIndex,
	});
}
