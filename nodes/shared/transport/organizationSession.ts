import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
} from 'n8n-workflow';

import { loginConsoleTo } from './consoleLogin';
import { loginDigest, mfaFields } from './login';
import type { ActingFor, Context } from './actingParameters';
import { storeOrganizationSession, storedOrganizationSessions } from './organizationSessionStore';
import { ORGANIZATION_SESSION, OrganizationSessionEnded, type SessionTrustedBy } from './session';

export {
	actFor,
	actingForOf,
	type ActingFor,
	type ActingNamed,
	type ActingRule,
	type ActsFor,
} from './actingParameters';

/** Sends one partner-level request (request.ts passes billApiRequest; no import cycle). */
export type SendPartnerRequest = (request: {
	method: 'POST';
	path: string;
	body: IDataObject;
	repeatable: boolean;
	itemIndex?: number;
}) => Promise<IDataObject>;

interface KeptSession {
	session: Promise<NewSession>;
	/** The session once known (to tell whether a 401 was for the one still kept). */
	sessionId?: string;
	lastUsedMs: number;
}

interface NewSession {
	sessionId: string;
	/** BILL's `trusted` in the log-in-as-user answer (or later step-up / challenge): MFA-trusted. */
	trusted: boolean;
	/** Set when BILL made it trusted after the login (Session → Step Up, MFA → Validate Challenge). */
	by?: 'stepUp' | 'challenge';
}

/**
 * Log-in-as-user sessions, one per (credential, organization, user, MFA ID). n8n keeps one
 * session per credential (what preAuthentication returns): that is the partner session. A partner
 * acting for hundreds of organizations needs one session per organization (BILL: `POST
 * /v3/partner/login-as-user` "returns a sessionId for the organization", Postman "API login as
 * user"). Each new one is stored with the credential (organizationSessionStore.ts), so every
 * execution, process and queue-mode worker uses it; this map is the process's copy of those it
 * used, and shares one log-in-as-user between the requests that need it at once. BILL ends a
 * session after 35 idle minutes (https://developer.bill.com/docs/api-session-management): one
 * this process left idle for 30 is read again from the credential (another process may have used
 * or renewed it); if BILL has ended it, the 401 renews it.
 */
const organizationSessions = new Map<string, KeptSession>();
const IDLE_MS = 30 * 60 * 1000;
const MAX_SESSIONS = 2000;

/** A digest of the login fields, organization, user and MFA ID of the node (naming none of them). */
function keyOf(credentials: ICredentialDataDecryptedObject, acting: ActingFor): string {
	const mfa = acting.mfa ? `${acting.mfa.rememberMeId}\u0000${acting.mfa.device}` : '';
	return createHash('sha256')
		.update(`${loginDigest(credentials)}|${acting.organizationId}|${acting.userId}|${mfa}`)
		.digest('hex')
		.slice(0, 32);
}

function forget(now: number): void {
	for (const [key, kept] of organizationSessions)
		if (now - kept.lastUsedMs > IDLE_MS) organizationSessions.delete(key);
	// Oldest first (insertion order; a renewal re-inserts).
	while (organizationSessions.size >= MAX_SESSIONS)
		organizationSessions.delete(organizationSessions.keys().next().value as string);
}

/** The MFA fields of the log-in-as-user: the node's for this organization, else the credential's. */
function mfaOf(credentials: ICredentialDataDecryptedObject, acting: ActingFor): IDataObject {
	return acting.mfa ? { ...acting.mfa } : mfaFields(credentials);
}

/** `POST /v3/partner/login-as-user` with the partner session n8n keeps in the credential. */
async function logInAsUser(
	send: SendPartnerRequest,
	credentials: ICredentialDataDecryptedObject,
	acting: ActingFor,
	itemIndex: number,
): Promise<NewSession> {
	const answer = await send({
		method: 'POST',
		path: '/v3/partner/login-as-user',
		// An MFA ID (with its device) makes the session MFA-trusted (BILL: rememberMeId + device,
		// Postman "API login as user"). BILL issues it to one user (MFA → Validate Challenge in that
		// user's session) and refuses it for another (BDC_1356): so it is named per organization in
		// the node, or, for one organization's user, in the credential.
		body: {
			organizationId: acting.organizationId,
			userId: acting.userId,
			...mfaOf(credentials, acting),
		},
		// A new session, not a business object: a repeat after a lost answer only opens another.
		repeatable: true,
		itemIndex,
	});
	if (typeof answer.sessionId !== 'string' || !answer.sessionId)
		throw new Error('BILL returned no session ID for the log-in-as-user');
	return { sessionId: answer.sessionId, trusted: answer.trusted === true };
}

/** A new session for the organization: the partner's log-in-as-user, or the console's login to it. */
async function logIn(
	context: Context,
	send: SendPartnerRequest,
	credentials: ICredentialDataDecryptedObject,
	acting: ActingFor,
	itemIndex: number,
): Promise<NewSession> {
	if (acting.keeper !== 'billConsoleApi')
		return await logInAsUser(send, credentials, acting, itemIndex);
	const made = await loginConsoleTo(context, credentials, acting.organizationId);
	return { sessionId: made.sessionId, trusted: false };
}

