/**
 * BILL's webhook API, on the `connect-events` host (https://developer.bill.com/docs/working-with-bill-webhooks): the event catalog,
 * subscriptions (create with a UUID4 `X-Idempotent-Key`, get, list, replace, update, delete),
 * security-key rotation, test events, the event history and resend, and real deliveries:
 * every event a route emits is POSTed, signed, to each enabled subscription that wants it,
 * retried with backoff, and the subscription is disabled when all attempts fail.
 *
 * Organization sessions (`sessionId` + `devKey`) see their organization's subscriptions;
 * partner sessions (`sessionId` + `appKey`) see the app key's partner-level subscriptions,
 * which receive the events of every organization created with that app key (§6.1, §6.3).
 */
import { createHmac, randomBytes } from 'crypto';

import { BillError, errors } from '../errors';
import { listPage } from '../list';
import { delay, header, objectBody, type Emulator, type RequestContext } from '../server';
import { newUuid, type Json, type State, type SubscriptionScope } from '../state';

/** https://developer.bill.com/docs/notification-payloads-reference; every current version is "1". */
export const EVENT_CATALOG: Array<{ type: string; versions: string[] }> = [
	'vendor.created',
	'vendor.updated',
	'vendor.archived',
	'vendor.restored',
	'autopay.failed',
	'bill.created',
	'bill.updated',
	'bill.archived',
	'bill.restored',
	'payment.updated',
	'payment.failed',
	'bank-account.created',
	'bank-account.updated',
	'card-account.created',
	'card-account.updated',
	'invoice.created',
	'invoice.updated',
	'invoice.archived',
	'invoice.restored',
	'risk-verification.updated',
	'spend.transaction.updated',
	'spend.reimbursement.created',
	'spend.reimbursement.updated',
	'spend.reimbursement.deleted',
	'spend.three-ds-challenge.created',
].map((type) => ({ type, versions: ['1'] }));

/** BILL's limits (https://developer.bill.com/changelog/2026-04-30-webhook-subscription-limits). */
export const MAX_SUBSCRIPTIONS = 10;

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
/** A delivery that takes longer than this counts as failed (BILL's timeout is not documented). */
const DELIVERY_TIMEOUT_MS = 5000;

/**
 * The limits have no documented error codes (https://developer.bill.com/docs/webhook-api-error-responses: "400 — invalid body").
 * These are the emulator's choice; the node does not depend on them (it lists the
 * subscriptions to explain a refused create).
 */
const limitErrors = {
	tooMany: () =>
		new BillError(
			400,
			'BDC_5101',
			`Maximum number of subscriptions (${MAX_SUBSCRIPTIONS}) reached.`,
		),
	duplicate: () =>
		new BillError(
			400,
			'BDC_5102',
			'A subscription with the same events and notification URL already exists.',
		),
};

type Subscription = Json & { id: string };
type EventRecord = Json & { id: string; subscriptionId: string };

function scopeOf(context: RequestContext): SubscriptionScope {
	const session = context.session!;
	return session.kind === 'partner'
		? { appKey: session.appKey }
		: { organizationId: context.organization!.id };
}

const sameScope = (a: SubscriptionScope | undefined, b: SubscriptionScope) =>
	!!a && a.organizationId === b.organizationId && a.appKey === b.appKey;

const scopeKey = (scope: SubscriptionScope) =>
	scope.appKey ? `partner:${scope.appKey}` : `org:${scope.organizationId}`;

function subscriptionsOf(state: State, scope: SubscriptionScope): Subscription[] {
	return [...state.subscriptions.values()].filter((s) =>
		sameScope(state.subscriptionScopes.get(s.id), scope),
	);
}

function subscriptionOf(context: RequestContext): Subscription {
	const id = context.params.subscriptionId;
	const subscription = context.state.subscriptions.get(id);
	if (!subscription || !sameScope(context.state.subscriptionScopes.get(id), scopeOf(context))) {
		throw errors.notFound('Subscription', id);
	}
	return subscription;
}

/** `X-Idempotent-Key` is required and must be a UUID4 (https://developer.bill.com/docs/bill-webhook-api-general-rules). */
function idempotencyKey(context: RequestContext): string {
	const key = header(context, 'x-idempotent-key');
	if (!key) throw errors.invalid('X-Idempotent-Key: header is required');
	if (!UUID4.test(key)) throw errors.invalid('X-Idempotent-Key: must be a UUID4');
	return key;
}

