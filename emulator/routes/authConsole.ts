/**
 * The two other sign-ins BILL documents for AP/AR:
 * - Accountant Console (https://developer.bill.com/docs/bill-accountant-console-operations):
 *   `POST /v3/login` with `consoleApiToken` in place of `password`, the console user's email,
 *   the client organization and a developer key; `GET /v3/login/organizations` lists the
 *   organizations the session can reach (https://developer.bill.com/changelog/2025-01-21-new-endpoint-login-organizations).
 * - AP/AR sync token (https://developer.bill.com/docs/token-based-sign-in): the token's name as
 *   username, the token as password; no payments, no MFA; the session lasts 48 hours of
 *   inactivity. BILL does not say how it refuses a payment: the emulator answers 403 BDC_1146.
 */
import { BillError } from '../errors';
import { listPage } from '../list';
import type { Emulator, RequestContext } from '../server';
import type { Json, Session, User } from '../state';

export const CONSOLE_FIXTURES = {
	username: 'books@firm.example',
	consoleApiToken: 'emu-console-token-3c9d1f',
};

export const SYNC_FIXTURES = { tokenName: 'n8n-sync', token: 'emu-sync-token-a71f03' };

/** Sync-token sessions end after 48 hours of inactivity, not 35 minutes. */
export const SYNC_SESSION_IDLE_MS = 48 * 60 * 60 * 1000;

/** What a login opens, for auth.ts's openSession. */
export type LoginOf = Omit<Session, 'id' | 'lastUsedMs'>;

/** The console's client organizations: every organization of the emulator's sandbox. */
const consoleOrganizations = (context: RequestContext) => [...context.state.organizations.values()];

/** A console or sync-token login, or undefined for a user's own login (auth.ts plays it). */
export function otherLogin(context: RequestContext, body: Json): LoginOf | undefined {
	const organizationId = String(body.organizationId ?? '');
	if (body.consoleApiToken !== undefined) {
		if (
			String(body.username).toLowerCase() !== CONSOLE_FIXTURES.username ||
			body.consoleApiToken !== CONSOLE_FIXTURES.consoleApiToken
		)
			throw new BillError(400, 'BDC_1103', 'Incorrect console API token or username.');
		if (!consoleOrganizations(context).some((o) => o.id === organizationId))
			throw new BillError(
				403,
				'BDC_1146',
				`Organization ${organizationId} is not a client of this console.`,
			);
		const user = firstAdmin(context, organizationId);
		return {
			kind: 'organization',
			organizationId,
			userId: user?.id,
			devKey: String(body.devKey),
			trusted: false,
			via: 'console',
		};
	}
	if (body.username === SYNC_FIXTURES.tokenName) {
		if (
			body.password !== SYNC_FIXTURES.token ||
			organizationId !== context.state.fixtures.organizationId
		)
			throw new BillError(400, 'BDC_1103', 'Incorrect token name or token.');
		if (body.rememberMeId !== undefined)
			throw new BillError(400, 'BDC_1002', 'MFA is not available to sync tokens.');
		const user = firstAdmin(context, organizationId);
		return {
			kind: 'organization',
			organizationId,
			userId: user?.id,
			devKey: String(body.devKey),
			trusted: false,
			via: 'syncToken',
		};
	}
	return undefined;
}

function firstAdmin(context: RequestContext, organizationId: string): User | undefined {
	return [...context.state.users.values()].find(
		(u) => u.organizationId === organizationId && u.role === 'ADMINISTRATOR',
	);
}

const SYNC_REFUSED: Array<[RegExp, RegExp]> = [
	[/^POST$/, /^\/v3\/payments(\/bulk)?$/],
	[/^(POST|PATCH|PUT|DELETE)$/, /^\/v3\/funding-accounts\//],
	[/^POST$/, /^\/v3\/receivable-payments$/],
	[/^(GET|POST)$/, /^\/v3\/mfa\//],
];

/** A sync-token session asking for a payment or MFA: refused. */
export function refuseForSyncToken(context: RequestContext, session: Session): void {
	if (session.via !== 'syncToken') return;
	if (SYNC_REFUSED.some(([m, p]) => m.test(context.method) && p.test(context.path)))
		throw new BillError(
			403,
			'BDC_1146',
			'This operation is not available with a sync token session.',
			'APPLICATION',
		);
}

export function registerConsole(emulator: Emulator): void {
	emulator.add('GET', '/v3/login/organizations', (context) => {
		const session = context.session!;
		const reachable =
			session.via === 'console'
				? consoleOrganizations(context)
				: [context.state.organizations.get(session.organizationId!)!];
		const all = reachable.map((o) => ({ id: o.id, name: o.name, archived: false }));
		return {
			body: listPage(all, context.query, { filterable: { id: ['eq', 'in'] }, sortable: ['name'] }),
		};
	});
}
