import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { getString } from '../../helpers/validation';
import { asNodeError, billApiRequest } from '../../../shared/transport';
import { checkCode } from './body';
import { codeField } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Setup ID',
		name: 'setupId',
		type: 'string',
		default: '',
		required: true,
		description: 'The Setup ID that MFA → Set Up Phone returned',
	},
	codeField('validatePhone', 'to the phone after Set Up Phone'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['mfa'], operation: ['validatePhone'] } },
	properties,
);

/**
 * BILL's Postman collection says `POST /v3/mfa/setup/validate`; its prose says `/v3/mfa/validate`
 * (Postman "Validate phone for MFA setup"; BILL's prose names /v3/mfa/validate). The collection's path first; the other only if BILL answers
 * 404, which means it does not know the path (nothing was validated, so asking again is safe).
 */
const PATHS = ['/v3/mfa/setup/validate', '/v3/mfa/validate'];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const setupId = getString(this, itemIndex, 'setupId', 'Setup ID');
	const token = checkCode(this, itemIndex, this.getNodeParameter('code', itemIndex, ''));
	const body = { setupId, type: 'TEXT', token };
	const send = async (path: string) =>
		await billApiRequest.call(this, { method: 'POST', path, body, itemIndex });
	let response: IDataObject;
	try {
		response = await send(PATHS[0]);
	} catch (error) {
		const unknownPath = error instanceof NodeApiError && error.httpCode === '404';
		if (!unknownPath) throw asNodeError(this.getNode(), error);
		response = await send(PATHS[1]);
	}
	return {
		...response,
		next: 'The phone is registered for MFA. To get an MFA ID for unattended workflows: MFA → Send Challenge, then MFA → Validate Challenge with "Remember Me" on.',
	};
}