/**
 * Runs `create` once per idempotency key and scope: the same key answers with the first answer,
 * and creates nothing more. What BILL does with the same key and another body is not documented;
 * the emulator gives the first answer, as most idempotency schemes do.
 */
function once(context: RequestContext, key: string, what: string, create: () => Json): Json {
	const stored = `${scopeKey(scopeOf(context))}|${what}|${key}`;
	const previous = context.state.idempotency.get(stored);
	if (previous) return previous as Json;
	const answer = create();
	context.state.idempotency.set(stored, answer);
	return answer;
}

/**
 * BILL requires HTTPS (https://developer.bill.com/reference/createsubscription). The emulator also accepts plain HTTP on this
 * machine's loopback, so tests can receive deliveries on 127.0.0.1 without certificates.
 */
function checkNotificationUrl(value: unknown): string {
	if (typeof value !== 'string' || value === '')
		throw errors.invalid('notificationUrl: must not be null');
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw errors.invalid('notificationUrl: must be a URL');
	}
	if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
		return value;
	throw errors.invalid('notificationUrl: must use HTTPS');
}

function checkEvents(value: unknown): Array<{ type: string; version: string }> {
	if (!Array.isArray(value) || value.length === 0)
		throw errors.invalid('events: must be a non-empty list of { type, version }');
	const seen = new Set<string>();
	const events: Array<{ type: string; version: string }> = [];
	value.forEach((entry, i) => {
		const { type, version } = (entry ?? {}) as Json;
		const known = EVENT_CATALOG.find((e) => e.type === type);
		if (!known)
			throw errors.invalid(`events[${i}].type: unknown event type ${JSON.stringify(type)}`);
		if (typeof version !== 'string' || !known.versions.includes(version)) {
			throw errors.invalid(
				`events[${i}].version: ${String(type)} has versions ${known.versions.join(', ')}`,
			);
		}
		if (!seen.has(String(type))) events.push({ type: String(type), version });
		seen.add(String(type));
	});
	return events;
}

function checkStatus(value: unknown): boolean {
	const enabled = (value as Json | undefined)?.enabled;
	if (typeof enabled !== 'boolean') throw errors.invalid('status.enabled: must be true or false');
	return enabled;
}

function checkName(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '')
		throw errors.invalid('name: must not be null');
	return value;
}

const eventSetOf = (events: unknown) =>
	(events as Array<{ type: string; version: string }>)
		.map((e) => `${e.type}@${e.version}`)
		.sort()
		.join(',');

/** BILL refuses an 11th subscription and a second one with the same events and URL (§6.3). */
function checkLimits(
	context: RequestContext,
	candidate: { events: unknown; notificationUrl: string },
	except?: string,
): void {
	const others = subscriptionsOf(context.state, scopeOf(context)).filter((s) => s.id !== except);
	const events = eventSetOf(candidate.events);
	if (
		others.some(
			(s) => s.notificationUrl === candidate.notificationUrl && eventSetOf(s.events) === events,
		)
	) {
		throw limitErrors.duplicate();
	}
	if (!except && others.length >= MAX_SUBSCRIPTIONS) throw limitErrors.tooMany();
}

/**
 * The subscription's status. BILL's `SubscriptionStatusWithActorDto` is documented only as
 * containing `enabled` (BILL's examples leave it open); who changed it last (a user, or BILL
 * after failed deliveries) and when is the emulator's reading of "with actor".
 */
function status(
	context: { clock: { timestamp(): string } },
	enabled: boolean,
	actor: 'USER' | 'SYSTEM',
): Json {
	return { enabled, updatedBy: actor, updatedTime: context.clock.timestamp() };
}

/**
 * A subscription as the reading `subscriptionStatus` shows it (readings.ts): BILL's examples of
 * `status` are empty, so `{ enabled: boolean, … }` (default), `enabled` as a string, or no
 * `status` at all. Only the answer changes; the stored subscription keeps its boolean.
 */
function shown(context: RequestContext, subscription: Json): Json {
	const reading = context.emulator.readings.subscriptionStatus;
	if (reading === 'object') return subscription;
	const copy: Json = { ...subscription };
	if (reading === 'missing') delete copy.status;
	else copy.status = { ...(copy.status as Json), enabled: String((copy.status as Json).enabled) };
	return copy;
}

const newSecurityKey = () => randomBytes(32).toString('base64');

export const signatureOf = (securityKey: string, body: string) =>
	createHmac('sha256', securityKey).update(body).digest('base64');

