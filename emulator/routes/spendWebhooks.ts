/**
 * BILL Spend & Expense webhooks in the emulator: subscriptions on the webhook host with the
 * `apiToken` header, and signed deliveries of `spend.*` events.
 *
 * `POST /v3/subscriptions` (get, list, delete) on the events host with the `apiToken` header, as
 * BILL's reference for creating a subscription (https://developer.bill.com/reference/createsubscription,
 * its header list) and the S&E payload pages
 * (https://developer.bill.com/docs/spend-expense-transaction-notification-payloads) say: a
 * request with `apiToken` and no `sessionId` is an S&E one, anything else the AP/AR one
 * (routes/webhooks.ts). The `/v3/spend/subscriptions` of BILL's 2025-09-29 changelog is no
 * request of BILL's collection and is not served. The payload is BILL's webhook
 * envelope, `{metadata: {eventId, subscriptionId, eventType, version}, <entity>: {...}}`, signed
 * as BILL signs every webhook: `x-bill-sha-signature` = base64(HMAC-SHA256(securityKey, body)).
 * BILL delivers S&E events in production only; the emulator delivers them everywhere.
 */
import { createHmac, randomBytes, randomUUID } from 'crypto';
import type { IncomingHttpHeaders } from 'http';

import { errors } from '../errors';
import type { Emulator, RequestContext } from '../server';
import type { Json } from '../state';
import { spendData, spendRoute, type SpendData } from './spendState';
import { body, notFound } from './spendRequest';

export const SPEND_EVENT_TYPES = [
	'spend.transaction.updated',
	'spend.reimbursement.created',
	'spend.reimbursement.updated',
	'spend.reimbursement.deleted',
	'spend.three-ds-challenge.created',
];

export interface SpendSubscription extends Json {
	id: string;
	name: string;
	status: { enabled: boolean };
	events: Array<{ type: string; version: string }>;
	notificationUrl: string;
	createdTime: string;
}

export interface SpendDelivery {
	subscriptionId: string;
	eventId: string;
	eventType: string;
	statusCode: number;
	/** How often it was sent (BILL sends an event again when it was not acknowledged). */
	attempts: number;
	/** The receiver's answer to the last attempt (its status: 0 until it answered), cut short. */
	answer?: string;
}

/** What was sent, for sending the same event again (same body, same eventId, same signature). */
interface Sent {
	url: string;
	payload: string;
	signature: string;
}

interface WebhookData {
	subscriptions: Map<string, SpendSubscription>;
	keys: Map<string, string>;
	idempotency: Map<string, string>;
	deliveries: SpendDelivery[];
	sent: Map<SpendDelivery, Sent>;
}

const webhookDataOf = new WeakMap<SpendData, WebhookData>();

export function spendWebhooks(emulator: Emulator): WebhookData {
	const data = spendData(emulator);
	let hooks = webhookDataOf.get(data);
	if (!hooks) {
		hooks = {
			subscriptions: new Map(),
			keys: new Map(),
			idempotency: new Map(),
			deliveries: [],
			sent: new Map(),
		};
		webhookDataOf.set(data, hooks);
	}
	return hooks;
}

function checkUrl(raw: unknown): string {
	let url: URL;
	try {
		url = new URL(String(raw ?? ''));
	} catch {
		throw errors.invalid('notificationUrl: must be a URL');
	}
	const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
		throw errors.invalid('notificationUrl: must use HTTPS');
	return url.toString();
}

function send(emulator: Emulator, delivery: SpendDelivery, sent: Sent): void {
	delivery.attempts++;
	delivery.statusCode = 0;
	emulator.trackDelivery(
		fetch(sent.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'x-bill-sha-signature': sent.signature },
			body: sent.payload,
		})
			.then(async (response) => {
				delivery.answer = (await response.text()).slice(0, 200);
				delivery.statusCode = response.status;
			})
			.catch(() => undefined),
	);
}

/** Delivers one event to every enabled subscription that has its type (no retries: BILL's are in webhooks.ts). */
export function emitSpend(emulator: Emulator, type: string, entityKey: string, entity: Json): void {
	const hooks = spendWebhooks(emulator);
	for (const subscription of hooks.subscriptions.values()) {
		if (!subscription.status.enabled || !subscription.events.some((e) => e.type === type)) continue;
		const eventId = randomUUID();
		const payload = JSON.stringify({
			metadata: { eventId, subscriptionId: subscription.id, eventType: type, version: '1' },
			[entityKey]: entity,
		});
		const key = hooks.keys.get(subscription.id) ?? '';
		const delivery: SpendDelivery = {
			subscriptionId: subscription.id,
			eventId,
			eventType: type,
			statusCode: 0,
			attempts: 0,
		};
		const sent: Sent = {
			url: subscription.notificationUrl,
			payload,
			signature: createHmac('sha256', key).update(payload).digest('base64'),
		};
		hooks.deliveries.push(delivery);
		hooks.sent.set(delivery, sent);
		send(emulator, delivery, sent);
	}
}

