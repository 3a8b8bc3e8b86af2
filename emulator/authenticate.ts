/**
 * Who a request is (https://developer.bill.com/docs/bill-keys-tokens): an OAuth Bearer token, or a
 * session with the developer key it logged in with (organization level) or the app key (partner
 * level); sessions end after idle minutes (https://developer.bill.com/reference/login).
 */
import { BillError, errors } from './errors';
import { header } from './http';
import { SYNC_SESSION_IDLE_MS, refuseForSyncToken } from './routes/authConsole';
import { bearerSession } from './routes/authOAuth';
import type { Emulator } from './server';
import type { AuthKind, RequestContext } from './types';

/** Sessions end after 35 idle minutes; every call resets the timer (https://developer.bill.com/reference/login). */
export const SESSION_IDLE_MS = 35 * 60 * 1000;

/** Sets the request's session, organization and user, or refuses it as BILL does. */
export function authenticate(emulator: Emulator, kind: AuthKind, context: RequestContext): void {
	if (kind === 'none') return;
	// OAuth: a Bearer token alone stands for its app's organization session (routes/authOAuth.ts).
	const bearer = bearerSession(emulator, context);
	if (bearer) {
		if (kind === 'partner') throw errors.sessionInvalid();
		context.session = bearer;
		context.organization = emulator.state.organizations.get(bearer.organizationId!);
		context.user = emulator.state.users.get(bearer.userId!);
		return;
	}
	const sessionId = header(context, 'sessionid');
	const devKey = header(context, 'devkey');
	const appKey = header(context, 'appkey');
	// readings.ts keyHeaders: the strict reading refuses a call that carries both keys (an
	// empty header counts: it is carried), since BILL documents one pair per level.
	if (
		emulator.readings.keyHeaders === 'strict' &&
		context.headers.devkey !== undefined &&
		context.headers.appkey !== undefined
	) {
		throw errors.invalid(
			'Send devKey (organization level) or appKey (partner level) with the sessionId, not both.',
		);
	}
	const session = sessionId ? emulator.state.sessions.get(sessionId) : undefined;
	const idleMs = session?.via === 'syncToken' ? SYNC_SESSION_IDLE_MS : SESSION_IDLE_MS;
	if (!session || emulator.clock.ms() - session.lastUsedMs > idleMs) {
		if (session) emulator.state.sessions.delete(session.id);
		throw errors.sessionInvalid();
	}
	const partnerAllowed = kind === 'partner' || kind === 'organizationOrPartner';
	const organizationAllowed = kind === 'organization' || kind === 'organizationOrPartner';
	if (session.kind === 'partner') {
		if (!partnerAllowed) throw errors.sessionInvalid();
		if (!appKey || appKey !== session.appKey)
			throw new BillError(401, 'BDC_1102', 'App key is invalid.');
	} else {
		if (!organizationAllowed) throw errors.sessionInvalid();
		// A session is bound to the developer key it logged in with (https://developer.bill.com/docs/bill-keys-tokens).
		if (!devKey || !emulator.state.devKeys.has(devKey)) throw errors.devKeyInvalid();
		// A login-as-user session has no key of its own yet: any valid developer key goes with it.
		if (session.devKey && devKey !== session.devKey) throw errors.sessionInvalid();
		context.organization = emulator.state.organizations.get(session.organizationId!);
		context.user = emulator.state.users.get(session.userId!);
		refuseForSyncToken(context, session);
	}
	session.lastUsedMs = emulator.clock.ms();
	context.session = session;
}
