import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { loginDigest, mfaFields } from './login';
import { ORGANIZATION_SESSION, OrganizationSessionEnded } from './session';

type Context = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** The node parameters naming the organization to act for and the user to act as (actingFor.ts). */
export const ACT_FOR_ORGANIZATION = 'actForOrganization';
export const ACT_AS_USER = 'actAsUser';

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
	session: Promise<string>;
	/** The session once known (to tell whether a 401 was for the one still kept). */
	sessionId?: string;
	lastUsedMs: number;
}

/**
 * Log-in-as-user sessions, one per (credential, organization, user), in this process's memory.
 * n8n keeps one session per credential (what preAuthentication returns): that is the partner
 * session. A partner acting for hundreds of organizations needs one session per organization
 * (BILL: `POST /v3/partner/login-as-user` "returns a sessionId for the organization", Postman
 * "API login as user"); storing those in the credential would rewrite it on every item. So they
 * are kept here; a new process (restart, another queue-mode worker) logs in as the user once per
 * organization again, with the partner session n8n kept. BILL ends a session after 35 idle
 * minutes (https://developer.bill.com/docs/api-session-management): one idle for 30 is not used.
 */
const organizationSessions = new Map<string, KeptSession>();
const IDLE_MS = 30 * 60 * 1000;
const MAX_SESSIONS = 2000;

export interface ActingFor {
	organizationId: string;
	userId: string;
}

function parameter(context: Context, name: string, itemIndex: number): unknown {
	try {
		if ('getCurrentNodeParameter' in context)
			return context.getCurrentNodeParameter(name, { extractValue: true });
		return (context as IExecuteFunctions).getNodeParameter(name, itemIndex, '', {
			extractValue: true,
		});
	} catch {
		return '';
	}
}

function refuse(context: Context, itemIndex: number, message: string, hint?: string): Error {
	return new NodeOperationError(context.getNode(), `${message} [item ${itemIndex}]`, {
		itemIndex,
		description: hint,
	});
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
	if (typeof resource !== 'string' || NOT_ACTING_RESOURCES.includes(resource)) return undefined;
	const organization = parameter(context, ACT_FOR_ORGANIZATION, itemIndex);
	const user = parameter(context, ACT_AS_USER, itemIndex);
	const credentials = await context.getCredentials('billPartnerApi');
	const organizationId = typeof organization === 'string' ? organization.trim() : organization;
	if (organizationId === '' || organizationId === undefined || organizationId === null) {
		if (credentials.scope === 'partner')
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
	return { organizationId, userId };
}

function keyOf(credentials: ICredentialDataDecryptedObject, acting: ActingFor): string {
	return createHash('sha256')
		.update(`${loginDigest(credentials)}|${acting.organizationId}|${acting.userId}`)
		.digest('hex');
}

function forget(now: number): void {
	for (const [key, kept] of organizationSessions)
		if (now - kept.lastUsedMs > IDLE_MS) organizationSessions.delete(key);
	// Oldest first (insertion order; a renewal re-inserts).
	while (organizationSessions.size >= MAX_SESSIONS)
		organizationSessions.delete(organizationSessions.keys().next().value as string);
}

/** `POST /v3/partner/login-as-user` with the partner session n8n keeps in the credential. */
function logInAsUser(
	send: SendPartnerRequest,
	credentials: ICredentialDataDecryptedObject,
	acting: ActingFor,
	itemIndex: number,
): Promise<string> {
	return send({
		method: 'POST',
		path: '/v3/partner/login-as-user',
		// The credential's MFA ID makes the session MFA-trusted (BILL: rememberMeId + device, Postman
		// "API login as user"); BILL refuses it for a user it was not issued to (BDC_1356).
		body: {
			organizationId: acting.organizationId,
			userId: acting.userId,
			...mfaFields(credentials),
		},
		// A new session, not a business object: a repeat after a lost answer only opens another.
		repeatable: true,
		itemIndex,
	}).then((answer) => {
		if (typeof answer.sessionId !== 'string' || !answer.sessionId)
			throw new Error('BILL returned no session ID for the log-in-as-user');
		return answer.sessionId;
	});
}

/**
 * The session for an organization: the one kept, or one log-in-as-user shared by every request
 * that needs it at once. `ended` is the session BILL just refused: it is replaced (once, however
 * many requests saw it end); a session already renewed by another request is used as it is.
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
	if (!kept || (ended !== undefined && kept.sessionId === ended)) {
		organizationSessions.delete(key);
		const session = logInAsUser(send, credentials, acting, itemIndex);
		const entry: KeptSession = { session, lastUsedMs: now };
		kept = entry;
		organizationSessions.set(key, entry);
		session.then(
			(id) => (entry.sessionId = id),
			() => organizationSessions.get(key) === entry && organizationSessions.delete(key),
		);
	}
	kept.lastUsedMs = now;
	const sessionId = await kept.session;
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
			[ORGANIZATION_SESSION]: key,
		},
	};
}

/**
 * Whether n8n's request failed because BILL ended an organization's session (login.ts,
 * session.ts). By name, not instanceof: n8n may load the credential's module apart from the node's.
 */
export function organizationSessionEnded(error: unknown): boolean {
	const cause = (error as { cause?: { name?: string } })?.cause;
	return cause?.name === new OrganizationSessionEnded().name;
}
