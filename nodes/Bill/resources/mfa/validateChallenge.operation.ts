import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getString } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { mfaIdExpiryFromToday, sessionNowTrusted } from '../session/trust';
import { checkCode } from './body';
import { codeField } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Challenge ID',
		name: 'challengeId',
		type: 'string',
		default: '',
		required: true,
		description:
			'The Challenge ID that MFA → Send Challenge returned (with the same credential and organization)',
	},
	codeField('validateChallenge', 'after Send Challenge'),
	{
		displayName: 'Remember Me',
		name: 'rememberMe',
		type: 'boolean',
		default: true,
		description:
			'Whether to get an MFA ID: put it in the credential with the same device name, and every login is MFA-trusted for 30 days. Off: only this session becomes trusted.',
	},
	{
		displayName: 'Device Name',
		name: 'deviceName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'n8n-production',
		description:
			'A name for this n8n; the credential must use exactly the same one with the MFA ID',
		displayOptions: { show: { rememberMe: [true] } },
	},
	{
		displayName: 'Machine Name',
		name: 'machineName',
		type: 'string',
		default: 'n8n',
		description: "The machine BILL records the MFA ID for (shown in BILL's security settings)",
		displayOptions: { show: { rememberMe: [true] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['mfa'], operation: ['validateChallenge'] } },
	properties,
);

/**
 * `POST /v3/mfa/challenge/validate` (Postman "Validate MFA challenge"): the session becomes MFA-trusted, and with
 * "Remember Me" BILL returns the MFA ID (`rememberMeId`). The MFA ID is this output's purpose, so
 * it appears here, and only here: never in an error or a log.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const challengeId = getString(this, itemIndex, 'challengeId', 'Challenge ID');
	const token = checkCode(this, itemIndex, this.getNodeParameter('code', itemIndex, ''));
	const rememberMe = this.getNodeParameter('rememberMe', itemIndex, true) === true;
	const body: IDataObject = { challengeId, token, rememberMe };
	let device = '';
	if (rememberMe) {
		device = getString(this, itemIndex, 'deviceName', 'Device Name');
		body.device = device;
		body.machineName = String(this.getNodeParameter('machineName', itemIndex, '') || 'n8n').trim();
	}
	// A used code cannot be validated twice, so a repeat could only fail: POST's default, no repeat.
	const response = await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/mfa/challenge/validate',
		body,
		itemIndex,
	});
	const { forOrganization } = await sessionNowTrusted(this, itemIndex, 'challenge');
	if (!rememberMe) {
		return {
			mfaTrusted: true,
			instruction:
				'This BILL session is MFA-trusted until it ends (35 idle minutes or Log Out). For unattended workflows, run Send Challenge again and validate with "Remember Me" on to get an MFA ID.',
		};
	}
	const expiresOn = mfaIdExpiryFromToday();
	return {
		mfaTrusted: true,
		mfaId: response.rememberMeId,
		deviceName: device,
		mfaIdExpiresOn: expiresOn,
		instruction: forOrganization
			? `This is the MFA ID of the user the node acts as, for this organization only. Give it to this organization's items in "MFA ID of the User", with "${device}" in "MFA Device Name" (exactly the same), e.g. by expression from where you keep it per organization; it is valid until ${expiresOn}. This organization's current session is already MFA-trusted. Keep the MFA ID secret, and delete this execution's data once it is saved.`
			: `Open the BILL credential and paste the MFA ID above into "MFA ID", "${device}" into "Device Name" (exactly the same) and ${expiresOn} into "MFA ID Expires On". Every login is then MFA-trusted until ${expiresOn}. Keep the MFA ID secret, and delete this execution's data once it is saved in the credential.`,
	};
}
