import type { INodeProperties } from 'n8n-workflow';

/** Environment choice shared by both BILL credentials (REFERENCE.md §1). */
export const environmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Sandbox', value: 'sandbox', description: 'https://gateway.stage.bill.com/connect' },
			{ name: 'Production', value: 'production', description: 'https://gateway.prod.bill.com/connect' },
			{ name: 'Custom Base URL', value: 'custom', description: 'For example the BILL emulator on localhost' },
		],
		default: 'sandbox',
	},
	{
		displayName: 'Custom Base URL',
		name: 'customBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'https://bill-proxy.example.com/connect',
		description:
			'Replaces https://gateway.stage.bill.com/connect. Must be HTTPS, except on localhost. Webhooks use the same URL with /connect-events in place of /connect.',
		displayOptions: { show: { environment: ['custom'] } },
	},
];

/** n8n expression giving the API base URL of the credential, for the "Test" request. */
export const baseUrlExpression =
	"={{ $credentials.environment === 'custom' ? String($credentials.customBaseUrl).trim().replace(/\\/+$/, '') : ($credentials.environment === 'production' ? 'https://gateway.prod.bill.com/connect' : 'https://gateway.stage.bill.com/connect') }}";

/** MFA ID + device: with both set, every login is MFA-trusted (REFERENCE.md §2.2, §3). */
export const mfaProperties: INodeProperties[] = [
	{
		displayName: 'MFA ID',
		name: 'mfaId',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Optional. The MFA ID (rememberMeId) from MFA → Validate Challenge with "Remember Me" on. With it, every login is MFA-trusted for 30 days, which BILL requires for payments and bank accounts.',
	},
	{
		displayName: 'Device Name',
		name: 'deviceName',
		type: 'string',
		default: '',
		placeholder: 'n8n-production',
		description: 'Required with the MFA ID: the same device name that was used when the MFA ID was obtained',
	},
];

/** Filled by preAuthentication; n8n logs in again when sessionId is empty or BILL answers 401. */
export const sessionProperties: INodeProperties[] = [
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	{
		displayName: 'Session Trusted',
		name: 'sessionTrusted',
		type: 'hidden',
		default: false,
	},
];
