import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlExpression, environmentProperties } from './common';

/**
 * BILL Spend & Expense: an API token in the `apiToken` header of every call, no login and no
 * session (https://developer.bill.com/docs/authentication-with-api-token). Same hosts as the
 * AP/AR API, paths under /v3/spend.
 */
export class BillSpendApi implements ICredentialType {
	name = 'billSpendApi';

	displayName = 'BILL Spend & Expense API';

	icon = { light: 'file:billSpend.svg', dark: 'file:billSpend.dark.svg' } as const;

	documentationUrl = 'https://developer.bill.com/docs/authentication-with-api-token';

	properties: INodeProperties[] = [
		...environmentProperties,
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Generated in BILL Spend & Expense by a user with the ADMIN role (Settings → API tokens). In the sandbox, BILL sends it after the Sandbox Access Form. The token acts as the user who generated it.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				apiToken: '={{$credentials.apiToken}}',
			},
		},
	};

	/** A cheap read: the user who generated the token (Postman "Get current user details"). */
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression,
			url: '/v3/spend/users/current',
			method: 'GET',
		},
	};
}
