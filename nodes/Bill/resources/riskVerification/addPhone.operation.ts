import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { phoneNumberField, riskPhoneBody } from './phone';

const properties: INodeProperties[] = [phoneNumberField];

export const description = updateDisplayOptions(
	{ show: { resource: ['riskVerification'], operation: ['addPhone'] } },
	properties,
);

/** Postman "Add phone for risk verification": the signed-in user's phone; an empty 200. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = riskPhoneBody(this, itemIndex);
	// Adding the same phone again changes nothing: safe to send again.
	await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/risk-verifications/phone',
		body,
		repeatable: true,
		itemIndex,
	});
	return { ...body, added: true };
}