function eventRecord(
	state: State,
	subscription: Subscription,
	organizationId: string,
	type: string,
	version: string,
	entityKey: string,
	entity: unknown,
	now: string,
): EventRecord {
	const id = newUuid();
	const payload = JSON.stringify({
		metadata: {
			eventId: id,
			subscriptionId: subscription.id,
			organizationId,
			eventType: type,
			// BILL's invoice samples carry the version as a number, its bill samples as text
			// (https://developer.bill.com/docs/invoice-webhook-notification-payloads).
			version: type.startsWith('invoice.') ? Number(version) : version,
		},
		[entityKey]: entity,
	});
	// Event record as the events API returns it (Postman "Get list of event notifications"); statusCode is set on delivery.
	const record: EventRecord = {
		id,
		type,
		version,
		subscriptionId: subscription.id,
		payload,
		createdTime: now,
		statusCode: 0,
	};
	state.events.set(id, record);
	return record;
}

/** One POST to the subscription's URL, signed with its current key; the receiver's HTTP status, 0 if none. */
async function post(state: State, record: EventRecord, url: string): Promise<number> {
	const key = state.securityKeys.get(record.subscriptionId) ?? '';
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'x-bill-sha-signature': signatureOf(key, String(record.payload)),
			},
			body: String(record.payload),
			signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
		});
		await response.arrayBuffer().catch(() => undefined);
		return response.status;
	} catch {
		return 0;
	}
}

async function attempt(
	emulator: Emulator,
	state: State,
	record: EventRecord,
	url: string,
	n: number,
): Promise<number> {
	const statusCode = await post(state, record, url);
	record.statusCode = statusCode;
	const metadata = (JSON.parse(String(record.payload)) as { metadata: Json }).metadata;
	emulator.recordDelivery(state, {
		eventId: record.id,
		subscriptionId: record.subscriptionId,
		organizationId: String(metadata.organizationId),
		eventType: String(record.type),
		url,
		attempt: n,
		statusCode,
		at: emulator.clock.timestamp(),
	});
	return statusCode;
}

/**
 * Delivers with retries: anything but HTTP 200 is a failure; the waits double from
 * `webhookBackoffMs`; after `webhookAttempts` failures BILL sets `status.enabled` to false and
 * stops (https://developer.bill.com/docs/working-with-bill-webhooks; the real schedule is not documented).
 */
async function deliverWithRetries(
	emulator: Emulator,
	state: State,
	record: EventRecord,
): Promise<void> {
	const waits = retryWaits(emulator);
	for (let n = 1; n <= waits.length + 1; n++) {
		const subscription = state.subscriptions.get(record.subscriptionId);
		if (!subscription || (subscription.status as Json).enabled !== true) return;
		if ((await attempt(emulator, state, record, String(subscription.notificationUrl), n)) === 200)
			return;
		if (n <= waits.length) await waitOn(emulator, waits[n - 1]);
	}
	const subscription = state.subscriptions.get(record.subscriptionId);
	if (subscription) subscription.status = status(emulator, false, 'SYSTEM');
}

/** The waits between attempts, by the `webhookRetries` reading (readings.ts). */
const BILL_LIKE_WAITS_MS = [1, 5, 15, 60].map((minutes) => minutes * 60_000);

function retryWaits(emulator: Emulator): number[] {
	if (emulator.readings.webhookRetries === 'billLike') return BILL_LIKE_WAITS_MS;
	const { webhookAttempts, webhookBackoffMs } = emulator.options;
	return Array.from({ length: webhookAttempts - 1 }, (_, n) => webhookBackoffMs * 2 ** n);
}

/** Real time for the fast reading; the emulator's clock (tests move it) for minutes apart. */
async function waitOn(emulator: Emulator, ms: number): Promise<void> {
	if (emulator.readings.webhookRetries !== 'billLike') {
		await delay(ms);
		return;
	}
	const due = emulator.clock.ms() + ms;
	while (emulator.clock.ms() < due) await delay(25);
}

/** What a route emitted, to every enabled subscription that wants it (organization or partner level). */
function deliverEvent(
	emulator: Emulator,
	event: { type: string; organizationId: string; entityKey: string; entity: Json },
): void {
	const state = emulator.state;
	const appKey = state.organizations.get(event.organizationId)?.appKey;
	for (const subscription of state.subscriptions.values()) {
		const scope = state.subscriptionScopes.get(subscription.id);
		const forThisOrganization =
			scope?.organizationId === event.organizationId ||
			(!!scope?.appKey && scope.appKey === appKey);
		const wanted = (subscription.events as Array<{ type: string; version: string }>).find(
			(e) => e.type === event.type,
		);
		if (!forThisOrganization || !wanted || (subscription.status as Json).enabled !== true) continue;
		// The entity as it is now: later changes to the stored object must not alter this event.
		const entity = JSON.parse(JSON.stringify(event.entity)) as Json;
		const record = eventRecord(
			state,
			subscription,
			event.organizationId,
			event.type,
			wanted.version,
			event.entityKey,
			entity,
			emulator.clock.timestamp(),
		);
		emulator.trackDelivery(deliverWithRetries(emulator, state, record));
	}
}

