/**
 * BILL OAuth client credentials ("Get started with BILL OAuth",
 * https://developer.bill.com/docs/oauth-client-credentials; token request
 * https://developer.bill.com/reference/createaccesstoken): one token, asked for with the developer
 * app's client ID and secret, serves AP, AR and Spend & Expense. It is the only credential a call
 * carries (`Authorization: Bearer …`). What BILL leaves open is listed in docs/GUESSES.md.
 */
import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { resolveBaseUrls } from './environment';
import { BillLoginError, problemFromResponse, readBillErrors } from './errors';

/** The sandbox's token URL, the `servers` entry of BILL's OAuth OpenAPI. */
export const SANDBOX_TOKEN_URL = 'https://auth.stage.bill.com/authx/token';
/** GUESS (docs/GUESSES.md): BILL documents no production token URL; the user can change it. */
export const PRODUCTION_TOKEN_URL = 'https://auth.bill.com/authx/token';

/** GUESS: BILL calls the token "short-lived" and gives no lifetime; without `expires_in` we assume this. */
export const ASSUMED_TOKEN_LIFETIME_S = 15 * 60;
/** A token this close to its end is renewed before a request rather than after BILL refuses it. */
export const RENEW_BEFORE_MS = 60_000;

/** What the credential stores next to the user's fields (hidden fields). */
export interface OAuthTokenFields extends IDataObject {
	accessToken: string;
	/** When the token ends, ms since 1970, as text (from `expires_in`, or the assumed lifetime). */
	expiresAtMs: string;
	/** Whether the MFA ID of the credential made the token's session MFA-trusted (step-up). */
	steppedUp: boolean;
}

/** The token URL of the credential: its own, else the environment's. */
export function tokenUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const own = String(credentials.tokenUrl ?? '').trim();
	if (own) return own;
	if (credentials.environment === 'production') return PRODUCTION_TOKEN_URL;
	if (credentials.environment === 'custom') {
		// The emulator (or a proxy) answers the token on the same origin as the API.
		return `${new URL(resolveBaseUrls(credentials).api).origin}/authx/token`;
	}
	return SANDBOX_TOKEN_URL;
}

interface TokenAnswer {
	statusCode?: number;
	body?: unknown;
	unreachable?: string;
}

async function postToken(
	helper: IHttpRequestHelper,
	url: string,
	fields: Record<string, string>,
	encoding: 'form' | 'json',
): Promise<TokenAnswer> {
	const form = encoding === 'form';
	// ignoreHttpStatusErrors: n8n's raw HTTP error would carry the request (the client secret) along.
	return (await helper.helpers
		.httpRequest({
			method: 'POST',
			url,
			body: form ? new URLSearchParams(fields).toString() : fields,
			headers: {
				'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json',
				Accept: 'application/json',
			},
			json: !form,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 60_000,
		})
		.catch((error: unknown) => ({
			unreachable: (error as { code?: string }).code ?? 'network error',
		}))) as TokenAnswer;
}

function parsed(body: unknown): IDataObject {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as IDataObject;
		} catch {
			return {};
		}
	}
	return (body ?? {}) as IDataObject;
}

const WHAT = 'BILL OAuth token request failed';

/**
 * BILL's answer to a refused token request, as an error that names neither the client ID nor the
 * secret: BILL's error array when it sends one, else OAuth's `error`/`error_description` (RFC 6749
 * §5.2, a guess: BILL documents no error answer), else the status.
 */
function refusal(status: number, body: unknown): BillLoginError {
	const entries = readBillErrors(body);
	const data = parsed(body);
	const oauthError = [data.error, data.error_description].filter(Boolean).join(': ');
	const problem = entries.length
		? problemFromResponse(status, entries)
		: { httpCode: status, message: oauthError || `BILL answered HTTP ${status}` };
	const hint =
		status === 400 || status === 401
			? 'Check the Client ID and Client Secret of the developer app (BILL shows the secret once, when the app is created), the environment and the Token URL.'
			: undefined;
	const error = new BillLoginError({ ...problem, hint: problem.hint ?? hint }, WHAT);
	// As login.ts's BillLoginRefused: BILL's answer where the node reads it (n8n wraps what
	// preAuthentication throws), what to check in the message itself.
	const message = [`${WHAT}: ${problem.message.replace(/\.+$/, '')}`, hint]
		.filter(Boolean)
		.join('. ');
	(error as unknown as { response: unknown }).response = {
		status,
		statusText: message,
		data: [{ code: problem.code, message }],
	};
	return error;
}

/**
 * `POST {token URL}` with `grant_type=client_credentials`, `client_id` and `client_secret` as a
 * form, the fields BILL's reference lists under "Form Data". GUESS: if BILL answers 415 (it wants
 * another body), the same fields are sent once as JSON.
 */
export async function requestAccessToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now = Date.now(),
): Promise<{ accessToken: string; expiresAtMs: string; scope?: string }> {
	const url = tokenUrlOf(credentials);
	const fields = {
		grant_type: 'client_credentials',
		client_id: String(credentials.clientId ?? '').trim(),
		client_secret: String(credentials.clientSecret ?? ''),
	};
	let answer = await postToken(helper, url, fields, 'form');
	if (answer.statusCode === 415) answer = await postToken(helper, url, fields, 'json');
	if (answer.unreachable !== undefined)
		throw new BillLoginError(
			{ message: `BILL could not be reached (${answer.unreachable})` },
			WHAT,
		);
	const status = answer.statusCode ?? 0;
	if (status < 200 || status >= 300) throw refusal(status, answer.body);
	const data = parsed(answer.body);
	// RFC 6749 names (access_token, expires_in); camelCase accepted too (BILL shows neither).
	const accessToken = data.access_token ?? data.accessToken;
	if (typeof accessToken !== 'string' || !accessToken)
		throw new BillLoginError({ httpCode: status, message: 'BILL returned no access token' }, WHAT);
	const seconds = Number(data.expires_in ?? data.expiresIn);
	const lifetimeS = Number.isFinite(seconds) && seconds > 0 ? seconds : ASSUMED_TOKEN_LIFETIME_S;
	const scope = typeof data.scope === 'string' ? data.scope : undefined;
	return { accessToken, expiresAtMs: String(now + lifetimeS * 1000), scope };
}

/** Whether the stored token ends within RENEW_BEFORE_MS (or has no known end). */
export function tokenEndingSoon(credentials: ICredentialDataDecryptedObject, now = Date.now()) {
	if (!credentials.accessToken) return false;
	const end = Number(credentials.expiresAtMs);
	return !Number.isFinite(end) || end - now < RENEW_BEFORE_MS;
}

/** A SHA-256 of what a token depends on: changes with any of it, names none of it. */
export function tokenDigest(credentials: ICredentialDataDecryptedObject): string {
	const identity = ['environment', 'customBaseUrl', 'tokenUrl', 'clientId', 'clientSecret']
		.map((field) => String(credentials[field] ?? ''))
		.join('\u0000');
	return createHash('sha256').update(identity).digest('hex');
}
