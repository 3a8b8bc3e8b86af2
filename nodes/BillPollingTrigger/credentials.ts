import type { INodeCredentialDescription, INodePropertyOptions } from 'n8n-workflow';

/**
 * The credentials the polling trigger can read with: polling needs no webhook subscription, so
 * every BILL sign-in works here. One entry per credential; adding one (e.g. the BILL OAuth
 * credential) is one line here, plus its credential type in the shared transport's
 * credentialTypeOf (nodes/shared/transport/request.ts) for AP/AR and S&E calls.
 */
const CREDENTIALS: Array<{ name: string; label: string; api: 'apar' | 'spend' }> = [
	{ name: 'billApi', label: 'BILL API (Organization)', api: 'apar' },
	{ name: 'billPartnerApi', label: 'BILL Partner API (an Organization)', api: 'apar' },
	{ name: 'billSpendApi', label: 'BILL Spend & Expense API', api: 'spend' },
];

export const pollingCredentials: INodeCredentialDescription[] = CREDENTIALS.map(({ name }) => ({
	name,
	required: true,
	displayOptions: { show: { authentication: [name] } },
}));

export const authenticationOptions: INodePropertyOptions[] = CREDENTIALS.map(({ name, label }) => ({
	name: label,
	value: name,
}));

/** The authentication values whose credential reads AP/AR lists, and those reading S&E. */
export const credentialsFor = (api: 'apar' | 'spend') =>
	CREDENTIALS.filter((c) => c.api === api).map((c) => c.name);
