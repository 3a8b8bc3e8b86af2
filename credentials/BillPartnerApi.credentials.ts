import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { loginPartner } from '../nodes/shared/transport/login';
import {
	environmentProperties,
	baseUrlExpression,
	mfaProperties,
	sessionProperties,
} from './common';

/**
 * Exactly the pair of headers BILL documents for the level of the call, and no other key:
 * - organization scope (after login-as-user): `devKey` + `sessionId`, as every organization-level
 *   call (https://developer.bill.com/docs/bill-keys-tokens; "org-level calls need the returned
 *   sessionId plus a devKey", https://developer.bill.com/changelog/2024-04-22-new-v3-capabilities-for-bill-partners);
 * - partner scope: `appKey` + `sessionId`, as BILL's Postman requests under "partner" and the
 *   partner level of the webhook API (https://developer.bill.com/docs/bill-webhook-api-general-rules),
 *   which decides from these headers whether a subscription is the organization's or the partner's.
 * Whether BILL would also accept a call carrying both keys is not documented, so none is sent.
 */
export function partnerAuthHeaders(
	credentials: ICredentialDataDecryptedObject,
): Record<string, string> {
	const sessionId = String(credentials.sessionId ?? '');
	return credentials.scope === 'organization'
		? { devKey: String(credentials.devKey ?? ''), sessionId }
		: { appKey: String(credentials.appKey ?? ''), sessionId };
}

/**
 * A function, because n8n's declarative (generic) authentication sends every header it lists,
 * an empty value included: with it, an organization-scope call would still carry an empty
 * `appKey`. n8n's credentials helper calls the function for every request.
 */
async function partnerAuthenticate(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		headers: { ...(requestOptions.headers ?? {}), ...partnerAuthHeaders(credentials) },
	};
}

export class BillPartnerApi implements ICredentialType {
	name = 'billPartnerApi';

	displayName = 'BILL Partner API';

	icon = { light: 'file:bill.svg', dark: 'file:bill.dark.svg' } as const;

	documentationUrl = 'https://developer.bill.com/docs/bill-keys-tokens';

	/** As BILL API's: n8n's HTTP Request node may use this credential (partner or log-in-as-user session). */
	// hidden: no "BILL · HTTP request" entry in the nodes panel, where it was listed above the
	// BILL node. n8n hides it by itself for a package installed from npm whose nodes use the
	// credential (n8n-core's PackageDirectoryLoader.inferSupportedNodes), but not for a custom
	// extensions folder; the HTTP Request node still lists the credential under Predefined
	// Credential Type, as it lists every credential with `authenticate`.
	httpRequestNode = {
		name: 'BILL Partner',
		hidden: true,
		docsUrl: 'https://developer.bill.com/docs/whats-different-in-v3',
		apiBaseUrlPlaceholder: 'https://gateway.stage.bill.com/connect/v3/partner/organizations',
	};

	properties: INodeProperties[] = [
		...environmentProperties,
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- BILL's keys are secrets: with a username they open the account
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The partner app key BILL issued to you',
		},
		{
			displayName: 'Partner Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Partner Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			options: [
				{
					name: 'Partner (All Organizations)',
					value: 'partner',
					description:
						'Partner session: webhooks for every organization created with this app key (BILL Trigger)',
				},
				{
					name: 'Organization (Log In as User)',
					value: 'organization',
					description:
						'Log in as a user of one partner organization, for bills, vendors and the rest',
				},
			],
			default: 'organization',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '00802ABCDEFGHIJKLMNO',
			displayOptions: { show: { scope: ['organization'] } },
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '00602ABCDEFGHIJKLMNO',
			description: 'The user of that organization to act as (starts with 006)',
			displayOptions: { show: { scope: ['organization'] } },
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- BILL's keys are secrets: with a username they open the account
		{
			displayName: 'Developer Key',
			name: 'devKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'BILL needs a developer key with the login-as-user session for organization-level calls',
			displayOptions: { show: { scope: ['organization'] } },
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- as above
		{
			displayName: 'Developer Key',
			name: 'devKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Needed to act for organizations named in the BILL node (the log-in-as-user session of each goes with a developer key); not for partner-level calls or the trigger',
			displayOptions: { show: { scope: ['partner'] } },
		},
		// With scope Partner, the MFA ID makes the BILL node's log-in-as-user sessions MFA-trusted.
		...mfaProperties,
		...sessionProperties,
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- it holds session IDs, secrets like sessionId
		{
			// The log-in-as-user session of each organization the BILL node acted for (JSON, by a
			// digest of organization, user and login fields), kept with the credential so that every
			// execution, process and queue-mode worker shares it (organizationSessionStore.ts).
			displayName: 'Organization Sessions',
			name: 'organizationSessions',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await loginPartner.call(this, credentials);
	}

	authenticate: IAuthenticate = partnerAuthenticate;

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression,
			url: "={{$credentials.scope === 'organization' ? '/v3/login/session' : '/v3/partner/organizations'}}",
			method: 'GET',
		},
	};
}
