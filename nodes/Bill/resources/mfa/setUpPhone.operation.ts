import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { checkPhone } from './body';
import { explainSmsLimit } from './hints';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+1 415 555 0123',
		description:
			"The mobile phone that will receive BILL's MFA codes by text message. It becomes the primary MFA phone.",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['mfa'], operation: ['setUpPhone'] } },
	properties,
);

/**
 * `POST /v3/mfa/setup` (Postman "Add phone for MFA setup"). Only text messages (`TEXT`) are documented, and since
 * 2026-04-03 BILL accepts only `primary: true`, so neither is a parameter.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phone = checkPhone(this, itemIndex, this.getNodeParameter('phone', itemIndex, ''));
	let response: IDataObject;
	try {
		// Sends a text message: never repeated blindly (the default for POST).
		response = await billApiRequest.call(this, {
			method: 'POST',
			path: '/v3/mfa/setup',
			body: { phone, type: 'TEXT', primary: true },
			itemIndex,
			uncertainHint:
				'A code may have been texted, but it cannot be used without its Setup ID: run Set Up Phone again and use the newest code.',
		});
	} catch (error) {
		throw explainSmsLimit(error);
	}
	return {
		setupId: response.setupId,
		next: `BILL texted a 6-digit code to the phone ending ${phone.replace(/\D/g, '').slice(-4)}. Run MFA → Validate Phone with this Setup ID and that code.`,
	};
}
