import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../helpers/descriptions';
import { billApiRequestAllItems } from '../../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName:
			"With the BILL Accountant Console credential: the client organizations the console can reach (name one per item in the BILL node's Organization field). With another credential: the organizations of its session.",
		name: 'getOrganizationsNotice',
		type: 'notice',
		default: '',
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['getOrganizations'] } },
	properties,
);

/**
 * `GET /v3/login/organizations`: the organizations the current session can reach, 100 a page
 * (https://developer.bill.com/changelog/2025-01-21-new-endpoint-login-organizations).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	return await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/v3/login/organizations', itemIndex },
		{ returnAll, limit },
	);
}
