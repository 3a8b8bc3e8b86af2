import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { loginConsole } from '../nodes/shared/transport/consoleLogin';
import { baseUrlExpression, environmentProperties, sessionProperties } from './common';

/**
 * BILL Accountant Console (https://developer.bill.com/docs/bill-accountant-console-operations):
 * an accounting firm signs in to each client organization with its Console API token. The BILL
 * node names the organization per item (one session per organization, kept with the credential
 * and reused, as the partner credential's); without one, the credential's organization.
 */
export class BillConsoleApi implements ICredentialType {
	name = 'billConsoleApi';

	displayName = 'BILL Accountant Console API';

	icon = { light: 'file:bill.svg', dark: 'file:bill.dark.svg' } as const;

	documentationUrl = 'https://developer.bill.com/docs/bill-accountant-console-operations';

	httpRequestNode = {
		name: 'BILL Accountant Console',
		docsUrl: 'https://developer.bill.com/docs/bill-accountant-console-operations',
		apiBaseUrlPlaceholder: 'https://gateway.stage.bill.com/connect/v3/login/organizations',
	};

	properties: INodeProperties[] = [
		...environmentProperties,
		{
			displayName: 'Console User Email',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@firm.com',
			description: 'The email address the accounting firm user signs in to the Console with',
		},
		{
			displayName: 'Console API Token',
			name: 'consoleApiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Generated in the BILL Accountant Console',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '00802ABCDEFGHIJKLMNO',
			description:
				'A client organization to sign in to by default (and for the Test). The BILL node may name another per item.',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- BILL's keys are secrets
		{
			displayName: 'Developer Key',
			name: 'devKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The developer key BILL sends with every organization-level call',
		},
		...sessionProperties,
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- it holds session IDs
		{
			// Each client organization's session (organizationSessionStore.ts), shared by every
			// execution, process and worker.
			displayName: 'Organization Sessions',
			name: 'organizationSessions',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await loginConsole.call(this, credentials);
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

	/** The organizations the console reaches (a cheap read, and what the node's list shows). */
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression,
			url: '/v3/login/organizations',
			method: 'GET',
			qs: { max: 1 },
		},
	};
}
