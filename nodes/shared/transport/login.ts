import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { BillLoginError, problemFromResponse, readBillErrors, type BillErrorEntry } from './errors';
import { resolveBaseUrls } from './environment';
import {
	ORGANIZATION_SESSION,
	OrganizationSessionEnded,
	keptSession,
	loggedIn,
	organizationSessionsToStore,
	type OrganizationSessionsToStore,
	sessionStillWorks,
	type BillSessionFields,
} from './session';

interface LoginResponse {
	sessionId?: string;
	trusted?: boolean;
	organizationId?: string;
	userId?: string;
}

/**
 * A login BILL refused (or that was not attempted). Besides BILL's code and message it carries
 * BILL's answer as `response` (status and error array only, nothing of the request), in the shape
 * of an HTTP client's error: n8n wraps what preAuthentication throws in a NodeApiError whose
 * `cause` is this error, and billApiRequest reads BILL's answer from `cause.response`. Without it
 * the node said "BILL answered with HTTP 400 and no error details" and lost BILL's code and hint.
 */
class BillLoginRefused extends BillLoginError {
	readonly response: { status: number; statusText: string; data: BillErrorEntry[] };

	constructor(status: number, entries: BillErrorEntry[], what: string) {
		const problem = problemFromResponse(status, entries);
		super(problem, what);
		// "BILL error BDC_1356: BILL login failed: MFA ID is invalid or expired. ..." in the node;
		// statusText is what n8n's credential "Test" shows (it would say only "Received HTTP status code: 400").
		this.response = {
			status,
			statusText: [`${what}: ${problem.message.replace(/\.+$/, '')}`, problem.hint]
				.filter(Boolean)
				.join('. '),
			data: entries.map((e) => ({ ...e, message: `${what}: ${e.message ?? ''}` })),
		};
	}
}

/** BDC_1356: BILL refused the MFA ID (https://developer.bill.com/docs/common-api-error-codes). */
const MFA_REFUSED = 'BDC_1356';

/**
 * What the credential's own "MFA ID Expires On" tells about a refused MFA ID: expired, or still
 * in date (then the device name or the user is the likelier cause). Never names the MFA ID.
 * BILL's hint for BDC_1356 (errors.ts) already says how to get a new one.
 */
function mfaRefusalDetail(credentials: ICredentialDataDecryptedObject, today = new Date()): string {
	const expiresOn = String(credentials.mfaIdExpiresOn ?? '').trim();
	const date = /^\d{4}-\d{2}-\d{2}/.test(expiresOn) ? expiresOn.slice(0, 10) : '';
	const device = String(credentials.deviceName ?? '').trim();
	if (!date) return `(Device name in the credential: "${device}".)`;
	if (date < today.toISOString().slice(0, 10)) return `The credential's MFA ID expired on ${date}.`;
	return `The credential's MFA ID should be valid until ${date}, so check that the device name "${device}" is exactly the one used when it was obtained, by the same user.`;
}

/** Adds the MFA detail to BILL's BDC_1356 answer; other answers pass unchanged. */
function withMfaDetail(
	entries: BillErrorEntry[],
	credentials: ICredentialDataDecryptedObject,
): BillErrorEntry[] {
	return entries.map((e) =>
		e.code === MFA_REFUSED
			? { ...e, message: `${e.message ?? ''} ${mfaRefusalDetail(credentials)}`.trim() }
			: e,
	);
}

