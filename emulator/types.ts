/**
 * The emulator's types: a request as routes see it, a reply, a route, the options, the request
 * log. server.ts re-exports them, so routes import them from there as before.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'http';

import type { Clock } from './clock';
import type { Readings } from './readings';
import type { Emulator } from './server';
import type { Fixtures, Json, Organization, Session, State, User } from './state';

export type AuthKind = 'none' | 'organization' | 'partner' | 'organizationOrPartner';
export type Host = 'api' | 'events' | 'auth';

export interface RequestContext {
	method: string;
	path: string;
	params: Record<string, string>;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	body: unknown;
	rawBody: Buffer;
	state: State;
	clock: Clock;
	emulator: Emulator;
	/** Set on authenticated routes. */
	session?: Session;
	/** The organization of an organization-level session. */
	organization?: Organization;
	user?: User;
}

export interface Reply {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (context: RequestContext) => Reply | Promise<Reply>;

export interface Route {
	method: string;
	host: Host;
	pattern: string;
	regex: RegExp;
	names: string[];
	handler: Handler;
	auth: AuthKind;
	/**
	 * Serves only requests whose headers it accepts, before any route of the same method and
	 * path without it (S&E subscriptions: `/v3/subscriptions` with `apiToken`, routes/spendWebhooks.ts).
	 */
	when?: (headers: IncomingHttpHeaders) => boolean;
}

export interface EmulatorOptions {
	port?: number;
	/** Simulated network round trip added to every API answer, in ms (default 0). */
	latencyMs?: number;
	/** BILL's limits: 3 concurrent requests per organization and developer key, 20,000 an hour (default on). */
	limits?: boolean;
	/** Requests per developer key per hour (default 20,000, https://developer.bill.com/docs/api-rate-limits). */
	hourlyLimit?: number;
	fixtures?: Fixtures;
	/** Webhook deliveries: attempts before a subscription is disabled, and the first backoff (ms). */
	webhookAttempts?: number;
	webhookBackoffMs?: number;
	/**
	 * What `mfaStatus` of `GET /v3/login/session` describes, which BILL leaves open (routes/auth.ts):
	 * `organization` (default, BILL's reference: "MFA status of the organization") or `session`
	 * (the reading of third-party code: COMPLETE once this session is MFA-trusted, NONE before).
	 */
	mfaStatusReading?: MfaStatusReading;
	/** Which reading the emulator plays where BILL's documents are silent (readings.ts). */
	readings?: Partial<Readings>;
}

export type MfaStatusReading = 'organization' | 'session';

export interface RequestLogEntry {
	at: string;
	method: string;
	/** The route's pattern, e.g. `/v3/bills/:billId` (no ids, no query, no secrets). */
	route: string;
	path: string;
	status: number;
	code?: string;
	organizationId?: string;
	/** The session's label (`s1`…, never its ID): which session each request carried. */
	session?: string;
	ms: number;
}

export type EventListener = (event: {
	type: string;
	organizationId: string;
	entityKey: string;
	entity: Json;
}) => void;
