import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '4155550123',
		description: "A mobile phone of the signed-in user (BILL's phone type MOBILE)",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['riskVerification'], operation: ['addPhone'] } },
	properties,
);

/** Postman "Add phone for risk verification": `{phoneNumber, phoneType: "MOBILE"}`, an empty 200. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const raw = this.getNodeParameter('phoneNumber', itemIndex, '');
	const phoneNumber = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!/^\+?[0-9 ()-]{7,20}$/.test(phoneNumber))
		throw invalid(this, itemIndex, 'Phone Number', `"${phoneNumber}" is not a phone number`);
	// Adding the same phone again changes nothing: safe to send again.
	await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/risk-verifications/phone',
		body: { phoneNumber, phoneType: 'MOBILE' },
		repeatable: true,
		itemIndex,
	});
	return { phoneNumber, phoneType: 'MOBILE', added: true };
}
