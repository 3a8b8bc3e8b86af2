/**
 * Real webhook deliveries (https://developer.bill.com/docs/working-with-bill-webhooks): every event a
 * route emits is POSTed, signed, to each enabled subscription that wants it, retried with backoff,
 * and the subscription is disabled when all attempts fail; an event can be sent again. The
 * webhook API's routes are in webhooks.ts.
 */
import { createHmac } from 'crypto';

import { errors } from '../errors';
import { delay, type Emulator } from '../server';
import { newUuid, type Json, type State } from '../state';

export type Subscription = Json & { id: string };
export type EventRecord = Json & { id: string; subscriptionId: string };

/** A delivery that takes longer than this counts as failed (BILL's timeout is not documented). */
const DELIVERY_TIMEOUT_MS = 5000;

export function status(
	context: { clock: { timestamp(): string } },
	enabled: boolean,
	actor: 'USER' | 'SYSTEM',
): Json {
	return { enabled, updatedBy: actor, updatedTime: context.clock.timestamp() };
}

export const signatureOf = (securityKey: string, body: string) =>
	createHmac('sha256', securityKey).update(body).digest('base64');

export function eventRecord(
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
export async function post(state: State, record: EventRecord, url: string): Promise<number> {
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

export async function attempt(
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
export async function deliverWithRetries(
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
export const BILL_LIKE_WAITS_MS = [1, 5, 15, 60].map((minutes) => minutes * 60_000);

export function retryWaits(emulator: Emulator): number[] {
	if (emulator.readings.webhookRetries === 'billLike') return BILL_LIKE_WAITS_MS;
	const { webhookAttempts, webhookBackoffMs } = emulator.options;
	return Array.from({ length: webhookAttempts - 1 }, (_, n) => webhookBackoffMs * 2 ** n);
}

/** Real time for the fast reading; the emulator's clock (tests move it) for minutes apart. */
export async function waitOn(emulator: Emulator, ms: number): Promise<void> {
	if (emulator.readings.webhookRetries !== 'billLike') {
		await delay(ms);
		return;
	}
	const due = emulator.clock.ms() + ms;
	while (emulator.clock.ms() < due) await delay(25);
}

/** What a route emitted, to every enabled subscription that wants it (organization or partner level). */
export function deliverEvent(
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
