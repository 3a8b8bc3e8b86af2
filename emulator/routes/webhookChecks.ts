/**
 * What BILL's webhook API checks of a subscription's fields (https://developer.bill.com/docs/bill-webhook-api-general-rules):
 * the notification URL, the events of the catalog, the status and the name. The routes are in webhooks.ts.
 */
import { errors } from '../errors';
import type { Json } from '../state';

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

export const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * BILL requires HTTPS (https://developer.bill.com/reference/createsubscription). The emulator also accepts plain HTTP on this
 * machine's loopback, so tests can receive deliveries on 127.0.0.1 without certificates.
 */
export function checkNotificationUrl(value: unknown): string {
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

export function checkEvents(value: unknown): Array<{ type: string; version: string }> {
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

export function checkStatus(value: unknown): boolean {
	const enabled = (value as Json | undefined)?.enabled;
	if (typeof enabled !== 'boolean') throw errors.invalid('status.enabled: must be true or false');
	return enabled;
}

export function checkName(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '')
		throw errors.invalid('name: must not be null');
	return value;
}

export const eventSetOf = (events: unknown) =>
	(events as Array<{ type: string; version: string }>)
		.map((e) => `${e.type}@${e.version}`)
		.sort()
		.join(',');