/**
 * The session for an organization: the one kept in this process, or the one stored with the
 * credential, or one log-in-as-user shared by every request that needs it at once (then stored).
 * `ended` is the session BILL just refused: it is replaced (once, however many requests saw it
 * end); a session already renewed by another request, or another process, is used as it is.
 */
export async function organizationSession(
	context: Context,
	acting: ActingFor,
	send: SendPartnerRequest,
	itemIndex: number,
	ended?: string,
): Promise<ICredentialsDecrypted> {
	const type = acting.keeper ?? 'billPartnerApi';
	const credentials = await context.getCredentials(type);
	const key = keyOf(credentials, acting);
	const now = Date.now();
	forget(now);
	let kept = organizationSessions.get(key);
	if (kept && ended !== undefined && kept.sessionId === ended) {
		organizationSessions.delete(key);
		kept = undefined;
	}
	if (!kept) {
		const stored = storedOrganizationSessions(credentials)[key];
		const entry: KeptSession =
			stored && stored.s !== ended
				? {
						session: Promise.resolve({ sessionId: stored.s, trusted: stored.t, by: stored.b }),
						sessionId: stored.s,
						lastUsedMs: now,
					}
				: {
						session: logIn(context, send, credentials, acting, itemIndex).then(async (made) => {
							const stored = { s: made.sessionId, t: made.trusted, at: Date.now() };
							await storeOrganizationSession(context, key, stored, type);
							return made;
						}),
						lastUsedMs: now,
					};
		kept = entry;
		organizationSessions.set(key, entry);
		entry.session.then(
			(made) => (entry.sessionId = made.sessionId),
			() => organizationSessions.get(key) === entry && organizationSessions.delete(key),
		);
	}
	kept.lastUsedMs = now;
	const { sessionId, trusted, by } = await kept.session;
	const saved = context.getNode().credentials?.[type];
	return {
		id: saved?.id ?? '',
		name: saved?.name ?? '',
		type,
		data: {
			...credentials,
			scope: 'organization',
			organizationId: acting.organizationId,
			userId: acting.userId,
			sessionId,
			sessionTrusted: trusted,
			sessionTrustedBy: trusted ? (by ?? 'mfaIdAtLogin') : 'none',
			[ORGANIZATION_SESSION]: key,
		},
	};
}

/** The organization's session (kept, else stored), undefined before any request made one. */
async function currentSession(
	context: Context,
	acting: ActingFor,
): Promise<{ key: string; kept?: KeptSession; session?: NewSession }> {
	const credentials = await context.getCredentials('billPartnerApi');
	const key = keyOf(credentials, acting);
	const kept = organizationSessions.get(key);
	if (kept) return { key, kept, session: await kept.session.catch(() => undefined) };
	const stored = storedOrganizationSessions(credentials)[key];
	return { key, session: stored && { sessionId: stored.s, trusted: stored.t, by: stored.b } };
}

/** Whether the organization's session (kept or stored; after a request made it) is MFA-trusted, and how. */
export async function organizationSessionTrust(
	context: Context,
	acting: ActingFor,
): Promise<{ trusted: boolean; by: SessionTrustedBy }> {
	const { session } = await currentSession(context, acting);
	if (session?.trusted !== true) return { trusted: false, by: 'none' };
	return { trusted: true, by: session.by ?? 'mfaIdAtLogin' };
}

/**
 * Call after BILL made the organization's session MFA-trusted (Session → Step Up answered
 * `trusted: true`, MFA → Validate Challenge succeeded: "After the validation is complete, your API
 * session is MFA trusted", Postman "Validate MFA challenge"). Keeps that with the session, in
 * this process and stored with the credential (organizationSessionStore.ts), so Get Details and
 * every later execution, process and worker use the trusted session as it is. Never fails the
 * operation: BILL's answer stands.
 */
export async function organizationSessionNowTrusted(
	context: Context,
	acting: ActingFor,
	by: 'stepUp' | 'challenge',
): Promise<void> {
	const { key, kept, session } = await currentSession(context, acting);
	// Unknown (nothing to mark), or trusted since its login: nothing to add.
	if (!session || session.trusted) return;
	const made: NewSession = { sessionId: session.sessionId, trusted: true, by };
	if (kept) kept.session = Promise.resolve(made);
	await storeOrganizationSession(context, key, {
		s: made.sessionId,
		t: true,
		b: by,
		at: Date.now(),
	});
}

/**
 * Whether n8n's request failed because BILL ended an organization's session (login.ts,
 * session.ts). By name, not instanceof: n8n may load the credential's module apart from the node's.
 */
export function organizationSessionEnded(error: unknown): boolean {
	const cause = (error as { cause?: { name?: string } })?.cause;
	return cause?.name === new OrganizationSessionEnded().name;
}