/**
 * `/__emulator/spend/subscriptions` (GET): the S&E subscriptions.
 * `/__emulator/spend/deliveries`: the S&E events delivered (GET), or one of them sent again
 * as BILL sends an event it counts as not received (POST `{eventId}`: the same body, eventId and
 * signature). control.ts.
 */
export function spendDeliveryControl(
	emulator: Emulator,
	method: string,
	path: string,
	input: Record<string, unknown>,
): { status?: number; body?: unknown } | undefined {
	const hooks = spendWebhooks(emulator);
	if (path === '/spend/subscriptions' && method === 'GET')
		return { body: [...hooks.subscriptions.values()] };
	if (path !== '/spend/deliveries') return undefined;
	if (method === 'GET') return { body: hooks.deliveries };
	if (method !== 'POST') return undefined;
	const delivery = hooks.deliveries.find((d) => d.eventId === input.eventId);
	const sent = delivery && hooks.sent.get(delivery);
	if (!delivery || !sent)
		return { status: 404, body: { error: `no delivery of event ${String(input.eventId)}` } };
	send(emulator, delivery, sent);
	return { body: delivery };
}

/** An S&E call: the `apiToken` header, no session (https://developer.bill.com/docs/authentication-with-api-token). */
const isSpendCall = (headers: IncomingHttpHeaders) =>
	headers.apitoken !== undefined && headers.sessionid === undefined;

export function registerSpendWebhooks(emulator: Emulator): void {
	const route = (
		method: string,
		path: string,
		handler: (context: RequestContext, hooks: WebhookData) => { status?: number; body?: unknown },
	) =>
		emulator.add(
			method,
			path,
			spendRoute(emulator, (context) => handler(context, spendWebhooks(emulator))),
			{ auth: 'none', host: 'events', when: isSpendCall },
		);
	const subscriptionOf = (hooks: WebhookData, id: string) => {
		const subscription = hooks.subscriptions.get(id);
		if (!subscription) throw notFound('Subscription', id);
		return subscription;
	};

	route('POST', '/v3/subscriptions', (context, hooks) => {
		const raw = context.headers['x-idempotent-key'];
		const key = Array.isArray(raw) ? raw[0] : raw;
		if (!key || !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(key))
			throw errors.invalid('X-Idempotent-Key: must be a UUID4');
		const again = hooks.idempotency.get(key);
		if (again) {
			const subscription = subscriptionOf(hooks, again);
			return { body: { ...subscription, securityKey: hooks.keys.get(again) } };
		}
		const b = body(context);
		const events = b.events as Array<{ type?: unknown; version?: unknown }> | undefined;
		if (!Array.isArray(events) || events.length === 0)
			throw errors.invalid('events: must list at least one event');
		for (const e of events)
			if (!SPEND_EVENT_TYPES.includes(String(e.type)))
				throw errors.invalid(`events: ${String(e.type)} is not a Spend & Expense event`);
		const subscription: SpendSubscription = {
			id: randomUUID(),
			name: String(b.name ?? ''),
			status: { enabled: (b.status as Json | undefined)?.enabled !== false },
			events: events.map((e) => ({ type: String(e.type), version: String(e.version ?? '1') })),
			notificationUrl: checkUrl(b.notificationUrl),
			createdTime: new Date(context.clock.ms()).toISOString(),
		};
		const securityKey = randomBytes(24).toString('base64url');
		hooks.subscriptions.set(subscription.id, subscription);
		hooks.keys.set(subscription.id, securityKey);
		hooks.idempotency.set(key, subscription.id);
		return { body: { ...subscription, securityKey } };
	});
	route('GET', '/v3/subscriptions', (_context, hooks) => ({
		body: { results: [...hooks.subscriptions.values()] },
	}));
	route('GET', '/v3/subscriptions/:subscriptionId', (context, hooks) => ({
		body: subscriptionOf(hooks, context.params.subscriptionId),
	}));
	route('DELETE', '/v3/subscriptions/:subscriptionId', (context, hooks) => {
		const subscription = subscriptionOf(hooks, context.params.subscriptionId);
		hooks.subscriptions.delete(subscription.id);
		hooks.keys.delete(subscription.id);
		return { status: 200 };
	});
}
