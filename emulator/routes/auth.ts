/**
 * Logins and sessions (https://developer.bill.com/docs/bill-keys-tokens): organization login, logout, session details, partner
 * login and login-as-user. A login with a valid MFA ID (`rememberMeId`) and its `device` is
 * MFA-trusted.
 */
import { randomBytes } from 'crypto';

import { BillError, errors } from '../errors';
import { listPage } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import type { Json, Session, User } from '../state';
import { otherLogin } from './authConsole';

function newSessionId(): string {
	return `emu!${randomBytes(24).toString('base64url')}`;
}

export function required(body: Json, fields: string[]): void {
	for (const field of fields) {
		const value = body[field];
		if (value === undefined || value === null || value === '')
			throw errors.invalid(`${field}: must not be null`);
	}
}

/**
 * Whether `rememberMeId` + `device` make this login trusted. BILL does not document what a
 * login with a bad or expired MFA ID does (https://developer.bill.com/docs/common-api-error-codes lists BDC_1356 as "MFA expired"
 * from third-party code); the emulator refuses the login with BDC_1356, so a stale MFA ID is
 * noticed at once rather than turning into an untrusted session that fails later.
 */
function trustedBy(context: RequestContext, body: Json, user: User): boolean {
	const rememberMeId = body.rememberMeId as string | undefined;
	const device = body.device as string | undefined;
	if (!rememberMeId && !device) return false;
	if (!rememberMeId || !device)
		throw errors.invalid('rememberMeId and device must be set together');
	const known = context.state.rememberMe.get(rememberMeId);
	if (
		!known ||
		known.userId !== user.id ||
		known.device !== device ||
		known.expiresMs < context.clock.ms()
	) {
		throw errors.mfaInvalid();
	}
	return true;
}

function openSession(
	context: RequestContext,
	session: Omit<Session, 'id' | 'lastUsedMs'>,
): Session {
	const created: Session = {
		...session,
		id: newSessionId(),
		lastUsedMs: context.clock.ms(),
		label: `s${++context.state.sessionCount}`,
	};
	context.state.sessions.set(created.id, created);
	return created;
}

export function registerAuth(emulator: Emulator): void {
	emulator.add(
		'POST',
		'/v3/login',
		(context) => {
			const body = objectBody(context);
			const byConsole = body.consoleApiToken !== undefined;
			required(body, [
				'username',
				byConsole ? 'consoleApiToken' : 'password',
				'organizationId',
				'devKey',
			]);
			if (!context.state.devKeys.has(String(body.devKey))) throw errors.devKeyInvalid();
			context.emulator.countLogin(String(body.devKey));
			// Accountant Console and sync-token sign-ins (authConsole.ts).
			const other = otherLogin(context, body);
			if (other) {
				const session = openSession(context, other);
				return {
					body: {
						organizationId: other.organizationId,
						sessionId: session.id,
						trusted: false,
						userId: other.userId,
					},
				};
			}
			const user = context.state.userByLogin(String(body.username), String(body.organizationId));
			if (!user || user.password !== body.password) throw errors.wrongPassword();
			const trusted = trustedBy(context, body, user);
			const session = openSession(context, {
				kind: 'organization',
				organizationId: user.organizationId,
				userId: user.id,
				devKey: String(body.devKey),
				trusted,
			});
			return {
				body: {
					organizationId: user.organizationId,
					sessionId: session.id,
					trusted,
					userId: user.id,
				},
			};
		},
		{ auth: 'none' },
	);

	emulator.add(
		'POST',
		'/v3/logout',
		(context) => {
			context.state.sessions.delete(context.session!.id);
			return { status: 200 };
		},
		{ auth: 'organizationOrPartner' },
	);

	emulator.add('GET', '/v3/login/session', (context) => {
		const user = context.user!;
		// What mfaStatus describes is open: BILL's reference (developer.bill.com/reference/getsessioninfo)
		// calls it the MFA status of the organization and documents only DISABLED; third-party code
		// reads it per session (COMPLETE after a step-up, NONE before). The emulator plays either
		// (options.mfaStatusReading). Organization: "COMPLETE" (third-party word) once the user has
		// an MFA phone, "INCOMPLETE" (the emulator's word) before, whatever this session's trust.
		// Session: COMPLETE when this session is MFA-trusted, NONE when not.
		const mfaStatus =
			context.emulator.options.mfaStatusReading === 'session'
				? context.session!.trusted
					? 'COMPLETE'
					: 'NONE'
				: user.phones.length
					? 'COMPLETE'
					: 'INCOMPLETE';
		return {
			body: {
				organizationId: context.organization!.id,
				userId: user.id,
				mfaStatus,
				mfaBypass: false,
			},
		};
	});

	registerPartnerAuth(emulator);
}

/** The partner's sign-in, its log-in as a user of a client organization, and its organizations. */
function registerPartnerAuth(emulator: Emulator): void {
	emulator.add(
		'POST',
		'/v3/partner/login',
		(context) => {
			const body = objectBody(context);
			required(body, ['username', 'password', 'appKey']);
			if (!context.state.appKeys.has(String(body.appKey)))
				throw new BillError(400, 'BDC_1102', 'App key is invalid.');
			context.emulator.countLogin(String(body.appKey));
			const partner = context.state.partners.get(String(body.username));
			if (!partner || partner.password !== body.password || partner.appKey !== body.appKey)
				throw errors.wrongPassword();
			const session = openSession(context, {
				kind: 'partner',
				appKey: partner.appKey,
				partnerUser: partner.username,
				trusted: false,
			});
			return { body: { sessionId: session.id } };
		},
		{ auth: 'none' },
	);

	emulator.add(
		'POST',
		'/v3/partner/login-as-user',
		(context) => {
			const body = objectBody(context);
			required(body, ['organizationId', 'userId']);
			const partner = context.session!;
			const organization = context.state.organizations.get(String(body.organizationId));
			if (!organization || organization.appKey !== partner.appKey) {
				throw errors.forbidden(
					`Organization ${String(body.organizationId)} was not created with this app key`,
				);
			}
			const user = context.state.users.get(String(body.userId));
			if (!user || user.organizationId !== organization.id)
				throw errors.invalid(
					`userId: no user ${String(body.userId)} in organization ${organization.id}`,
				);
			const trusted = trustedBy(context, body, user);
			const logins = context.state.loginsAsUser;
			logins.set(organization.id, (logins.get(organization.id) ?? 0) + 1);
			// After login-as-user, org-level calls take this session plus a developer key (https://developer.bill.com/changelog/2024-04-22-new-v3-capabilities-for-bill-partners).
			const session = openSession(context, {
				kind: 'organization',
				organizationId: organization.id,
				userId: user.id,
				trusted,
			});
			return { body: { sessionId: session.id, trusted } };
		},
		{ auth: 'partner' },
	);

	emulator.add(
		'GET',
		'/v3/partner/organizations',
		(context) => {
			// Postman "Get list of organizations": BILL's page envelope; filters beyond `id` are not
			// documented (the emulator takes `id` only), sort as the Postman example (`createdTime`).
			const appKey = context.session!.appKey;
			const all = [...context.state.organizations.values()]
				.filter((o) => o.appKey === appKey)
				.map((o) => ({ id: o.id, archived: false, name: o.name }));
			return {
				body: listPage(all, context.query, {
					filterable: { id: ['eq', 'in'] },
					sortable: ['name', 'createdTime'],
				}),
			};
		},
		{ auth: 'partner' },
	);
}
