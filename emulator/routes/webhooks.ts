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
import { randomBytes } from 'crypto';

import { BillError, errors } from '../errors';
import { listPage } from '../list';
import { header, objectBody, type Emulator, type RequestContext } from '../server';
import { newUuid, type Json, type State, type SubscriptionScope } from '../state';
import {
	eventRecord,
	attempt,
	deliverEvent,
	resendEvent,
	status,
	type EventRecord,
	type Subscription,
} from './webhookDeliveries';

import {
	EVENT_CATALOG,
	MAX_SUBSCRIPTIONS,
	checkNotificationUrl,
	checkEvents,
	checkStatus,
	checkName,
	eventSetOf,
} from './webhookChecks';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

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

/** A route on BILL's events host, for an organization or partner session. */
function eventsRoute(emulator: Emulator) {
	return (
		method: string,
		pattern: string,
		handler: (
			context: RequestContext,
		) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>,
	) => emulator.add(method, pattern, handler, { host: 'events', auth: 'organizationOrPartner' });
}

export function registerWebhooks(emulator: Emulator): void {
	const on = eventsRoute(emulator);

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

	registerSubscriptionActions(emulator);
}

/** A subscription's security key and test event, the event history and resending an event. */
function registerSubscriptionActions(emulator: Emulator): void {
	const on = eventsRoute(emulator);
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
