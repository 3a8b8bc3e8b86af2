import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The two BILL credentials, each shown for its choice of the "Authentication" parameter. */
export const billCredentials: INodeCredentialDescription[] = [
	{ name: 'billApi', required: true, displayOptions: { show: { authentication: ['billApi'] } } },
	{
		name: 'billPartnerApi',
		required: true,
		displayOptions: { show: { authentication: ['billPartnerApi'] } },
	},
];

/** The "Authentication" parameter of the BILL nodes; `partnerLabel` says what the partner choice does there. */
export function authenticationProperty(partnerLabel: string): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'BILL API (Organization)', value: 'billApi' },
			{ name: partnerLabel, value: 'billPartnerApi' },
		],
		default: 'billApi',
	};
}
