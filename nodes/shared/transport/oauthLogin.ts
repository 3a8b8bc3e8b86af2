/**
 * The OAuth credential's preAuthentication: n8n calls it when the credential has no token (its
 * expirable field is empty: a new credential, or the node asked for a renewal because the token
 * is about to end, request.ts) and after BILL refused a request (401). What it returns n8n stores
 * with the credential, in its database: every item, execution, process and queue-mode worker then
 * uses the same token until it ends.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { resolveBaseUrls } from './environment';
import { type OAuthTokenFields, requestAccessToken, tokenDigest } from './oauth';

/** Token requests shared by the requests that need one at once (in memory only), as login.ts does for sessions. */
const sharedTokens = new Map<string, { token: Promise<OAuthTokenFields>; settledMs?: number }>();
/** How long a new token also answers requests that were in flight with the one it replaced. */
const SHARED_FOR_MS = 60_000;

async function bearerStatus(
	helper: IHttpRequestHelper,
	url: string,
	token: string,
	method: 'GET' | 'POST' = 'GET',
	body?: Record<string, string>,
): Promise<{ status: number; body?: unknown }> {
	try {
		const response = (await helper.helpers.httpRequest({
			method,
			url,
			headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
			...(body ? { body } : {}),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 60_000,
		})) as { statusCode?: number; body?: unknown };
		return { status: response.statusCode ?? 0, body: response.body };
	} catch {
		return { status: 0 };
	}
}

/**
 * Whether the stored token still works, asked before a renewal after a failed request. n8n's
 * HTTP Request node calls preAuthentication after ANY failure and then sends the request again
 * when a new token comes back (session.ts says why that matters for creates): a token that still
 * works means the failure was not the token's, so nothing is renewed and nothing is sent again.
 * GUESS (docs/GUESSES.md): BILL lists "retrieve API session details" among what a Full-access
 * token may do; a token of an app without AP/AR access is asked with Spend & Expense's
 * "Get current user details".
 */
async function tokenStillWorks(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<boolean> {
	const token = String(credentials.accessToken ?? '');
	if (!token) return false;
	const { api } = resolveBaseUrls(credentials);
	const session = await bearerStatus(helper, `${api}/v3/login/session`, token);
	if (session.status === 200) return true;
	if (session.status === 401) return false;
	return (await bearerStatus(helper, `${api}/v3/spend/users/current`, token)).status === 200;
}

/**
 * GUESS (docs/GUESSES.md): BILL does not say whether a payment under OAuth still needs an MFA
 * step-up. With an MFA ID and device in the credential, a new token is stepped up at once (Postman
 * "MFA step-up for API session", with the token in place of the session); whatever BILL answers,
 * the token stays: where no step-up is needed, the payment goes through anyway.
 */
async function stepUp(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	token: string,
): Promise<boolean> {
	const rememberMeId = String(credentials.mfaId ?? '').trim();
	const device = String(credentials.deviceName ?? '').trim();
	if (!rememberMeId || !device) return false;
	const { api } = resolveBaseUrls(credentials);
	const answer = await bearerStatus(helper, `${api}/v3/mfa/step-up`, token, 'POST', {
		rememberMeId,
		device,
	});
	return answer.status === 200 && (answer.body as { trusted?: unknown })?.trusted === true;
}

async function newToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<OAuthTokenFields> {
	const { accessToken, expiresAtMs } = await requestAccessToken(helper, credentials);
	const steppedUp = await stepUp(helper, credentials, accessToken);
	return { accessToken, expiresAtMs, steppedUp };
}

/** A token for the credential: none when its own still works, else one request shared by all who need it. */
export async function oauthPreAuthentication(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<OAuthTokenFields | Record<string, never>> {
	if (await tokenStillWorks(this, credentials)) return {};
	const key = `${tokenDigest(credentials)}|${String(credentials.accessToken || credentials.replacedToken || '')}`;
	const now = Date.now();
	for (const [k, entry] of sharedTokens)
		if (entry.settledMs !== undefined && now - entry.settledMs > SHARED_FOR_MS)
			sharedTokens.delete(k);
	let shared = sharedTokens.get(key);
	if (!shared) {
		const entry: { token: Promise<OAuthTokenFields>; settledMs?: number } = {
			token: newToken(this, credentials),
		};
		shared = entry;
		sharedTokens.set(key, entry);
		// A renewal also answers, for a minute, requests still in flight with the token it
		// replaced; a first token is shared only while asked for (n8n then stores it); a failed
		// request is not shared: the next one tries again.
		const replaced = Boolean(credentials.accessToken || credentials.replacedToken);
		entry.token.then(
			() => {
				if (replaced) entry.settledMs = Date.now();
				else if (sharedTokens.get(key) === entry) sharedTokens.delete(key);
			},
			() => sharedTokens.get(key) === entry && sharedTokens.delete(key),
		);
	}
	return await shared.token;
}
