/**
 * The BILL v3 emulator: a local HTTP server that answers like BILL's sandbox, on the two hosts
 * BILL has (`/connect` for AP/AR/partner, `/connect-events` for webhooks, https://developer.bill.com/docs/get-started-in-production).
 * Sessions, limits, errors and lists follow BILL's pages cited where each is played; routes live in routes/, one file per
 * BILL area. `/__emulator/*` is a control API for tests, the demo and benchmarks (never BILL's).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

import { authenticate } from './authenticate';
import { Clock } from './clock';
import { delay, errorReply, header, parseBody, send } from './http';
import { BillError, NotFoundError, errors } from './errors';
import { FaultSet, type Fault } from './faults';
import { DEFAULT_READINGS, withReadings, type Readings } from './readings';
import { FIXTURES, State, type Delivery, type Fixtures, type Json } from './state';
import type {
	AuthKind,
	EmulatorOptions,
	EventListener,
	Handler,
	Host,
	Reply,
	RequestContext,
	RequestLogEntry,
	Route,
} from './types';

export { SESSION_IDLE_MS } from './authenticate';
export { delay, header, objectBody } from './http';
export type * from './types';

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
			authenticate(this, route.auth, context);
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
