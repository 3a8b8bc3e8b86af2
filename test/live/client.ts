/**
 * One side of the live check (BILL's sandbox, or the emulator it is compared with): a plain
 * `fetch` client with BILL's headers, its own session, and the ids it created. It sends only
 * the calls the live check makes: reads, and the few writes in WRITES below. Anything else
 * (a payment, a bank account, an approval, an MFA SMS...) is refused before it is sent.
 */
import { randomUUID } from 'crypto';

import type { BillUrls, LiveCredentials } from './config';

export type SideName = 'BILL' | 'emulator';
export type Host = 'api' | 'events';

export interface CallRequest {
	method: 'GET' | 'POST' | 'DELETE';
	host: Host;
	path: string;
	query?: Record<string, string>;
	body?: unknown;
	/** `session` (the side's session), `none` (the login), `invalid` (a session ID BILL never gave). */
	auth: 'session' | 'none' | 'invalid';
	/** Sends an `X-Idempotent-Key` (UUID4), as BILL requires on a subscription create. */
	idempotencyKey?: boolean;
}

export interface Answer {
	status: number;
	body: unknown;
	/** Set when no HTTP answer came (network error, timeout). */
	error?: string;
}

/** The only writes the live check makes: no payment, no bank account, no approval, no SMS. */
const WRITES: Array<{ method: string; host: Host; path: RegExp }> = [
	{ method: 'POST', host: 'api', path: /^\/v3\/login$/ },
	{ method: 'POST', host: 'api', path: /^\/v3\/logout$/ },
	{ method: 'POST', host: 'api', path: /^\/v3\/vendors$/ },
	{ method: 'POST', host: 'api', path: /^\/v3\/vendors\/009[^/]*\/archive$/ },
	{ method: 'POST', host: 'api', path: /^\/v3\/bills$/ },
	{ method: 'POST', host: 'api', path: /^\/v3\/bills\/00n[^/]*\/archive$/ },
	{ method: 'POST', host: 'events', path: /^\/v3\/subscriptions$/ },
	{ method: 'POST', host: 'events', path: /^\/v3\/subscriptions\/[0-9a-f-]+\/test$/i },
	{ method: 'DELETE', host: 'events', path: /^\/v3\/subscriptions\/[0-9a-f-]+$/i },
];

export class RefusedCall extends Error {}

/** Throws unless the call is a read or one of WRITES. */
export function assertAllowed(method: string, host: Host, path: string): void {
	if (method === 'GET') return;
	if (WRITES.some((w) => w.method === method && w.host === host && w.path.test(path))) return;
	throw new RefusedCall(
		`The live check does not send ${method} ${path}: it makes no payment and changes nothing but its own test vendor, bill and webhook subscription.`,
	);
}

const INVALID_SESSION_ID = 'n8n-live-check-not-a-session';
const TIMEOUT_MS = 30_000;

export class BillSide {
	sessionId?: string;
	/** Ids this side created or read (vendorId, billId, subscriptionId...), by name. */
	readonly vars: Record<string, string> = {};
	/** Every session ID this side was given (masked in the report). */
	readonly sessionIds: string[] = [];

	constructor(
		readonly name: SideName,
		readonly urls: BillUrls,
		readonly credentials: LiveCredentials,
	) {}

	async call(request: CallRequest): Promise<Answer> {
		assertAllowed(request.method, request.host, request.path);
		const base = request.host === 'events' ? this.urls.events : this.urls.api;
		const query = new URLSearchParams(request.query ?? {}).toString();
		const url = `${base}${request.path}${query ? `?${query}` : ''}`;
		const headers: Record<string, string> = { Accept: 'application/json' };
		if (request.body !== undefined) headers['Content-Type'] = 'application/json';
		if (request.auth !== 'none') {
			headers.devKey = this.credentials.devKey;
			headers.sessionId =
				request.auth === 'invalid' ? INVALID_SESSION_ID : (this.sessionId ?? INVALID_SESSION_ID);
		}
		if (request.idempotencyKey) headers['X-Idempotent-Key'] = randomUUID();
		let response: Response;
		try {
			response = await fetch(url, {
				method: request.method,
				headers,
				body: request.body === undefined ? undefined : JSON.stringify(request.body),
				signal: AbortSignal.timeout(TIMEOUT_MS),
				redirect: 'manual',
			});
		} catch (error) {
			const cause = (error as { cause?: { code?: string } }).cause?.code;
			return { status: 0, body: undefined, error: cause ?? (error as Error).name };
		}
		const text = await response.text();
		let body: unknown = undefined;
		if (text) {
			try {
				body = JSON.parse(text);
			} catch {
				body = `(not JSON: ${text.length} characters)`;
			}
		}
		return { status: response.status, body };
	}
}
