import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

/** How the credential's session became MFA-trusted, as BILL said it (`none`: it is not). */
export type SessionTrustedBy = 'mfaIdAtLogin' | 'stepUp' | 'challenge' | 'none';

/** What the credentials' preAuthentication stores next to the user's fields (hidden fields). */
export interface BillSessionFields extends IDataObject {
	sessionId: string;
	/**
	 * Whether BILL made the session MFA-trusted: "trusted" in the login answer ("API login" in
	 * BILL's Postman collection), or later BILL's answer to "MFA step-up for API session" or
	 * "Validate MFA challenge" (kept through {@link keptSession}).
	 */
	sessionTrusted: boolean;
	sessionTrustedBy: SessionTrustedBy;
}

/**
 * The fields of a credential copy that ask preAuthentication to keep a session rather than log
 * in (see keptSession). Never stored: n8n saves only what preAuthentication returns.
 */
export const KEEP_SESSION_ID = 'keepSessionId';
export const KEEP_SESSION_TRUSTED_BY = 'keepSessionTrustedBy';

/**
 * Not a login: the node asks n8n to store that the credential's current session became
 * MFA-trusted (BILL answered Session → Step Up with `trusted: true`, or validated the MFA
 * challenge, after which "your API session is MFA trusted", Postman "Validate MFA challenge").
 * A node cannot write its credential; n8n stores what preAuthentication returns, with the
 * credential (in its database, so every later execution, process and queue-mode worker sees it),
 * and calls preAuthentication when the session field is empty. So the node hands n8n a copy of
 * the credential with the session field empty and the session to keep in KEEP_SESSION_ID
 * (resources/session/trust.ts), and this returns that session, trusted, without logging in. The
 * request that carries the copy then uses the session; if BILL no longer knows it (401), n8n
 * calls preAuthentication again with the session field set, and that is a real login.
 */
export function keptSession(
	credentials: ICredentialDataDecryptedObject,
): BillSessionFields | undefined {
	const keep = credentials[KEEP_SESSION_ID];
	const by = credentials[KEEP_SESSION_TRUSTED_BY];
	if (credentials.sessionId !== '' || typeof keep !== 'string' || !keep) return undefined;
	if (by !== 'stepUp' && by !== 'challenge') return undefined;
	return { sessionId: keep, sessionTrusted: true, sessionTrustedBy: by };
}

/** The session fields of a new login, from BILL's `trusted`. */
export function loggedIn(sessionId: string, trusted: boolean): BillSessionFields {
	return {
		sessionId,
		sessionTrusted: trusted,
		sessionTrustedBy: trusted ? 'mfaIdAtLogin' : 'none',
	};
}

/**
 * Set on the credential copy that carries a log-in-as-user session the node keeps for one
 * organization (organizationSession.ts). When BILL ends that session (401), n8n calls the
 * credential's preAuthentication with the copy; it must not log in there, because n8n would store
 * what it returns as the credential itself (replacing the partner session with one
 * organization's). It throws {@link OrganizationSessionEnded} instead, and the node renews the
 * session for that organization alone.
 */
export const ORGANIZATION_SESSION = 'organizationSessionKey';

/**
 * The fields of a credential copy that ask preAuthentication to store the log-in-as-user sessions
 * of the organizations (organizationSessionStore.ts) rather than log in. As with KEEP_SESSION_ID:
 * a node cannot write its credential, n8n stores what preAuthentication returns (with the
 * credential, in its database: every execution, process and queue-mode worker then reads it) and
 * calls preAuthentication when the session field is empty. So the node hands n8n a copy with the
 * session field empty, the partner session to keep in STORE_PARTNER_SESSION and the sessions of
 * the organizations in STORE_ORGANIZATION_SESSIONS; this returns both, without logging in. n8n
 * 2.x writes only the fields returned over what its database holds: the user's fields (and the
 * partner session's trust) stay as they are.
 */
export const STORE_ORGANIZATION_SESSIONS = 'storeOrganizationSessions';
export const STORE_PARTNER_SESSION = 'storePartnerSession';

export interface OrganizationSessionsToStore extends IDataObject {
	sessionId: string;
	organizationSessions: string;
}

export function organizationSessionsToStore(
	credentials: ICredentialDataDecryptedObject,
): OrganizationSessionsToStore | undefined {
	const sessions = credentials[STORE_ORGANIZATION_SESSIONS];
	const partner = credentials[STORE_PARTNER_SESSION];
	if (credentials.sessionId !== '' || typeof sessions !== 'string') return undefined;
	if (typeof partner !== 'string' || !partner) return undefined;
	return { sessionId: partner, organizationSessions: sessions };
}

export class OrganizationSessionEnded extends Error {
	constructor() {
		super('BILL ended the log-in-as-user session of this organization');
		this.name = 'OrganizationSessionEnded';
	}
}

/**
 * Whether the session in the credential still works, asked before a renewal.
 *
 * n8n calls preAuthentication again after a failed request and, when it returns a session, sends
 * the request once more. For our BILL node that happens on a 401 only, but n8n's HTTP Request
 * node (n8n-core's `requestWithAuthentication`) does it after ANY error: a create that BILL
 * refused, or answered with a 5xx after applying it, would be sent a second time. So a renewal
 * first asks BILL about the session it would replace ("Get API session details" in BILL's Postman
 * collection; at partner level "Get list of organizations"). If it still works, the failure was
 * not the session's: preAuthentication returns no session, n8n stores nothing, sends nothing
 * again and shows the request's own error. Any other answer (401, no answer) means: log in.
 */
export async function sessionStillWorks(
	helper: IHttpRequestHelper,
	api: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<boolean> {
	const sessionId = String(credentials.sessionId ?? '');
	if (!sessionId) return false;
	const partnerLevel = credentials.scope !== undefined && credentials.scope !== 'organization';
	const request: IHttpRequestOptions = partnerLevel
		? {
				url: `${api}/v3/partner/organizations`,
				qs: { max: 1 },
				headers: { appKey: String(credentials.appKey ?? ''), sessionId },
			}
		: {
				url: `${api}/v3/login/session`,
				headers: { devKey: String(credentials.devKey ?? ''), sessionId },
			};
	try {
		const response = (await helper.helpers.httpRequest({
			...request,
			method: 'GET',
			headers: { Accept: 'application/json', ...request.headers },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode?: number };
		return response.statusCode === 200;
	} catch {
		return false;
	}
}
