import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { resolveBaseUrls } from './environment';
import { STORE_ORGANIZATION_SESSIONS, STORE_PARTNER_SESSION } from './session';

type Context = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/**
 * One organization's log-in-as-user session as the partner credential keeps it (hidden field
 * `organizationSessions`, JSON by key: a digest of the login fields, organization, user and MFA
 * ID, naming none of them): `s` the session, `t` BILL's `trusted` from the log-in-as-user
 * (Postman "API login as user"), `b` how BILL made it trusted later when it did (Session → Step
 * Up, MFA → Validate Challenge), `at` when it was stored (to drop the oldest beyond the limit).
 */
export interface StoredOrganizationSession {
	s: string;
	t: boolean;
	b?: 'stepUp' | 'challenge';
	at: number;
}

export type StoredOrganizationSessions = Record<string, StoredOrganizationSession>;

/** Beyond this many organizations (and users) the oldest sessions are dropped: ~100 bytes each. */
const MAX_STORED = 2000;

/** The sessions stored with the credential; anything unreadable counts as none (a login follows). */
export function storedOrganizationSessions(
	credentials: ICredentialDataDecryptedObject,
): StoredOrganizationSessions {
	const raw = credentials.organizationSessions;
	if (typeof raw !== 'string' || !raw) return {};
	try {
		const parsed = JSON.parse(raw) as unknown;
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
		const out: StoredOrganizationSessions = {};
		for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
			const entry = value as Partial<StoredOrganizationSession> | null;
			if (entry && typeof entry.s === 'string' && entry.s)
				out[key] = {
					s: entry.s,
					t: entry.t === true,
					...(entry.b === 'stepUp' || entry.b === 'challenge' ? { b: entry.b } : {}),
					at: Number(entry.at) || 0,
				};
		}
		return out;
	} catch {
		return {};
	}
}

function withEntry(
	sessions: StoredOrganizationSessions,
	key: string,
	entry: StoredOrganizationSession,
): StoredOrganizationSessions {
	const all = Object.entries({ ...sessions, [key]: entry }).sort(([, a], [, b]) => b.at - a.at);
	return Object.fromEntries(all.slice(0, MAX_STORED));
}

/** The credentials that keep organizations' sessions: the partner's, the Accountant Console's. */
export type SessionKeeper = 'billPartnerApi' | 'billConsoleApi';

/**
 * The cheap read that carries the copy to store: with the partner session, Postman "Get list of
 * organizations"; with the console's own session, "the organizations the session can reach"
 * (https://developer.bill.com/changelog/2025-01-21-new-endpoint-login-organizations).
 */
const STORE_READ: Record<SessionKeeper, string> = {
	billPartnerApi: '/v3/partner/organizations',
	billConsoleApi: '/v3/login/organizations',
};

/** This process's writes, one credential at a time (each reads the credential anew first). */
const writes = new Map<string, Promise<void>>();

/**
 * Stores one organization's new session with the partner credential, through n8n: the copy asks
 * the credential's preAuthentication to return the partner session unchanged and the sessions
 * of the organizations with this one added (session.ts, STORE_ORGANIZATION_SESSIONS), which n8n
 * writes to its database. The request that carries the copy is a partner-level read (Postman
 * "Get list of organizations", one organization). Every process (queue-mode workers, the next
 * execution) then finds the session there instead of logging in as the user again.
 *
 * The writes of this process follow one another, each merging into what the database holds just
 * before it. n8n has no lock around a credential: two workers writing at the same instant can
 * lose one of their two sessions (that organization then logs in once more, later). Never fails
 * the operation: the session is BILL's whatever happens here, and this process keeps it.
 */
export async function storeOrganizationSession(
	context: Context,
	key: string,
	entry: StoredOrganizationSession,
	type: SessionKeeper = 'billPartnerApi',
): Promise<void> {
	const saved = context.getNode().credentials?.[type];
	if (!saved?.id) return;
	const previous = writes.get(saved.id) ?? Promise.resolve();
	const write = previous.then(async () => await writeNow(context, { ...saved, type }, key, entry));
	writes.set(saved.id, write);
	try {
		await write;
	} finally {
		if (writes.get(saved.id) === write) writes.delete(saved.id);
	}
}

async function writeNow(
	context: Context,
	saved: { id: string | null; name: string; type: SessionKeeper },
	key: string,
	entry: StoredOrganizationSession,
): Promise<void> {
	const { type } = saved;
	try {
		const fresh = await context.getCredentials(type);
		const partnerSession = String(fresh.sessionId ?? '');
		if (!partnerSession) return;
		const sessions = withEntry(storedOrganizationSessions(fresh), key, entry);
		await context.helpers.httpRequestWithAuthentication.call(
			context,
			type,
			{
				method: 'GET',
				url: `${resolveBaseUrls(fresh).api}${STORE_READ[type]}`,
				qs: { max: 1 },
				headers: { Accept: 'application/json' },
				json: true,
				timeout: 120_000,
			},
			{
				credentialsDecrypted: {
					id: saved.id ?? '',
					name: saved.name,
					type,
					data: {
						...fresh,
						...(type === 'billPartnerApi' ? { scope: 'partner' } : {}),
						sessionId: '',
						[STORE_PARTNER_SESSION]: partnerSession,
						[STORE_ORGANIZATION_SESSIONS]: JSON.stringify(sessions),
					},
				},
			},
		);
	} catch {
		// See above: the session stays BILL's, and this process keeps it in memory.
	}
}
