import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { PRODUCTION_TOKEN_URL, SANDBOX_TOKEN_URL } from '../nodes/shared/transport/oauth';
import { oauthPreAuthentication } from '../nodes/shared/transport/oauthLogin';
import { baseUrlExpression, environmentProperties, mfaProperties } from './common';

const MFA_DESCRIPTION =
	'Optional. If BILL asks for an MFA-trusted session to pay under OAuth, each new token is stepped up with this MFA ID (from MFA → Validate Challenge with "Remember Me" on) and its device name.';

/**
 * "the access token is the only credential you need to send"
 * (https://developer.bill.com/reference/createaccesstoken): a function rather than n8n's generic
 * block, so that no other BILL key (devKey, sessionId, apiToken) a request may carry goes along.
 */
async function bearerOnly(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const headers: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(requestOptions.headers ?? {}))
		if (
			!['devkey', 'sessionid', 'apitoken', 'appkey', 'authorization'].includes(name.toLowerCase())
		)
			headers[name] = value;
	headers.Authorization = `Bearer ${String(credentials.accessToken ?? '')}`;
	return { ...requestOptions, headers: headers as IHttpRequestOptions['headers'] };
}

/**
 * BILL OAuth client credentials (https://developer.bill.com/docs/oauth-client-credentials): the
 * sign-in BILL recommends for an organization's own AP, AR and Spend & Expense. One token serves
 * all three, so this one credential serves the BILL and the BILL Spend & Expense nodes. BILL does
 * not support it for partners, the Accountant Console or webhooks.
 */
export class BillOAuthApi implements ICredentialType {
	name = 'billOAuthApi';

	displayName = 'BILL OAuth (Client Credentials) API';

	icon = { light: 'file:bill.svg', dark: 'file:bill.dark.svg' } as const;

	documentationUrl = 'https://developer.bill.com/docs/oauth-client-credentials';

	/** n8n's HTTP Request node may use it: every call carries the shared token, nothing else. */
	httpRequestNode = {
		name: 'BILL (OAuth)',
		docsUrl: 'https://developer.bill.com/docs/oauth-client-credentials',
		apiBaseUrlPlaceholder: 'https://gateway.stage.bill.com/connect/v3/vendors',
	};

	properties: INodeProperties[] = [
		{
			displayName:
				"OAuth works for your organization's own AP, AR and Spend & Expense. BILL does not support it for webhooks (the BILL Trigger), partners or the Accountant Console: use the BILL API, BILL Partner API or BILL Accountant Console API credential there.",
			name: 'oauthNotice',
			type: 'notice',
			default: '',
		},
		...environmentProperties,
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'Of the developer app created in BILL (Settings → Developer apps). The app acts with the permissions of the user who created it.',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown by BILL once, when the developer app is created',
		},
		{
			displayName: 'Scope of the App',
			name: 'appScope',
			type: 'options',
			options: [
				{
					name: 'Full Access',
					value: 'full',
					description: 'Everything, payments and funding accounts included',
				},
				{
					name: 'Accounting Data Access',
					value: 'accounting',
					description:
						'Cannot pay and cannot change funding accounts; the node says so before sending such a request',
				},
			],
			default: 'full',
			description:
				'Chosen when the developer app was created; BILL cannot change it: for the other scope, create a new app',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: SANDBOX_TOKEN_URL,
			description: `Leave empty for the environment's: ${SANDBOX_TOKEN_URL} (sandbox), ${PRODUCTION_TOKEN_URL} (production: BILL does not publish it yet, so check it in BILL's documentation), or /authx/token on the Custom Base URL's host`,
		},
		// MFA ID and device name, as the BILL API credential has them, for the step-up of each token.
		...mfaProperties
			.filter((p) => p.name === 'mfaId' || p.name === 'deviceName')
			.map((p) => (p.name === 'mfaId' ? { ...p, description: MFA_DESCRIPTION } : p)),
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Expires At',
			name: 'expiresAtMs',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Stepped Up',
			name: 'steppedUp',
			type: 'hidden',
			default: false,
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await oauthPreAuthentication.call(this, credentials);
	}

	authenticate: IAuthenticate = bearerOnly;

	/** One cheap read (BILL's Full-access table lists "retrieve API session details"). */
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression,
			url: '/v3/login/session',
			method: 'GET',
		},
	};
}
