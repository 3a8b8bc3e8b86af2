// The phone BILL needs on a user before a risk verification (organization and partner level).

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';

export const phoneNumberField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: '4155550123',
	description: "The user's mobile phone (BILL's phone type MOBILE)",
};

/** `{phoneNumber, phoneType: "MOBILE"}` (Postman "Add phone for risk verification"), checked. */
export function riskPhoneBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter('phoneNumber', itemIndex, '');
	const phoneNumber = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!/^\+?[0-9 ()-]{7,20}$/.test(phoneNumber))
		throw invalid(context, itemIndex, 'Phone Number', `"${phoneNumber}" is not a phone number`);
	return { phoneNumber, phoneType: 'MOBILE' };
}
