import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { getString } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { sessionNowTrusted } from './trust';

const properties: INodeProperties[] = [
	{
		displayName:
			'Usually not needed: with the MFA ID and device name in the credential, every login is already trusted. Step Up makes the current session trusted when the credential has no MFA ID.',
		name: 'stepUpNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'MFA ID',
		name: 'mfaId',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description:
			'The MFA ID (rememberMeId) from MFA → Validate Challenge with "Remember Me" on. It is a secret: never shown in errors or output.',
	},
	{
		displayName: 'Device Name',
		name: 'deviceName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'n8n-production',
		description: 'Exactly the device name used when the MFA ID was obtained',
	},
];

/** With an organization named, trusts that organization's session (else the credential's). */
export const actsFor = 'optional';

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['stepUp'] } },
	properties,
);

const REFUSED_HINT =
	'BILL refused this MFA ID for this user and device name: it has expired (MFA IDs last 30 days), or the device name is not exactly the one used when it was obtained. Get a new one: MFA → Send Challenge, then MFA → Validate Challenge with "Remember Me" on.';

/** The shared hint for BDC_1356 speaks of the credential's MFA ID; here it is a parameter. */
function refusalExplained(error: unknown): unknown {
	if (error instanceof NodeApiError && error.context.billCode === 'BDC_1356')
		error.description = REFUSED_HINT;
	return error;
}

/** `POST /v3/mfa/step-up`: makes the current session MFA-trusted (Postman "MFA step-up for API session"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const rememberMeId = getString(this, itemIndex, 'mfaId', 'MFA ID');
	const device = getString(this, itemIndex, 'deviceName', 'Device Name');
	let response: IDataObject;
	try {
		response = await billApiRequest.call(this, {
			method: 'POST',
			path: '/v3/mfa/step-up',
			body: { rememberMeId, device },
			// Marking a session trusted twice leaves it trusted: safe to send again.
			repeatable: true,
			itemIndex,
		});
	} catch (error) {
		throw refusalExplained(error);
	}
	const trusted = response.trusted === true;
	if (trusted) await sessionNowTrusted(this, itemIndex, 'stepUp');
	return { trusted };
}
