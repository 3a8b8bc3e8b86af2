import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { billApiRequest } from '../shared/transport';
import { eventSetKey, loadCatalog, resolveEvents, type SubscribedEvent } from './events';

/** BILL's limit (https://developer.bill.com/changelog/2026-04-30-webhook-subscription-limits). */
export const MAX_SUBSCRIPTIONS = 10;

/**
 * Whether a failed request about subscription `id` means the subscription is gone. BILL's webhook
 * API lists both 404 and 400 ("invalid parameters", which a subscription ID BILL does not have
 * may be) among its errors (https://developer.bill.com/docs/webhook-api-error-responses), and the
 * code it gives is not documented; a 404 may also be a wrong base URL. So a 404 or 400 is only
 * taken for "gone" once BILL's own list of subscriptions, read with the same session, is read
 * and lacks the ID. Any other answer, or a list that cannot be read, is not "gone".
 */
export async function isGone(
	context: IHookFunctions,
	error: unknown,
	id: string,
): Promise<boolean> {
	const status = String((error as { httpCode?: unknown }).httpCode ?? '');
	if (status !== '404' && status !== '400') return false;
	try {
		return !(await listSubscriptions(context)).some((s) => String(s.id) === id);
	} catch {
		return false;
	}
}

/**
 * Whether a subscription is enabled, read defensively: BILL documents `status` only as an object
 * with `enabled` (its examples are empty), so `enabled` as a boolean or as "true"/"false", or a
 * `status` that is itself such a value, are read; anything else (no `status`) is unknown.
 */
export function enabledOf(subscription: IDataObject): boolean | undefined {
	const status = subscription.status;
	const flag =
		status && typeof status === 'object' && !Array.isArray(status)
			? (status as IDataObject).enabled
			: status;
	if (typeof flag === 'boolean') return flag;
	const text = typeof flag === 'string' ? flag.trim().toLowerCase() : '';
	if (['true', 'enabled', 'active'].includes(text)) return true;
	if (['false', 'disabled', 'inactive'].includes(text)) return false;
	return undefined;
}

/**
 * The subscriptions in an answer of `GET /v3/subscriptions`. BILL's example list is empty, so
 * its envelope is read defensively: `{ results: [...] }` as BILL's other lists, or a bare array.
 * An object without any list is an empty page; an answer with a list the node cannot find is an
 * error, since reading it as empty could make a second subscription beside one it did not see.
 */
export function subscriptionsIn(page: unknown): IDataObject[] | undefined {
	if (Array.isArray(page)) return page as IDataObject[];
	if (!page || typeof page !== 'object') return undefined;
	const object = page as IDataObject;
	if (Array.isArray(object.results)) return object.results as IDataObject[];
	if (object.results === null) return [];
	const lists = Object.values(object).filter(Array.isArray);
	if (lists.length === 1) return lists[0] as IDataObject[];
	return lists.length === 0 && object.results === undefined ? [] : undefined;
}

export function isRefusal(error: unknown): boolean {
	const status = Number((error as { httpCode?: unknown }).httpCode ?? 0);
	return status >= 400 && status < 500;
}

export interface Wanted {
	name: string;
	events: SubscribedEvent[];
	notificationUrl: string;
}

export async function wanted(context: IHookFunctions): Promise<Wanted> {
	const notificationUrl = context.getNodeWebhookUrl('default');
	if (!notificationUrl)
		throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for the BILL Trigger');
	const selected = context.getNodeParameter('events', []) as string[];
	const catalog = await loadCatalog.call(context);
	const events = resolveEvents.call(context, selected, catalog);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const workflow = context.getWorkflow();
	const name =
		String(options.subscriptionName ?? '').trim() ||
		`n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`;
	return { name, events, notificationUrl };
}

/** The body BILL takes to create or replace a subscription: enabled, with the node's events and URL. */
export const subscriptionBody = (want: Wanted): IDataObject => ({
	name: want.name,
	status: { enabled: true },
	events: want.events,
	notificationUrl: want.notificationUrl,
});

export const subscriptionPath = (id: string) => `/v3/subscriptions/${encodeURIComponent(id)}`;

/**
 * The subscription in an answer of `GET /v3/subscriptions/{id}`: the answer itself, as BILL's
 * other single-object answers, or the one object inside it that looks like a subscription (has
 * `events` or `notificationUrl`). Undefined when there is none, so the caller changes nothing.
 */
export function subscriptionIn(answer: unknown): IDataObject | undefined {
	const looksLike = (v: unknown): v is IDataObject =>
		!!v &&
		typeof v === 'object' &&
		!Array.isArray(v) &&
		('events' in (v as IDataObject) || 'notificationUrl' in (v as IDataObject));
	if (looksLike(answer)) return answer;
	if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return undefined;
	const inner = Object.values(answer as IDataObject).filter(looksLike);
	return inner.length === 1 ? inner[0] : undefined;
}

/**
 * This organization's (or partner's) subscriptions: BILL allows 10, so the first page of 100
 * holds them; a `nextPage` is still followed, a few pages at most.
 */
export async function listSubscriptions(context: IHookFunctions): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	let page: string | undefined;
	for (let n = 0; n < 5; n++) {
		const answer: unknown = await billApiRequest.call(context, {
			method: 'GET',
			path: '/v3/subscriptions',
			host: 'events',
			qs: page ? { max: 100, page } : { max: 100 },
		});
		const subscriptions = subscriptionsIn(answer);
		if (!subscriptions) {
			throw new NodeOperationError(
				context.getNode(),
				"BILL's list of webhook subscriptions came in a shape the BILL Trigger does not know; nothing was changed in BILL",
			);
		}
		all.push(...subscriptions);
		const next = Array.isArray(answer) ? undefined : (answer as IDataObject).nextPage;
		page = typeof next === 'string' && next ? next : undefined;
		if (!page) break;
	}
	return all;
}

/**
 * Explains BILL's refusal of a new subscription when it is one of BILL's limits: at most 10 per
 * organization, and no second subscription with the same events and URL (https://developer.bill.com/changelog/2026-04-30-webhook-subscription-limits).
 * BILL's error codes for them are not documented, so the existing subscriptions are read to tell.
 */
export async function explainRefusal(
	context: IHookFunctions,
	error: Error & { description?: string | null },
	want: Wanted,
): Promise<Error> {
	let existing: IDataObject[];
	try {
		existing = await listSubscriptions(context);
	} catch {
		return error; // BILL's own refusal is the better message when the list cannot be read
	}
	const key = eventSetKey(want.events);
	const duplicate = existing.find(
		(s) =>
			s.notificationUrl === want.notificationUrl &&
			eventSetKey((s.events as SubscribedEvent[]) ?? []) === key,
	);
	if (duplicate) {
		error.message = `BILL refused the subscription: one with the same events and URL already exists (${String(duplicate.id)})`;
		error.description =
			'BILL allows no duplicate subscriptions. Activate the workflow again: the trigger then takes the existing one over.';
	} else if (existing.length >= MAX_SUBSCRIPTIONS) {
		error.message = `BILL refused the subscription: the limit of ${MAX_SUBSCRIPTIONS} webhook subscriptions is reached (${existing.length} exist)`;
		error.description =
			'BILL allows at most 10 webhook subscriptions per organization. Deactivate a BILL Trigger you no longer need, or delete an unused subscription in BILL, then activate again.';
	}
	return error;
}
