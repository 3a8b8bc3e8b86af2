import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest, credentialTypeOf } from '../../../shared/transport';
import {
	actingForOf,
	organizationSessionTrust,
} from '../../../shared/transport/organizationSession';
import { mfaIdOf, storedCredential, trustOf } from './trust';

const properties: INodeProperties[] = [
	{
		displayName:
			'Shows who the credential signs in as, and whether this session is MFA-trusted. With "MFA ID Expires On" set in the credential, it also gives the days left, for a reminder workflow. With a partner credential and an organization named, it describes that organization\'s session.',
		name: 'getDetailsNotice',
		type: 'notice',
		default: '',
	},
];

/** With an organization named, describes that organization's session (else the credential's). */
export const actsFor = 'optional';

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['getDetails'] } },
	properties,
);

/**
 * `GET /v3/login/session` (organization, user, MFA status and bypass, as BILL gives them), plus
 * what that call does not say: whether this session is MFA-trusted, as BILL said it at login,
 * step-up or challenge and kept with the credential's session (trust.ts), the same in every
 * execution and process; and when the credential's MFA ID expires.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const details = await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/login/session',
		itemIndex,
	});
	// Read after the request: it may have logged in, and the credential now holds that session.
	const credentials = await storedCredential(this);
	// Partner credential, organization named: that organization's log-in-as-user session, trusted
	// as BILL said in its answer ("API login as user": `trusted`) or to a later Step Up or
	// Validate Challenge for that organization (stored with its session).
	const acting =
		credentialTypeOf(this) === 'billPartnerApi'
			? await actingForOf(this, '/v3/login/session', itemIndex)
			: undefined;
	if (acting) {
		const trust = await organizationSessionTrust(this, acting);
		return {
			...details,
			mfaTrusted: trust.trusted,
			mfaTrustedBy: trust.by,
			mfaIdInNode: acting.mfa !== undefined,
			...(acting.mfa ? { deviceName: acting.mfa.device } : mfaIdOf(credentials)),
		};
	}
	return { ...details, ...trustOf(credentials), ...mfaIdOf(credentials) };
}
