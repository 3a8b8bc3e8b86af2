import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName:
			'BILL needs an administrator with a phone (Risk Verification → Add Phone) before it starts',
		name: 'riskNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['riskVerification'], operation: ['create'] } },
	properties,
);

/**
 * Postman "Initiate risk verification for an organization". BILL does not say whether a second
 * call starts another check, so a lost answer is not sent again: Get tells whether it started.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/risk-verifications',
		itemIndex,
		uncertainHint: 'Risk Verification → Get shows whether it started.',
	});
}