export async function post(
	helper: IHttpRequestHelper,
	url: string,
	body: IDataObject,
	headers: IDataObject,
	what: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<LoginResponse> {
	// ignoreHttpStatusErrors: n8n's raw HTTP error would carry the request (the password) along.
	const response = (await helper.helpers
		.httpRequest({
			method: 'POST',
			url,
			body,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})
		.catch((error: unknown) => ({
			unreachable: (error as { code?: string }).code ?? 'network error',
		}))) as { statusCode?: number; body?: unknown; unreachable?: string };
	if (response.unreachable !== undefined) {
		throw new BillLoginError(
			{ message: `BILL could not be reached (${response.unreachable})` },
			what,
		);
	}
	const status = response.statusCode ?? 0;
	if (status < 200 || status >= 300) {
		const entries = readBillErrors(response.body);
		if (!entries.length) throw new BillLoginError(problemFromResponse(status, response.body), what);
		throw new BillLoginRefused(status, withMfaDetail(entries, credentials), what);
	}
	const data = (
		typeof response.body === 'string' ? JSON.parse(response.body) : response.body
	) as LoginResponse;
	if (!data?.sessionId) {
		throw new BillLoginError({ httpCode: status, message: 'BILL returned no session ID' }, what);
	}
	return data;
}

/** MFA fields are sent only as a pair: BILL needs the device name the MFA ID was issued for. */
export function mfaFields(credentials: ICredentialDataDecryptedObject): IDataObject {
	const rememberMeId = String(credentials.mfaId ?? '').trim();
	const device = String(credentials.deviceName ?? '').trim();
	if (!rememberMeId && !device) return {};
	if (!rememberMeId || !device) {
		// Nothing was sent; the 400 only tells billApiRequest that repeating cannot help.
		throw new BillLoginRefused(
			400,
			[
				{
					message:
						'the credential has only one of "MFA ID" and "Device Name"; set both (the device name used when the MFA ID was obtained) or neither',
				},
			],
			'BILL login not attempted',
		);
	}
	return { rememberMeId, device };
}

/** How long a renewal answers for the session it replaced (requests already in flight with it). */
const RENEWAL_REUSE_MS = 60_000;

/** The credential fields a login depends on, as one digest (the fields themselves are never kept). */
const LOGIN_FIELDS = [
	'environment',
	'customBaseUrl',
	'username',
	'password',
	'organizationId',
	'devKey',
	'appKey',
	'scope',
	'userId',
	'mfaId',
	'deviceName',
];

/** A SHA-256 of the login fields (the console's token only where set: others keep their digest). */
export function loginDigest(credentials: ICredentialDataDecryptedObject): string {
	const fields = credentials.consoleApiToken ? [...LOGIN_FIELDS, 'consoleApiToken'] : LOGIN_FIELDS;
	const identity = fields.map((field) => String(credentials[field] ?? '')).join('\u0000');
	return createHash('sha256').update(identity).digest('hex');
}

/** What preAuthentication returns: a new session, or none when the credential's still works (sessionStillWorks). */
export type LoginResult = BillSessionFields | Record<string, never>;

/** Logins shared between requests, by credential digest and replaced session (in memory only). */
const sharedLogins = new Map<string, { session: Promise<LoginResult>; settledMs?: number }>();

/**
 * One login where n8n would make several. n8n calls preAuthentication for every request that
 * finds no session, and again for every request that gets a 401, and the node runs up to 3
 * requests at once: a new credential, or a session BILL ended mid-run, would log in once per
 * request in flight (BILL counts logins against its limits). Requests of the same credential that
 * carry the same session (none yet, or the expired one) share one login instead. A first login
 * is shared while in flight (n8n then stores its session with the credential); a renewal also
 * answers, for a minute, requests still in flight with the session it replaced. A failed login is
 * not shared: the next request tries again.
 */
async function loginOnce(
	credentials: ICredentialDataDecryptedObject,
	login: () => Promise<LoginResult>,
): Promise<LoginResult> {
	const replaced = String(credentials.sessionId ?? '');
	const key = `${loginDigest(credentials)}|${replaced}`;
	const now = Date.now();
	for (const [k, entry] of sharedLogins)
		if (entry.settledMs !== undefined && now - entry.settledMs > RENEWAL_REUSE_MS)
			sharedLogins.delete(k);
	const known = sharedLogins.get(key);
	if (known) return await known.session;
	const entry: { session: Promise<LoginResult>; settledMs?: number } = { session: login() };
	sharedLogins.set(key, entry);
	let settled = false;
	try {
		const session = await entry.session;
		settled = true;
		if (replaced && session.sessionId) entry.settledMs = Date.now();
		else sharedLogins.delete(key);
		return session;
	} finally {
		// A failed login is not shared: the next request tries again.
		if (!settled && sharedLogins.get(key) === entry) sharedLogins.delete(key);
	}
}

type LoginNow = (
	helper: IHttpRequestHelper,
	api: string,
	credentials: ICredentialDataDecryptedObject,
) => Promise<BillSessionFields>;

/** A session to keep (see keptSession), or one login shared by the requests that need it. */
export async function login(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	loginNow: LoginNow,
): Promise<LoginResult> {
	const kept = keptSession(credentials);
	if (kept) return kept;
	const { api } = resolveBaseUrls(credentials);
	return await loginOnce(credentials, async () =>
		(await sessionStillWorks(helper, api, credentials))
			? {}
			: await loginNow(helper, api, credentials),
	);
}

/** `POST /v3/login` with the organization credential (Postman "API login"). */
export async function loginOrganization(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<LoginResult> {
	return await login(this, credentials, loginOrganizationNow);
}

async function loginOrganizationNow(
	helper: IHttpRequestHelper,
	api: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<BillSessionFields> {
	const body: IDataObject = {
		username: credentials.username,
		password: credentials.password,
		organizationId: credentials.organizationId,
		devKey: credentials.devKey,
		...(credentials.signInWith === 'syncToken' ? {} : mfaFields(credentials)), // no MFA for sync tokens
	};
	const data = await post(helper, `${api}/v3/login`, body, {}, 'BILL login failed', credentials);
	return loggedIn(data.sessionId as string, data.trusted === true);
}

/**
 * `POST /v3/partner/login`, then, when the credential names an organization and user,
 * `POST /v3/partner/login-as-user` with the partner session and app key as headers
 * (BILL moved them to headers on 2024-06-14: https://developer.bill.com/changelog/2024-06-14-api-login-as-user-improvements).
 */
export async function loginPartner(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<LoginResult | OrganizationSessionsToStore> {
	// A copy carrying one organization's session: renewed by the node, never stored (session.ts).
	if (credentials[ORGANIZATION_SESSION]) throw new OrganizationSessionEnded();
	// A copy carrying the organizations' sessions to store with the credential: no login.
	const store = organizationSessionsToStore(credentials);
	if (store) return store;
	return await login(this, credentials, loginPartnerNow);
}

async function loginPartnerNow(
	helper: IHttpRequestHelper,
	api: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<BillSessionFields> {
	const partner = await post(
		helper,
		`${api}/v3/partner/login`,
		{ username: credentials.username, password: credentials.password, appKey: credentials.appKey },
		{},
		'BILL partner login failed',
		credentials,
	);
	if (credentials.scope !== 'organization') return loggedIn(partner.sessionId as string, false);
	const asUser = await post(
		helper,
		`${api}/v3/partner/login-as-user`,
		{
			organizationId: credentials.organizationId,
			userId: credentials.userId,
			...mfaFields(credentials),
		},
		{ appKey: credentials.appKey, sessionId: partner.sessionId },
		'BILL login as user failed',
		credentials,
	);
	return loggedIn(asUser.sessionId as string, asUser.trusted === true);
}
