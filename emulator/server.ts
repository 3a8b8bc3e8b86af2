/**
 * The BILL v3 emulator: a local HTTP server that answers like BILL's sandbox, on the two hosts
 * BILL has (`/connect` for AP/AR/partner, `/connect-events` for webhooks, https://developer.bill.com/docs/get-started-in-production).
 * Sessions, limits, errors and lists follow BILL's pages cited where each is played; routes live in routes/, one file per
 * BILL area. `/__emulator/*` is a control API for tests, the demo and benchmarks (never BILL's).
 */
import {
	createServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'http';
import type { AddressInfo, Socket } from 'net';

import { Clock } from './clock';
import { BillError, NotFoundError, errors } from './errors';
import { FaultSet, type Fault } from './faults';
import { DEFAULT_READINGS, withReadings, type Readings } from './readings';
import { bearerSession } from './routes/authOAuth';
import { SYNC_SESSION_IDLE_MS, refuseForSyncToken } from './routes/authConsole';
import {
	FIXTURES,
	State,
	type Delivery,
	type Fixtures,
	type Json,
	type Organization,
	type Session,
	type User,
} from './state';

/** Sessions end after 35 idle minutes; every call resets the timer (https://developer.bill.com/reference/login). */
export const SESSION_IDLE_MS = 35 * 60 * 1000;

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

interface Route {
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

export class Emulator {
	readonly clock = new Clock();
	state: State;
	readonly faults = new FaultSet();
	readonly log: RequestLogEntry[] = [];
	readonly routes: Route[] = [];
	readonly options: Required<Omit<EmulatorOptions, 'fixtures' | 'port' | 'readings'>>;
	/** Where BILL's documents are silent, the reading played (readings.ts); reset() restores the start's. */
	readings: Readings;
	private readonly listeners: EventListener[] = [];
	/** Webhook deliveries still running (with their retries), and tests waiting on deliveries. */
	private readonly pendingDeliveries = new Set<Promise<unknown>>();
	private deliveryWaiters: Array<() => void> = [];
	private readonly inFlight = new Map<string, number>();
	private readonly hourly = new Map<string, { hour: number; count: number }>();
	private server?: Server;
	private readonly sockets = new Set<Socket>();
	url = '';

	constructor(readonly emulatorOptions: EmulatorOptions = {}) {
		this.state = new State(emulatorOptions.fixtures ?? FIXTURES);
		this.options = {
			latencyMs: emulatorOptions.latencyMs ?? 0,
			limits: emulatorOptions.limits ?? true,
			hourlyLimit: emulatorOptions.hourlyLimit ?? 20_000,
			webhookAttempts: emulatorOptions.webhookAttempts ?? 4,
			webhookBackoffMs: emulatorOptions.webhookBackoffMs ?? 50,
			mfaStatusReading: emulatorOptions.mfaStatusReading ?? 'organization',
		};
		this.readings = withReadings(DEFAULT_READINGS, emulatorOptions.readings ?? {});
	}

	get fixtures(): Fixtures {
		return this.state.fixtures;
	}

	/** `http://127.0.0.1:port/connect`: what a credential's Custom Base URL takes. */
	get baseUrl(): string {
		return `${this.url}/connect`;
	}

	get eventsBaseUrl(): string {
		return `${this.url}/connect-events`;
	}

	add(
		method: string,
		pattern: string,
		handler: Handler,
		options: { auth?: AuthKind; host?: Host; when?: Route['when'] } = {},
	): void {
		const names: string[] = [];
		const regex = new RegExp(
			`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, name: string) => {
				names.push(name);
				return '([^/]+)';
			})}$`,
		);
		this.routes.push({
			method,
			host: options.host ?? 'api',
			pattern,
			regex,
			names,
			handler,
			auth: options.auth ?? 'organization',
			when: options.when,
		});
	}

	onEvent(listener: EventListener): void {
		this.listeners.push(listener);
	}

	/** A change in BILL that webhooks report (the webhooks routes deliver it). */
	emit(type: string, organizationId: string, entityKey: string, entity: Json): void {
		for (const listener of this.listeners) listener({ type, organizationId, entityKey, entity });
	}

	/** Webhook delivery attempts since the last reset, oldest first (routes/webhooks.ts records them). */
	get deliveries(): Delivery[] {
		return this.state.deliveries;
	}

	/**
	 * Records a delivery attempt in the state it started in (a delivery still running across a
	 * reset does not leak into the next test), and wakes tests waiting on deliveries.
	 */
	recordDelivery(state: State, delivery: Delivery): void {
		state.deliveries.push(delivery);
		this.notifyDeliveryWaiters();
	}

	/** Keeps track of a delivery (all its attempts) so tests can wait until none is running. */
	trackDelivery(delivery: Promise<unknown>): void {
		this.pendingDeliveries.add(delivery);
		void delivery.finally(() => {
			this.pendingDeliveries.delete(delivery);
			this.notifyDeliveryWaiters();
		});
	}

	/** Resolves once `count` delivery attempts (optionally only those matching) are recorded. */
	async waitForDeliveries(
		count: number,
		options: { timeoutMs?: number; where?: (d: Delivery) => boolean } = {},
	): Promise<Delivery[]> {
		const matching = () => this.state.deliveries.filter(options.where ?? (() => true));
		await this.waitUntil(
			() => matching().length >= count,
			options.timeoutMs ?? 5000,
			() => `${count} webhook deliveries (got ${matching().length})`,
		);
		return matching();
	}

	/** Resolves once no webhook delivery (nor any of its retries) is running. */
	async deliveriesSettled(timeoutMs = 5000): Promise<void> {
		await this.waitUntil(
			() => this.pendingDeliveries.size === 0,
			timeoutMs,
			() => `${this.pendingDeliveries.size} webhook deliveries to finish`,
		);
	}

	private notifyDeliveryWaiters(): void {
		const waiters = this.deliveryWaiters;
		this.deliveryWaiters = [];
		for (const wake of waiters) wake();
	}

	private async waitUntil(
		done: () => boolean,
		timeoutMs: number,
		what: () => string,
	): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!done()) {
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`Timed out waiting for ${what()}`);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, left);
				this.deliveryWaiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
	}

	/** Requests counted by route, e.g. `{ 'POST /v3/login': 1, 'GET /v3/bills': 12 }`. */
	stats(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const entry of this.log) {
			const key = `${entry.method} ${entry.route}`;
			counts[key] = (counts[key] ?? 0) + 1;
		}
		return counts;
	}

	/** Successful logins of any kind (organization, partner, login-as-user). */
	logins(): number {
		return this.log.filter(
			(e) => e.status === 200 && /\/login(-as-user)?$/.test(e.route) && e.method === 'POST',
		).length;
	}

	requests(filter?: { method?: string; route?: string | RegExp }): RequestLogEntry[] {
		return this.log.filter(
			(e) =>
				(!filter?.method || e.method === filter.method) &&
				(!filter?.route ||
					(typeof filter.route === 'string'
						? e.route === filter.route
						: filter.route.test(e.route))),
		);
	}

	/** Forgets all data, sessions, faults and the log; fixtures come back. */
	reset(): void {
		this.state = new State(this.state.fixtures);
		this.faults.clear();
		this.log.length = 0;
		this.hourly.clear();
		this.readings = withReadings(DEFAULT_READINGS, this.emulatorOptions.readings ?? {});
	}

	async start(port = this.emulatorOptions.port ?? 0): Promise<this> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, '127.0.0.1', () => resolve());
		});
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const started = Date.now();
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://emulator');
		const method = (req.method ?? 'GET').toUpperCase();

		if (url.pathname.startsWith('/__emulator/')) {
			const { control } = await import('./control');
			const reply = await control(this, method, url, rawBody);
			return send(res, reply.status ?? 200, reply.body);
		}

		let host: Host | undefined;
		let path = url.pathname;
		if (path.startsWith('/connect-events/')) {
			host = 'events';
			path = path.slice('/connect-events'.length);
		} else if (path.startsWith('/connect/')) {
			host = 'api';
			path = path.slice('/connect'.length);
		} else if (path.startsWith('/authx/')) {
			// BILL's OAuth host (https://auth.stage.bill.com/authx/token): here the same origin.
			host = 'auth';
		}
		const entry: RequestLogEntry = {
			at: this.clock.timestamp(),
			method,
			route: path,
			path,
			status: 0,
			ms: 0,
		};
		let limitKey: string | undefined;
		let reply: Reply;
		const fault = this.faults.take(method, path);
		try {
			if (fault?.kind === 'resetBefore') {
				entry.status = -1;
				entry.route = `${path} (connection reset before)`;
				this.log.push(entry);
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'status')
				throw new BillError(
					fault.status ?? 500,
					fault.code ?? 'BDC_1001',
					fault.message ?? 'System error occurred.',
					'SERVER',
				);
			if (fault?.kind === 'limit1322') throw errors.concurrency();
			if (fault?.kind === 'limit1144') throw errors.hourly(this.options.hourlyLimit);
			const candidates = this.routes.filter(
				(r) => r.host === host && r.method === method && r.regex.test(path),
			);
			const route =
				candidates.find((r) => r.when?.(req.headers)) ?? candidates.find((r) => !r.when);
			if (!route) {
				const known = host && this.routes.some((r) => r.host === host && r.regex.test(path));
				throw known
					? new BillError(405, 'BDC_1121', `Method ${method} not supported on ${path}`)
					: errors.notSupported(method, url.pathname);
			}
			entry.route = route.pattern;
			const params: Record<string, string> = {};
			const match = route.regex.exec(path)!;
			route.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
			const context: RequestContext = {
				method,
				path,
				params,
				query: Object.fromEntries(url.searchParams.entries()),
				headers: req.headers,
				body: parseBody(req, rawBody),
				rawBody,
				state: this.state,
				clock: this.clock,
				emulator: this,
			};
			if (fault?.kind === 'expireSession') {
				const sessionId = header(req, 'sessionid');
				if (sessionId) this.state.sessions.delete(sessionId);
			}
			this.authenticate(route.auth, context);
			entry.organizationId = context.organization?.id;
			entry.session = context.session?.label;
			limitKey = this.enterLimits(context);
			if (fault?.kind === 'slow') await delay(fault.delayMs ?? 10_000);
			reply = await route.handler(context);
		} catch (error) {
			reply = errorReply(
				error instanceof NotFoundError ? error.played(this.readings.notFound) : error,
				this.clock,
			);
		}
		if (this.options.latencyMs > 0) await delay(this.options.latencyMs);
		if (limitKey) this.inFlight.set(limitKey, (this.inFlight.get(limitKey) ?? 1) - 1);
		entry.status = reply.status ?? 200;
		const body = reply.body;
		if (Array.isArray(body) && entry.status >= 400)
			entry.code = (body[0] as { code?: string })?.code;
		entry.ms = Date.now() - started;
		this.log.push(entry);
		if (fault?.kind === 'resetAfter') {
			entry.route += ' (connection reset after)';
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'truncated') {
			const text = JSON.stringify(body ?? {});
			res.writeHead(entry.status, { 'Content-Type': 'application/json' });
			res.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
			return;
		}
		if (fault?.kind === 'nonJson') {
			res.writeHead(502, { 'Content-Type': 'text/html' });
			res.end('<html><body>502 Bad Gateway</body></html>');
			return;
		}
		send(res, entry.status, body, reply.headers);
	}

	private authenticate(kind: AuthKind, context: RequestContext): void {
		if (kind === 'none') return;
		// OAuth: a Bearer token alone stands for its app's organization session (routes/authOAuth.ts).
		const bearer = bearerSession(this, context);
		if (bearer) {
			if (kind === 'partner') throw errors.sessionInvalid();
			context.session = bearer;
			context.organization = this.state.organizations.get(bearer.organizationId!);
			context.user = this.state.users.get(bearer.userId!);
			return;
		}
		const sessionId = header(context, 'sessionid');
		const devKey = header(context, 'devkey');
		const appKey = header(context, 'appkey');
		// readings.ts keyHeaders: the strict reading refuses a call that carries both keys (an
		// empty header counts: it is carried), since BILL documents one pair per level.
		if (
			this.readings.keyHeaders === 'strict' &&
			context.headers.devkey !== undefined &&
			context.headers.appkey !== undefined
		) {
			throw errors.invalid(
				'Send devKey (organization level) or appKey (partner level) with the sessionId, not both.',
			);
		}
		const session = sessionId ? this.state.sessions.get(sessionId) : undefined;
		const idleMs = session?.via === 'syncToken' ? SYNC_SESSION_IDLE_MS : SESSION_IDLE_MS;
		if (!session || this.clock.ms() - session.lastUsedMs > idleMs) {
			if (session) this.state.sessions.delete(session.id);
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
			if (!devKey || !this.state.devKeys.has(devKey)) throw errors.devKeyInvalid();
			// A login-as-user session has no key of its own yet: any valid developer key goes with it.
			if (session.devKey && devKey !== session.devKey) throw errors.sessionInvalid();
			context.organization = this.state.organizations.get(session.organizationId!);
			context.user = this.state.users.get(session.userId!);
			refuseForSyncToken(context, session);
		}
		session.lastUsedMs = this.clock.ms();
		context.session = session;
	}

	/** BILL's limits (https://developer.bill.com/docs/api-rate-limits): concurrent requests per org and key, requests per hour. */
	private enterLimits(context: RequestContext): string | undefined {
		const key = context.session?.devKey ?? context.session?.appKey;
		if (!this.options.limits || !context.session || !key) return undefined;
		const hour = Math.floor(this.clock.ms() / 3_600_000);
		const used = this.hourly.get(key);
		const count = used && used.hour === hour ? used.count + 1 : 1;
		this.hourly.set(key, { hour, count });
		if (count > this.options.hourlyLimit) throw errors.hourly(this.options.hourlyLimit);
		const limitKey = `${key}|${context.session.organizationId ?? 'partner'}`;
		const current = this.inFlight.get(limitKey) ?? 0;
		if (current >= 3) throw errors.concurrency();
		this.inFlight.set(limitKey, current + 1);
		return limitKey;
	}

	/** Login-rate bookkeeping for the auth routes: 200 logins per developer key per hour. */
	countLogin(key: string): void {
		if (!this.options.limits) return;
		const bucket = `login|${key}`;
		const hour = Math.floor(this.clock.ms() / 3_600_000);
		const used = this.hourly.get(bucket);
		const count = used && used.hour === hour ? used.count + 1 : 1;
		this.hourly.set(bucket, { hour, count });
		if (count > 200) throw errors.hourly(200);
	}

	addFault(fault: Fault): void {
		this.faults.add(fault);
	}
}

