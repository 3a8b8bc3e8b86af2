/**
 * What each sign-in can do, checked before a request is sent, and BILL's refusals explained in
 * terms of the sign-in: OAuth's scopes (https://developer.bill.com/docs/oauth-api-scope-capabilities)
 * and the AP/AR sync token, which has no payment capabilities
 * (https://developer.bill.com/docs/token-based-sign-in).
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiCall as BillRequest } from './answer';
import { tokenEndingSoon } from './oauth';
import type { Context } from './actingParameters';

/** Whether refuseForSignIn needs the credential's fields for this request (n8n reads its database for them). */
export function needsCredentialFields(credentialType: string, request: BillRequest): boolean {
	return (
		credentialType === 'billOAuthApi' ||
		movesMoney(request) ||
		(credentialType === 'billApi' && /^\/v3\/mfa\//.test(request.path))
	);
}

/** Payment creation and funding-account changes: what BILL names as Full access only, and what sync tokens lack. */
const MONEY_PATHS: Array<[RegExp, RegExp]> = [
	[/^POST$/, /^\/v3\/payments(\/bulk)?$/],
	[/^(POST|PATCH|PUT|DELETE)$/, /^\/v3\/funding-accounts\//],
];

export function movesMoney(request: Pick<BillRequest, 'method' | 'path'>): boolean {
	return MONEY_PATHS.some(
		([method, path]) => method.test(request.method) && path.test(request.path),
	);
}

export const SCOPE_MESSAGE =
	'The BILL OAuth credential\'s developer app has the scope "Accounting data access", which cannot pay or change funding accounts';
export const SCOPE_HINT =
	'Create a new developer app in BILL with the scope "Full access" (a scope cannot be changed once the app exists; Full access needs MFA with your phone when the app is created) and put its client ID and secret in a BILL OAuth credential.';
export const SYNC_TOKEN_MESSAGE =
	'The BILL API credential signs in with a sync token, which BILL gives no payment capabilities and no MFA';
export const SYNC_TOKEN_HINT =
	'Sync tokens are for reading and syncing data. To pay, use a BILL OAuth credential with "Full access", or a BILL API credential that signs in with a user\'s password and an MFA ID.';

const PARTNER_ONLY = /^\/v3\/partner\//;

/**
 * What a sign-in cannot do whatever the request: BILL supports OAuth for neither partners nor
 * webhooks (https://developer.bill.com/docs/oauth-client-credentials), an OAuth token has no
 * session to end, and a sync token has no MFA (https://developer.bill.com/docs/token-based-sign-in).
 */
function wrongSignIn(
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	request: BillRequest,
): [string, string] | undefined {
	const partner = PARTNER_ONLY.test(request.path);
	if (credentialType === 'billOAuthApi') {
		if (partner)
			return [
				'BILL does not support OAuth for partner operations',
				'Choose Authentication "BILL Partner API" with your app key.',
			];
		if (request.host === 'events')
			return [
				'BILL does not support OAuth for webhook subscriptions',
				'Choose Authentication "BILL API (Organization)" (developer key); the BILL Trigger offers only the credentials that can subscribe.',
			];
		if (request.path === '/v3/logout')
			return [
				'An OAuth token has no session to log out of',
				'Nothing to do: the token ends by itself. Log Out is for the BILL API and Partner credentials.',
			];
	}
	if (credentialType === 'billConsoleApi' && partner)
		return [
			'Partner operations need the BILL Partner API credential, not the Accountant Console',
			'Choose Authentication "BILL Partner API".',
		];
	if (
		credentialType === 'billApi' &&
		credentials.signInWith === 'syncToken' &&
		/^\/v3\/mfa\//.test(request.path)
	)
		return [SYNC_TOKEN_MESSAGE, SYNC_TOKEN_HINT];
	if (!movesMoney(request)) return undefined;
	if (credentialType === 'billOAuthApi' && credentials.appScope === 'accounting')
		return [SCOPE_MESSAGE, SCOPE_HINT];
	if (credentialType === 'billApi' && credentials.signInWith === 'syncToken')
		return [SYNC_TOKEN_MESSAGE, SYNC_TOKEN_HINT];
	return undefined;
}

/** The refusal, before anything is sent, of a request the credential's sign-in cannot make. */
export function refuseForSignIn(
	context: Context,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	request: BillRequest,
): void {
	const itemIndex = request.itemIndex ?? 0;
	const refusal = wrongSignIn(credentialType, credentials, request);
	if (refusal)
		throw new NodeOperationError(context.getNode(), `${refusal[0]} [item ${itemIndex}]`, {
			itemIndex,
			description: refusal[1],
		});
}

/**
 * BILL's refusal (401/403) of a money request under OAuth or a sync token, explained: the scope
 * the app was created with, or the sync token. GUESS (docs/GUESSES.md): BILL documents neither
 * refusal, so any 401 or 403 on such a request is read this way (n8n already renewed the token
 * once on the 401).
 */
export function explainSignInRefusal(
	error: NodeApiError,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	request: BillRequest,
): NodeApiError {
	const status = Number(error.httpCode);
	if (!movesMoney(request) || (status !== 401 && status !== 403)) return error;
	if (error.context.billCode === 'BDC_1361') return error; // untrusted session: its own hint
	const oauth = credentialType === 'billOAuthApi';
	const sync = credentialType === 'billApi' && credentials.signInWith === 'syncToken';
	if (!oauth && !sync) return error;
	const why = oauth
		? `BILL refused it: if the developer app has the scope "Accounting data access", it cannot pay or change funding accounts.`
		: `BILL refused it: ${SYNC_TOKEN_MESSAGE.replace(/^The /, 'the ')}.`;
	error.message = `${error.message.replace(/[.\s]+$/, '')}. ${why}`;
	error.description = oauth ? SCOPE_HINT : SYNC_TOKEN_HINT;
	return error;
}

/**
 * The OAuth credential as the request should carry it: unchanged, or, when its token ends within
 * a minute, a copy without the token, so that n8n asks the credential for a new one (and stores
 * it for everyone) before the request rather than after BILL refuses it.
 */
export function oauthRenewal(
	context: Context,
	credentials: ICredentialDataDecryptedObject,
): ICredentialsDecrypted | undefined {
	if (!tokenEndingSoon(credentials)) return undefined;
	const saved = context.getNode().credentials?.billOAuthApi;
	return {
		id: saved?.id ?? '',
		name: saved?.name ?? '',
		type: 'billOAuthApi',
		data: { ...credentials, replacedToken: credentials.accessToken, accessToken: '' },
	};
}