/**
 * Sends a recorded event again, once, with the same event ID (BILL's resend; also how tests
 * deliver one event twice). Returns the event record with the receiver's status.
 */
export async function resendEvent(emulator: Emulator, eventId: string): Promise<EventRecord> {
	const state = emulator.state;
	const record = state.events.get(eventId);
	if (!record) throw errors.notFound('Event', eventId);
	const subscription = state.subscriptions.get(record.subscriptionId);
	if (!subscription) throw errors.notFound('Subscription', record.subscriptionId);
	const sending = attempt(emulator, state, record, String(subscription.notificationUrl), 1);
	emulator.trackDelivery(sending);
	await sending;
	return record;
}

function publicRecord(record: EventRecord): Json {
	return { ...record };
}

function entityIdOf(record: EventRecord): string | undefined {
	const payload = JSON.parse(String(record.payload)) as Json;
	for (const [key, value] of Object.entries(payload)) {
		if (key !== 'metadata' && value && typeof value === 'object' && 'id' in value)
			return String((value as Json).id);
	}
	return undefined;
}

function timeQuery(context: RequestContext, name: string): number | undefined {
	const raw = context.query[name];
	if (raw === undefined || raw === '') return undefined;
	const ms = new Date(raw).getTime();
	if (Number.isNaN(ms)) throw errors.invalid(`${name}: must be a date-time`);
	return ms;
}

