import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { loginOrganization } from '../nodes/shared/transport/login';
import {
	environmentProperties,
	baseUrlExpression,
	mfaProperties,
	sessionProperties,
} from './common';

export class BillApi implements ICredentialType {
	name = 'billApi';

	displayName = 'BILL API';

	icon = { light: 'file:bill.svg', dark: 'file:bill.dark.svg' } as const;

	documentationUrl = 'https://developer.bill.com/docs/bill-keys-tokens';

	/**
	 * n8n's HTTP Request node may use this credential (Predefined Credential Type → BILL API):
	 * every call then logs in through preAuthentication, carries devKey + sessionId, and shares
	 * the session with the BILL node. The URL is the full address: sandbox, production or the
	 * credential's Custom Base URL, followed by /v3/... .
	 */
	// hidden: no "BILL · HTTP request" entry in the nodes panel, where it was listed above the
	// BILL node. n8n hides it by itself for a package installed from npm whose nodes use the
	// credential (n8n-core's PackageDirectoryLoader.inferSupportedNodes), but not for a custom
	// extensions folder; the HTTP Request node still lists the credential under Predefined
	// Credential Type, as it lists every credential with `authenticate`.
	httpRequestNode = {
		name: 'BILL',
		hidden: true,
		docsUrl: 'https://developer.bill.com/docs/whats-different-in-v3',
		apiBaseUrlPlaceholder: 'https://gateway.stage.bill.com/connect/v3/bills',
	};

	properties: INodeProperties[] = [
		...environmentProperties,
		{
			displayName: 'Sign In With',
			name: 'signInWith',
			type: 'options',
			options: [
				{
					name: 'User and Password',
					value: 'password',
					description: 'A BILL user: everything the user may do, payments with an MFA ID',
				},
				{
					name: 'Sync Token',
					value: 'syncToken',
					description:
						'A token made for syncing (Settings → Sync & Integrations → Tokens): reads and writes data, no payments and no MFA; its session lasts 48 hours of inactivity',
				},
			],
			default: 'password',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@company.com',
			description: 'The email address you sign in to BILL with',
			displayOptions: { show: { signInWith: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { signInWith: ['password'] } },
		},
		// A sync token signs in as a user would: its name is the username, the token the password
		// (https://developer.bill.com/docs/token-based-sign-in).
		{
			displayName: 'Token Name',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The name given to the sync token in BILL; BILL takes it as the username',
			displayOptions: { show: { signInWith: ['syncToken'] } },
		},
		{
			displayName: 'Token',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The sync token BILL generated (shown once); BILL takes it as the password. No payments and no MFA with it.',
			displayOptions: { show: { signInWith: ['syncToken'] } },
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '00802ABCDEFGHIJKLMNO',
			description:
				'Starts with 008. In BILL: Settings → Sync & Integrations → Manage Developer Keys shows it next to your key.',
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
				'Generated in BILL under Settings → Sync & Integrations → Manage Developer Keys. Sandbox keys work only in the sandbox.',
		},
		...mfaProperties,
		...sessionProperties,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await loginOrganization.call(this, credentials);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				devKey: '={{$credentials.devKey}}',
				sessionId: '={{$credentials.sessionId}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression,
			url: '/v3/login/session',
			method: 'GET',
		},
	};
}
