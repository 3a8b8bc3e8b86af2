import type { INodeProperties } from 'n8n-workflow';

/** Environment choice shared by both BILL credentials (https://developer.bill.com/docs/get-started-in-production). */
export const environmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Sandbox', value: 'sandbox', description: 'https://gateway.stage.bill.com/connect' },
			{
				name: 'Production',
				value: 'production',
				description: 'https://gateway.prod.bill.com/connect',
			},
			{
				name: 'Custom Base URL',
				value: 'custom',
				description: 'For example the BILL emulator on localhost',
			},
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

/**
 * MFA ID + device: with both set, every login is MFA-trusted (https://developer.bill.com/reference/login: `rememberMeId` + `device`). The expiry
 * date is ours, not BILL's: BILL cannot be asked when an MFA ID expires, so the user keeps the
 * date Validate Challenge gave, for reminders and for a clear error once it has passed.
 */
export const mfaProperties: INodeProperties[] = [
	{
		displayName:
			'MFA ID (optional, needed in production for payments): save this credential first without it, then import and run the example "Get the MFA ID" (examples/04-mfa-id-setup.json), which texts a code to your phone and gives the MFA ID, its device name and its expiry date to paste below.',
		name: 'mfaIdNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'MFA ID',
		name: 'mfaId',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		hint: 'Save the credential first, then run the example "Get the MFA ID" (examples/04-mfa-id-setup.json) to get one',
		description:
			'Optional. The MFA ID (rememberMeId) from MFA → Validate Challenge with "Remember Me" on. With it and its device name, every login is MFA-trusted for 30 days, which BILL requires in production for payments, bank accounts and autopay. Get a new one before it expires.',
	},
	{
		displayName: 'Device Name',
		name: 'deviceName',
		type: 'string',
		default: '',
		placeholder: 'n8n-production',
		description:
			'Required with the MFA ID: the same device name that was used when the MFA ID was obtained',
	},
	{
		displayName: 'MFA ID Expires On',
		name: 'mfaIdExpiresOn',
		type: 'string',
		default: '',
		placeholder: 'YYYY-MM-DD',
		description:
			'Optional. The date MFA → Validate Challenge gave with the MFA ID (30 days after it was made). With it, Session → Get Details reports the days left (for a reminder workflow), and a refused login says whether the MFA ID has expired.',
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
	{
		// mfaIdAtLogin, stepUp, challenge or none: how BILL made the session trusted (login.ts).
		displayName: 'Session Trusted By',
		name: 'sessionTrustedBy',
		type: 'hidden',
		default: '',
	},
];
