import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['riskVerification'], operation: ['getPhone'] } },
	properties,
);

/** Postman "Get phone status for risk verification": `{hasPhone}`: BILL starts a verification only for a user with a phone. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/risk-verifications/phone',
		itemIndex,
	});
}
