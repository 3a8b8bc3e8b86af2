import { randomUUID } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { billApiRequest } from '../shared/transport';
import { eventSetKey, loadCatalog, resolveEvents, type SubscribedEvent } from './events';
import { forgetSubscription } from './acceptedEvents';

/** BILL's limit (REFERENCE.md §6.3). */
export const MAX_SUBSCRIPTIONS = 10;

/**
 * What the trigger keeps in the node's static data (saved with the workflow, never output).
 * The security key is the secret deliveries are verified with; BILL returns it only when the
 * subscription is created or its key rotated.
 */
export interface TriggerData extends IDataObject {
	subscriptionId?: string;
	securityKey?: string;
	/** When the security key was issued (ISO), for the optional rotation. */
	securityKeyIssued?: string;
	/** An idempotency key in use: kept until BILL has answered, so a retry sends the same one. */
	pendingCreate?: { idempotencyKey: string; request: string };
	pendingRotation?: { idempotencyKey: string; subscriptionId: string };
	/** Event IDs already accepted (BILL retries deliveries), newest last, bounded. */
	acceptedEventIds?: string[];
	/** Partner level: names of the app key's organizations, by ID. */
	organizationNames?: Record<string, string>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const triggerData = (context: IHookFunctions) =>
	context.getWorkflowStaticData('node') as TriggerData;

function forget(data: TriggerData): void {
	forgetSubscription(data.subscriptionId);
	delete data.subscriptionId;
	delete data.securityKey;
	delete data.securityKeyIssued;
	delete data.pendingRotation;
	delete data.acceptedEventIds;
}

/** A BILL error that says the subscription (or event) does not exist. */
function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown }).httpCode ?? '') === '404';
}

function isRefusal(error: unknown): boolean {
	const status = Number((error as { httpCode?: unknown }).httpCode ?? 0);
	return status >= 400 && status < 500;
}

interface Wanted {
	name: string;
	events: SubscribedEvent[];
	notificationUrl: string;
}

