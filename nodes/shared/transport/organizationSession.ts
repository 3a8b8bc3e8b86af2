import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
} from 'n8n-workflow';

import { loginDigest, mfaFields } from './login';
import { mfaOfItem, parameter, refuse, type Context } from './actingParameters';
import { storeOrganizationSession, storedOrganizationSessions } from './organizationSessionStore';
import { ORGANIZATION_SESSION, OrganizationSessionEnded } from './session';

/** The node parameters naming the organization to act for and the user to act as (actingFor.ts). */
export const ACT_FOR_ORGANIZATION = 'actForOrganization';
export const ACT_AS_USER = 'actAsUser';
export { ACT_AS_USER_DEVICE, ACT_AS_USER_MFA_ID } from './actingParameters';

/** Resources that never act for a named organization: the partner itself, the credential's own session, no login. */
export const NOT_ACTING_RESOURCES = ['health', 'partner', 'session', 'mfa'];

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
	/** BILL's `trusted` in the log-in-as-user answer: an MFA-trusted session. */
	trusted: boolean;
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

export interface ActingFor {
	organizationId: string;
	userId: string;
	/** The MFA ID and device named in the node for this organization's user (actingFor.ts). */
	mfa?: { rememberMeId: string; device: string };
}

/**
 * The organization and user an item names (BILL node, partner credential), checked before
 * anything is sent; undefined where the credential's own session serves.
 */
export async function actingForOf(
	context: Context,
	path: string,
	itemIndex: number,
): Promise<ActingFor | undefined> {
	// Partner-level calls (and the log-in-as-user itself) carry the partner session.
	if (/^\/v3\/partner\//.test(path)) return undefined;
	let resource: unknown;
	try {
		resource = context.getNodeParameter('resource', 0);
	} catch {
		return undefined; // not the BILL node (the trigger)
	}
	// Session → Get Details may describe a named organization's session (else the credential's).
	const optional = resource === 'session' && parameter(context, 'operation', 0) === 'getDetails';
	if (typeof resource !== 'string' || (NOT_ACTING_RESOURCES.includes(resource) && !optional))
		return undefined;
	const organization = parameter(context, ACT_FOR_ORGANIZATION, itemIndex);
	const user = parameter(context, ACT_AS_USER, itemIndex);
	const credentials = await context.getCredentials('billPartnerApi');
	const organizationId = typeof organization === 'string' ? organization.trim() : organization;
	if (organizationId === '' || organizationId === undefined || organizationId === null) {
		if (credentials.scope === 'partner' && !optional)
			throw refuse(
				context,
				itemIndex,
				'Organization: choose the client organization to act for',
				'The credential\'s scope is "Partner (All Organizations)": name the organization (and the user to act as) in the node, or use a credential with scope "Organization (Log In as User)".',
			);
		return undefined;
	}
	if (typeof organizationId !== 'string' || !/^008[0-9A-Za-z]{17}$/.test(organizationId))
		throw refuse(
			context,
			itemIndex,
			`Organization: not a BILL organization ID (20 characters starting with 008): ${JSON.stringify(organizationId)}`,
		);
	const userId = typeof user === 'string' ? user.trim() : user;
	if (typeof userId !== 'string' || !/^006[0-9A-Za-z]{17}$/.test(userId))
		throw refuse(
			context,
			itemIndex,
			`Act as User: ${userId === '' ? 'is required with an organization' : `not a BILL user ID (20 characters starting with 006): ${JSON.stringify(userId)}`}`,
			'The user of that organization to log in as (Partner → Get Many Users lists them).',
		);
	if (credentials.scope !== 'partner') {
		// The credential logs in as its own organization's user: that one needs nothing more.
		if (organizationId === credentials.organizationId && userId === credentials.userId)
			return undefined;
		throw refuse(
			context,
			itemIndex,
			'Organization: acting for an organization named in the node needs the credential\'s scope "Partner (All Organizations)"',
			'With scope "Organization (Log In as User)" the credential keeps one organization\'s session, not the partner session BILL needs to log in as users of other organizations.',
		);
	}
	if (!String(credentials.devKey ?? '').trim())
		throw refuse(
			context,
			itemIndex,
			"Organization: the credential has no Developer Key, which BILL needs with a log-in-as-user session for the organization's data",
		);
	return { organizationId, userId, ...mfaOfItem(context, itemIndex) };
}

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
	const credentials = await context.getCredentials('billPartnerApi');
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
						session: Promise.resolve({ sessionId: stored.s, trusted: stored.t }),
						sessionId: stored.s,
						lastUsedMs: now,
					}
				: {
						session: logInAsUser(send, credentials, acting, itemIndex).then(async (made) => {
							await storeOrganizationSession(context, key, {
								s: made.sessionId,
								t: made.trusted,
								at: Date.now(),
							});
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
	const { sessionId, trusted } = await kept.session;
	const saved = context.getNode().credentials?.billPartnerApi;
	return {
		id: saved?.id ?? '',
		name: saved?.name ?? '',
		type: 'billPartnerApi',
		data: {
			...credentials,
			scope: 'organization',
			organizationId: acting.organizationId,
			userId: acting.userId,
			sessionId,
			sessionTrusted: trusted,
			sessionTrustedBy: trusted ? 'mfaIdAtLogin' : 'none',
			[ORGANIZATION_SESSION]: key,
		},
	};
}

/** Whether the organization's session (kept or stored; after a request made it) is MFA-trusted. */
export async function organizationSessionTrusted(
	context: Context,
	acting: ActingFor,
): Promise<boolean> {
	const credentials = await context.getCredentials('billPartnerApi');
	const key = keyOf(credentials, acting);
	const kept = organizationSessions.get(key);
	if (kept) return (await kept.session).trusted;
	return storedOrganizationSessions(credentials)[key]?.t === true;
}

/**
 * Whether n8n's request failed because BILL ended an organization's session (login.ts,
 * session.ts). By name, not instanceof: n8n may load the credential's module apart from the node's.
 */
export function organizationSessionEnded(error: unknown): boolean {
	const cause = (error as { cause?: { name?: string } })?.cause;
	return cause?.name === new OrganizationSessionEnded().name;
}