export function header(source: RequestContext | IncomingMessage, name: string): string | undefined {
	const value = source.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function parseBody(req: IncomingMessage, raw: Buffer): unknown {
	if (raw.length === 0) return undefined;
	const type = String(req.headers['content-type'] ?? '').toLowerCase();
	// File uploads (documents) come as the raw file (application/octet-stream, */*) or multipart.
	if (type && !type.includes('json') && !type.startsWith('text/')) return raw;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		throw errors.invalid('Request body is not valid JSON');
	}
}

function errorReply(error: unknown, clock: Clock): Reply {
	if (error instanceof BillError) return { status: error.status, body: error.body(clock.now()) };
	console.error('[bill-emulator] unexpected error', error);
	return { status: 500, body: errors.server().body(clock.now()) };
}

function send(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	if (body === undefined || status === 204) {
		res.writeHead(status, headers);
		res.end();
		return;
	}
	if (Buffer.isBuffer(body)) {
		// A file (an attachment's download link), sent as it is.
		res.writeHead(status, { 'Content-Length': body.length, ...headers });
		res.end(body);
		return;
	}
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The body as an object, or a 400 naming what is wrong. */
export function objectBody(context: RequestContext): Json {
	const body = context.body;
	if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
		throw errors.invalid('Request body must be a JSON object');
	}
	return body as Json;
}
