import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * The BILL sign-ins a node may offer, each a credential type shown for its choice of the
 * "Authentication" parameter. A node lists the ones it supports (credentialsFor,
 * authenticationChoice): a new node (a polling trigger, say) picks its list here, and a new
 * sign-in is one entry in SIGN_INS plus its place in the lists below.
 */
export const SIGN_INS: Record<string, string> = {
	billSpendApi: 'BILL Spend & Expense API Token',
	billApi: 'BILL API (Organization)',
	billOAuthApi: 'BILL OAuth (Client Credentials)',
	billPartnerApi: 'BILL Partner API',
	billConsoleApi: 'BILL Accountant Console API',
};

/** The BILL node: every sign-in. OAuth and the Console come after the two older ones. */
export const BILL_NODE_SIGN_INS = ['billApi', 'billPartnerApi', 'billOAuthApi', 'billConsoleApi'];

/** The BILL Spend & Expense node: its API token, or OAuth (one token serves AP, AR and S&E). */
export const SPEND_NODE_SIGN_INS = ['billSpendApi', 'billOAuthApi'];

/**
 * Webhooks (the BILL Trigger): only sign-ins that can subscribe. BILL supports OAuth for neither
 * webhooks nor the Accountant Console (https://developer.bill.com/docs/oauth-client-credentials).
 */
export const WEBHOOK_SIGN_INS = ['billApi', 'billPartnerApi'];

/** The credentials of a node offering these sign-ins, each shown for its "Authentication" choice. */
export function credentialsFor(types: string[]): INodeCredentialDescription[] {
	return types.map((name) => ({
		name,
		required: true,
		displayOptions: { show: { authentication: [name] } },
	}));
}

/** The "Authentication" parameter offering these sign-ins; `labels` renames some (the partner's, per node). */
export function authenticationChoice(
	types: string[],
	labels: Record<string, string> = {},
): INodeProperties {
	const first = types[0]; // the default: the first sign-in listed
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: types.map((value) => ({ name: labels[value] ?? SIGN_INS[value], value })),
		default: first,
	};
}

/** The two credentials of the BILL Trigger (webhooks). */
export const billCredentials: INodeCredentialDescription[] = credentialsFor(WEBHOOK_SIGN_INS);

/** The "Authentication" parameter of the BILL Trigger; `partnerLabel` says what the partner choice does there. */
export function authenticationProperty(partnerLabel: string): INodeProperties {
	return authenticationChoice(WEBHOOK_SIGN_INS, { billPartnerApi: partnerLabel });
}

/** Shown in the BILL Trigger: why OAuth and the Accountant Console are not offered. */
export const webhookSignInNotice: INodeProperties = {
	displayName:
		'Webhooks need the BILL API (developer key) or BILL Partner API credential: BILL does not support OAuth client credentials or the Accountant Console for webhook subscriptions. A BILL OAuth credential still serves the BILL node.',
	name: 'webhookSignInNotice',
	type: 'notice',
	default: '',
};
