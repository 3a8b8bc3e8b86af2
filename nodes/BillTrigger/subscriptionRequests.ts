import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { billApiRequest } from '../shared/transport';
import { eventSetKey, loadCatalog, resolveEvents, type SubscribedEvent } from './events';

/** BILL's limit (REFERENCE.md §6.3). */
export const MAX_SUBSCRIPTIONS = 10;

/** A BILL error that says the subscription (or event) does not exist. */
export function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown }).httpCode ?? '') === '404';
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

/** This organization's (or partner's) subscriptions: BILL allows 10, so one page holds them. */
export async function listSubscriptions(context: IHookFunctions): Promise<IDataObject[]> {
	const page = await billApiRequest.call(context, {
		method: 'GET',
		path: '/v3/subscriptions',
		host: 'events',
		qs: { max: 100 },
	});
	return (page.results as IDataObject[] | undefined) ?? [];
}

/**
 * Explains BILL's refusal of a new subscription when it is one of BILL's limits: at most 10 per
 * organization, and no second subscription with the same events and URL (REFERENCE.md §6.3).
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
