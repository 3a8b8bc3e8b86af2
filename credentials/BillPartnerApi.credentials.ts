import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { loginPartner } from '../nodes/shared/transport/login';
import {
	environmentProperties,
	baseUrlExpression,
	mfaProperties,
	sessionProperties,
} from './common';

export class BillPartnerApi implements ICredentialType {
	name = 'billPartnerApi';

	displayName = 'BILL Partner API';

	icon = { light: 'file:bill.svg', dark: 'file:bill.dark.svg' } as const;

	documentationUrl = 'https://developer.bill.com/docs/bill-keys-tokens';

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
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await loginPartner.call(this, credentials);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				appKey: '={{$credentials.appKey}}',
				devKey: "={{$credentials.scope === 'organization' ? $credentials.devKey : undefined}}",
				sessionId: '={{$credentials.sessionId}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression,
			url: "={{$credentials.scope === 'organization' ? '/v3/login/session' : '/v3/partner/organizations'}}",
			method: 'GET',
		},
	};
}
