import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { explainSmsLimit } from './hints';

const properties: INodeProperties[] = [
	{
		displayName:
			"BILL texts a 6-digit code to the user's MFA phone. Then run MFA → Validate Challenge with the Challenge ID and the code, with this same credential (and the same organization, for a partner): the challenge belongs to this session.",
		name: 'sendChallengeNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['mfa'], operation: ['sendChallenge'] } },
	properties,
);

/** `POST /v3/mfa/challenge` (Postman "Generate MFA challenge"); `useBackup` may only be false since 2026-04-03. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	let response: IDataObject;
	try {
		// Sends a text message: never repeated blindly (the default for POST).
		response = await billApiRequest.call(this, {
			method: 'POST',
			path: '/v3/mfa/challenge',
			body: { useBackup: false },
			itemIndex,
			uncertainHint:
				'A code may have been texted, but it cannot be used without its Challenge ID: run Send Challenge again and use the newest code.',
		});
	} catch (error) {
		throw explainSmsLimit(error);
	}
	return {
		challengeId: response.challengeId,
		next: 'BILL texted a 6-digit code to the MFA phone. Run MFA → Validate Challenge with this Challenge ID and that code, with "Remember Me" on to get an MFA ID for the credential.',
	};
}
