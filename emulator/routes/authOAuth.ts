/**
 * BILL OAuth client credentials (https://developer.bill.com/docs/oauth-client-credentials,
 * https://developer.bill.com/reference/createaccesstoken): `POST /authx/token` on the auth host
 * (the sandbox's is https://auth.stage.bill.com; here the emulator's own origin) with a form
 * body `grant_type=client_credentials`, `client_id`, `client_secret`; the token then stands alone
 * in `Authorization: Bearer …` on `/v3/…` and `/v3/spend/…`.
 *
 * Two developer apps of the admin: one with "Full access", one with "Accounting data access"
 * (which cannot create payments or change funding accounts,
 * https://developer.bill.com/docs/oauth-api-scope-capabilities). Where BILL is silent the
 * emulator plays readings (readings.ts: oauthTokenBody, oauthTokenResponse, oauthPaymentMfa,
 * oauthScopeRefusal).
 */
import { randomBytes } from 'crypto';

import { BillError, errors } from '../errors';
import type { Emulator, RequestContext, Reply } from '../server';
import type { Session, State } from '../state';

export const OAUTH_FIXTURES = {
	full: { clientId: 'emulator-oauth-client-full', clientSecret: 'emu-oauth-secret-full-5b1e9c' },
	accounting: {
		clientId: 'emulator-oauth-client-accounting',
		clientSecret: 'emu-oauth-secret-acct-77d2a0',
	},
};

export type OAuthScope = 'full' | 'accounting';

interface IssuedToken {
	clientId: string;
	scope: OAuthScope;
	expiresMs: number;
	/** What the token stands for at BILL: the app creator's organization-level session. */
	session: Session;
}

interface OAuthData {
	tokens: Map<string, IssuedToken>;
	/** Token requests answered (refused ones too): tests count them. */
	tokenCalls: number;
}

/** A token lives this long unless a test changes it (BILL says only "short-lived"). */
export const oauthSettings = { lifetimeS: 900 };

const data = new WeakMap<State, OAuthData>();

export function oauthData(emulator: Emulator): OAuthData {
	let found = data.get(emulator.state);
	if (!found) data.set(emulator.state, (found = { tokens: new Map(), tokenCalls: 0 }));
	return found;
}

/** Every token of the emulator ends now (as if BILL revoked them): the next call is a 401. */
export function revokeTokens(emulator: Emulator): void {
	oauthData(emulator).tokens.clear();
}

/** OAuth's own error answer (RFC 6749 §5.2): BILL documents none, so the emulator uses the standard one. */
const oauthError = (status: number, error: string, description: string): Reply => ({
	status,
	body: { error, error_description: description },
});

function tokenFields(emulator: Emulator, context: RequestContext): Record<string, string> {
	const type = String(context.headers['content-type'] ?? '').toLowerCase();
	const wanted = emulator.readings.oauthTokenBody;
	const form = type.includes('application/x-www-form-urlencoded');
	if ((wanted === 'form' && !form) || (wanted === 'json' && !type.includes('json')))
		throw new BillError(415, 'BDC_1002', `Content-Type ${type || '(none)'} is not supported`);
	if (form) return Object.fromEntries(new URLSearchParams(context.rawBody.toString('utf8')));
	const body = context.body as Record<string, unknown> | undefined;
	return Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, String(v)]));
}

function issue(emulator: Emulator, context: RequestContext): Reply {
	const oauth = oauthData(emulator);
	oauth.tokenCalls++;
	const fields = tokenFields(emulator, context);
	if (fields.grant_type !== 'client_credentials')
		return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
	const app = (
		Object.entries(OAUTH_FIXTURES) as Array<
			[OAuthScope, { clientId: string; clientSecret: string }]
		>
	).find(([, a]) => a.clientId === fields.client_id);
	if (!app || app[1].clientSecret !== fields.client_secret)
		return oauthError(401, 'invalid_client', 'Client authentication failed');
	const [scope] = app;
	const fixtures = emulator.fixtures;
	const token = `emu-at-${randomBytes(24).toString('base64url')}`;
	const now = context.clock.ms();
	const lifetimeS = oauthSettings.lifetimeS;
	const session: Session = {
		id: `oauth:${token}`,
		kind: 'organization',
		organizationId: fixtures.organizationId,
		userId: fixtures.admin.userId,
		// oauthPaymentMfa: with 'notNeeded' a Full-access token is MFA-trusted from the start;
		// with 'stepUp' it becomes trusted only after POST /v3/mfa/step-up.
		trusted: scope === 'full' && emulator.readings.oauthPaymentMfa === 'notNeeded',
		lastUsedMs: now,
		label: `t${++context.state.sessionCount}`,
	};
	oauth.tokens.set(token, {
		clientId: fields.client_id,
		scope,
		expiresMs: now + lifetimeS * 1000,
		session,
	});
	const reading = emulator.readings.oauthTokenResponse;
	if (reading === 'camelCase')
		return { body: { accessToken: token, tokenType: 'Bearer', expiresIn: lifetimeS } };
	const body: Record<string, unknown> = { access_token: token, token_type: 'Bearer', scope };
	if (reading === 'rfc6749') body.expires_in = lifetimeS;
	return { body };
}

/** Payment creation and funding-account changes: Full access only. */
const FULL_ACCESS_ONLY: Array<[RegExp, RegExp]> = [
	[/^POST$/, /^\/v3\/payments(\/bulk)?$/],
	[/^(POST|PATCH|PUT|DELETE)$/, /^\/v3\/funding-accounts\//],
];

/**
 * The session a Bearer token stands for, or BILL's refusal: an unknown or ended token (401), a
 * token sent with other BILL keys ("the access token is the only credential you need to send"),
 * or a scope that does not allow the request (oauthScopeRefusal: 403 or 401).
 */
export function bearerSession(emulator: Emulator, context: RequestContext): Session | undefined {
	const raw = context.headers.authorization;
	const authorization = Array.isArray(raw) ? raw[0] : raw;
	if (!authorization) return undefined;
	const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
	for (const other of ['sessionid', 'devkey', 'appkey', 'apitoken'])
		if (context.headers[other] !== undefined)
			throw errors.invalid(`Send the access token alone: ${other} is not expected with it.`);
	const issued = token ? oauthData(emulator).tokens.get(token) : undefined;
	if (!issued || issued.expiresMs <= context.clock.ms()) throw errors.sessionInvalid();
	if (
		issued.scope === 'accounting' &&
		FULL_ACCESS_ONLY.some(([m, p]) => m.test(context.method) && p.test(context.path))
	) {
		const status = emulator.readings.oauthScopeRefusal === 'unauthorized' ? 401 : 403;
		throw new BillError(
			status,
			'BDC_1146',
			'The access token does not have the permissions for this operation.',
			'APPLICATION',
		);
	}
	issued.session.lastUsedMs = context.clock.ms();
	return issued.session;
}

export function registerOAuth(emulator: Emulator): void {
	emulator.add('POST', '/authx/token', (context) => issue(emulator, context), {
		auth: 'none',
		host: 'auth',
	});
}