async function wanted(context: IHookFunctions): Promise<Wanted> {
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

const subscriptionPath = (id: string) => `/v3/subscriptions/${encodeURIComponent(id)}`;

/** This organization's (or partner's) subscriptions: BILL allows 10, so one page holds them. */
async function listSubscriptions(context: IHookFunctions): Promise<IDataObject[]> {
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
async function explainRefusal(
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

/**
 * A subscription in BILL that already points at this trigger's URL is this trigger's own, made
 * by an activation whose static data was lost (an n8n restored from a backup, a failed save):
 * it is taken over instead of duplicated. Its events are set to the node's, and BILL issues a
 * new security key, since the first one was returned only to the activation that made it.
 */
async function adopt(
	context: IHookFunctions,
	data: TriggerData,
	existing: IDataObject,
	want: Wanted,
): Promise<void> {
	const id = String(existing.id);
	const enabled = (existing.status as IDataObject | undefined)?.enabled === true;
	if (
		!enabled ||
		eventSetKey((existing.events as SubscribedEvent[] | undefined) ?? []) !==
			eventSetKey(want.events)
	) {
		await billApiRequest.call(context, {
			method: 'PUT',
			path: subscriptionPath(id),
			host: 'events',
			body: {
				name: want.name,
				status: { enabled: true },
				events: want.events,
				notificationUrl: want.notificationUrl,
			},
		});
	}
	forget(data);
	data.subscriptionId = id;
	data.acceptedEventIds = [];
	await rotateKey(context, data, id);
	context.logger.warn(
		`BILL Trigger: took over webhook subscription ${id}, which already delivers to this workflow's URL, with a new security key`,
	);
}

/**
 * `POST /v3/subscriptions` with an `X-Idempotent-Key` that stays the same until BILL has
 * answered: when the request is sent again (inside billApiRequest after a lost answer, or by a
 * retried activation) BILL answers with the subscription already made instead of a second one.
 * Without such a pending request, a subscription already delivering to this URL is taken over.
 */
export async function createSubscription(this: IHookFunctions): Promise<boolean> {
	const data = triggerData(this);
	const want = await wanted(this);
	const request = JSON.stringify([want.notificationUrl, want.events]);
	if (!data.pendingCreate || data.pendingCreate.request !== request) {
		const mine = (await listSubscriptions(this)).find(
			(s) => s.notificationUrl === want.notificationUrl,
		);
		if (mine) {
			delete data.pendingCreate;
			await adopt(this, data, mine, want);
			return true;
		}
		data.pendingCreate = { idempotencyKey: randomUUID(), request };
	}
	let created: IDataObject;
	try {
		created = await billApiRequest.call(this, {
			method: 'POST',
			path: '/v3/subscriptions',
			host: 'events',
			headers: { 'X-Idempotent-Key': data.pendingCreate.idempotencyKey },
			body: {
				name: want.name,
				status: { enabled: true },
				events: want.events,
				notificationUrl: want.notificationUrl,
			},
			// Safe to repeat: the idempotency key makes BILL answer a repeat with the same subscription.
			repeatable: true,
		});
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a NodeApiError from billApiRequest already
		if (!isRefusal(error)) throw error; // outcome unknown: keep the key for the next try
		delete data.pendingCreate; // BILL refused: a new attempt is a new request
		throw await explainRefusal(this, error as Error, want);
	}
	delete data.pendingCreate;
	if (typeof created.id !== 'string' || typeof created.securityKey !== 'string') {
		throw new NodeOperationError(
			this.getNode(),
			'BILL answered the new subscription without its ID or security key',
		);
	}
	forget(data);
	data.subscriptionId = created.id;
	data.securityKey = created.securityKey;
	data.securityKeyIssued = new Date().toISOString();
	data.acceptedEventIds = [];
	this.logger.info(
		`BILL Trigger: created webhook subscription ${created.id} for ${want.events.map((e) => e.type).join(', ')}`,
	);
	return true;
}

/**
 * Whether the subscription still serves this trigger. A subscription BILL disabled after failed
 * deliveries is enabled again; one whose events or URL no longer match the node is replaced in
 * place (PUT); one that is gone is forgotten, so n8n creates a new one. The log says which.
 */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const data = triggerData(this);
	const id = data.subscriptionId;
	if (!id) return false;
	try {
		const subscription = await billApiRequest.call(this, {
			method: 'GET',
			path: subscriptionPath(id),
			host: 'events',
		});
		const want = await wanted(this);
		const enabled = (subscription.status as IDataObject | undefined)?.enabled === true;
		const matches =
			subscription.notificationUrl === want.notificationUrl &&
			eventSetKey((subscription.events as SubscribedEvent[] | undefined) ?? []) ===
				eventSetKey(want.events);
		if (!matches) {
			await billApiRequest.call(this, {
				method: 'PUT',
				path: subscriptionPath(id),
				host: 'events',
				body: {
					name: want.name,
					status: { enabled: true },
					events: want.events,
					notificationUrl: want.notificationUrl,
				},
			});
			this.logger.info(
				`BILL Trigger: updated webhook subscription ${id} to the node's events and URL`,
			);
		} else if (!enabled) {
			await billApiRequest.call(this, {
				method: 'PATCH',
				path: subscriptionPath(id),
				host: 'events',
				body: { status: { enabled: true } },
			});
			this.logger.warn(
				`BILL Trigger: re-enabled webhook subscription ${id}, which BILL had disabled after failed deliveries; events from that time are in BILL's event history`,
			);
		}
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a NodeApiError from billApiRequest already
		if (!isNotFound(error)) throw error;
		this.logger.warn(
			`BILL Trigger: webhook subscription ${id} no longer exists in BILL; creating a new one`,
		);
		forget(data);
		return false;
	}
	await rotateKeyIfDue(this, data, id);
	return true;
}

/**
 * Asks BILL for a new security key when the node has none (static data lost it) or when the
 * "Rotate Security Key After" option says it is time.
 */
async function rotateKeyIfDue(
	context: IHookFunctions,
	data: TriggerData,
	id: string,
): Promise<void> {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const days = Number(options.rotateSecurityKeyAfterDays ?? 0);
	const issued = data.securityKeyIssued ? Date.parse(data.securityKeyIssued) : NaN;
	const due = days > 0 && (Number.isNaN(issued) || Date.now() - issued >= days * DAY_MS);
	if (data.securityKey && !due) return;
	await rotateKey(context, data, id);
	context.logger.info(`BILL Trigger: rotated the security key of webhook subscription ${id}`);
}

/**
 * `POST .../security_key` (REFERENCE.md §6.2) with an `X-Idempotent-Key` kept until BILL has
 * answered, so a repeat cannot rotate twice and leave the node with a key BILL no longer uses.
 */
async function rotateKey(context: IHookFunctions, data: TriggerData, id: string): Promise<void> {
	if (!data.pendingRotation || data.pendingRotation.subscriptionId !== id) {
		data.pendingRotation = { idempotencyKey: randomUUID(), subscriptionId: id };
	}
	const response = await billApiRequest.call(context, {
		method: 'POST',
		path: `${subscriptionPath(id)}/security_key`,
		host: 'events',
		headers: { 'X-Idempotent-Key': data.pendingRotation.idempotencyKey },
		repeatable: true,
	});
	delete data.pendingRotation;
	if (typeof response.securityKey !== 'string') {
		throw new NodeOperationError(
			context.getNode(),
			'BILL answered the security key rotation without a key',
		);
	}
	data.securityKey = response.securityKey;
	data.securityKeyIssued = new Date().toISOString();
}

/** `DELETE /v3/subscriptions/{id}`; a subscription already gone counts as deleted. */
export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const data = triggerData(this);
	const id = data.subscriptionId;
	if (!id) return true;
	try {
		await billApiRequest.call(this, {
			method: 'DELETE',
			path: subscriptionPath(id),
			host: 'events',
		});
		this.logger.info(`BILL Trigger: deleted webhook subscription ${id}`);
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a NodeApiError from billApiRequest already
		if (!isNotFound(error)) throw error;
		this.logger.info(`BILL Trigger: webhook subscription ${id} was already gone`);
	}
	forget(data);
	return true;
}