export function registerWebhooks(emulator: Emulator): void {
	const on = (
		method: string,
		pattern: string,
		handler: (
			context: RequestContext,
		) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>,
	) => emulator.add(method, pattern, handler, { host: 'events', auth: 'organizationOrPartner' });

	emulator.onEvent((event) => deliverEvent(emulator, event));

	on('GET', '/v3/events/catalog', () => ({
		body: EVENT_CATALOG.map((e) => ({ type: e.type, versions: [...e.versions] })),
	}));

	on('POST', '/v3/subscriptions', (context) => {
		const key = idempotencyKey(context);
		const body = objectBody(context);
		return {
			body: shown(
				context,
				once(context, key, 'subscription', () => {
					const name = checkName(body.name);
					const enabled = checkStatus(body.status);
					const events = checkEvents(body.events);
					const notificationUrl = checkNotificationUrl(body.notificationUrl);
					checkLimits(context, { events, notificationUrl });
					const scope = scopeOf(context);
					const now = context.clock.timestamp();
					const subscription: Subscription = {
						id: newUuid(),
						name,
						organizationId: scope.organizationId,
						status: status(context, enabled, 'USER'),
						events,
						notificationUrl,
						createdTime: now,
						updatedTime: now,
					};
					const securityKey = newSecurityKey();
					context.state.subscriptions.set(subscription.id, subscription);
					context.state.subscriptionScopes.set(subscription.id, scope);
					context.state.securityKeys.set(subscription.id, securityKey);
					// The security key is returned here only (Postman "Create a subscription", "Create a security key").
					return { ...subscription, securityKey };
				}),
			),
		};
	});

	on('GET', '/v3/subscriptions', (context) => {
		const page = listPage(
			subscriptionsOf(context.state, scopeOf(context)).map((s) => shown(context, s)),
			context.query,
			{ filterable: {}, sortable: [], forwardOnly: true },
		);
		// readings.ts subscriptionList: BILL's example list is empty; the other reading is a bare array.
		return { body: context.emulator.readings.subscriptionList === 'array' ? page.results : page };
	});

	on('GET', '/v3/subscriptions/:subscriptionId', (context) => ({
		body: shown(context, subscriptionOf(context)),
	}));

	on('PUT', '/v3/subscriptions/:subscriptionId', (context) => {
		const subscription = subscriptionOf(context);
		const body = objectBody(context);
		const name = checkName(body.name);
		const enabled = checkStatus(body.status);
		const events = checkEvents(body.events);
		const notificationUrl = checkNotificationUrl(body.notificationUrl);
		checkLimits(context, { events, notificationUrl }, subscription.id);
		Object.assign(subscription, {
			name,
			status: status(context, enabled, 'USER'),
			events,
			notificationUrl,
			updatedTime: context.clock.timestamp(),
		});
		return { body: shown(context, subscription) };
	});

	on('PATCH', '/v3/subscriptions/:subscriptionId', (context) => {
		const subscription = subscriptionOf(context);
		const body = objectBody(context);
		for (const field of Object.keys(body)) {
			if (!['name', 'status', 'notificationUrl'].includes(field)) {
				throw errors.invalid(
					`${field}: cannot be changed with PATCH (PATCH takes name, status and notificationUrl; PUT replaces events)`,
				);
			}
		}
		const changes: Json = {};
		if ('name' in body) changes.name = checkName(body.name);
		if ('status' in body) changes.status = status(context, checkStatus(body.status), 'USER');
		if ('notificationUrl' in body)
			changes.notificationUrl = checkNotificationUrl(body.notificationUrl);
		if (changes.notificationUrl)
			checkLimits(
				context,
				{ events: subscription.events, notificationUrl: String(changes.notificationUrl) },
				subscription.id,
			);
		Object.assign(subscription, changes, { updatedTime: context.clock.timestamp() });
		return { body: shown(context, subscription) };
	});

	on('DELETE', '/v3/subscriptions/:subscriptionId', (context) => {
		const subscription = subscriptionOf(context);
		context.state.subscriptions.delete(subscription.id);
		context.state.subscriptionScopes.delete(subscription.id);
		context.state.securityKeys.delete(subscription.id);
		return { status: 200 };
	});

	on('POST', '/v3/subscriptions/:subscriptionId/security_key', (context) => {
		const subscription = subscriptionOf(context);
		const key = idempotencyKey(context);
		return {
			body: once(context, key, `security_key ${subscription.id}`, () => {
				const securityKey = newSecurityKey();
				context.state.securityKeys.set(subscription.id, securityKey);
				return { securityKey };
			}),
		};
	});

	/** One delivery of a sample event, whatever the subscription's events; answers with its record. */
	on('POST', '/v3/subscriptions/:subscriptionId/test', async (context) => {
		const subscription = subscriptionOf(context);
		const body = (context.body ?? {}) as Json;
		const type = String(body.eventType ?? (subscription.events as Array<{ type: string }>)[0].type);
		const known = EVENT_CATALOG.find((e) => e.type === type);
		if (!known) throw errors.invalid(`eventType: unknown event type ${JSON.stringify(type)}`);
		const version = String(body.version ?? known.versions[0]);
		const entityKey =
			Object.keys(body).find((k) => k !== 'eventType' && k !== 'version') ??
			type.split('.')[0].replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
		const entity = body[entityKey] ?? { id: `test-${entityKey}-id` };
		const organizationId = context.organization?.id ?? subscription.organizationId ?? '';
		const record = eventRecord(
			context.state,
			subscription,
			String(organizationId),
			type,
			version,
			entityKey,
			entity,
			context.clock.timestamp(),
		);
		const sending = attempt(
			context.emulator,
			context.state,
			record,
			String(subscription.notificationUrl),
			1,
		);
		context.emulator.trackDelivery(sending);
		await sending;
		return { body: publicRecord(record) };
	});

	on('GET', '/v3/events/subscription/:subscriptionId', (context) => {
		const subscription = subscriptionOf(context);
		const from = timeQuery(context, 'createdTimeFrom');
		const to = timeQuery(context, 'createdTimeTo');
		const entityId = context.query.entityId;
		const records = [...context.state.events.values()].filter((record) => {
			if (record.subscriptionId !== subscription.id) return false;
			const created = new Date(String(record.createdTime)).getTime();
			if (from !== undefined && created < from) return false;
			if (to !== undefined && created > to) return false;
			return !entityId || entityIdOf(record) === entityId;
		});
		return {
			body: listPage(records.map(publicRecord), context.query, {
				filterable: {},
				sortable: [],
				forwardOnly: true,
			}),
		};
	});

	on('POST', '/v3/events/subscription/:subscriptionId/event/:eventId', async (context) => {
		const subscription = subscriptionOf(context);
		const record = context.state.events.get(context.params.eventId);
		if (!record || record.subscriptionId !== subscription.id)
			throw errors.notFound('Event', context.params.eventId);
		return { body: publicRecord(await resendEvent(context.emulator, record.id)) };
	});
}
