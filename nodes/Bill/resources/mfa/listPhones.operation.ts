import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['mfa'], operation: ['listPhones'] } },
	properties,
);

/** `GET /v3/mfa/phones`: one item per phone, `{ type, last4digits, primary }` (Postman "Get list of MFA phone numbers"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/mfa/phones',
		itemIndex,
	});
	return Array.isArray(response.results) ? (response.results as IDataObject[]) : [];
}
