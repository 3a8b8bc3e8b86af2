import { randomUUID } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, billApiRequest } from '../shared/transport';
import { catchUp } from './catchUp';
import { eventSetKey, type SubscribedEvent } from './events';
import { rotateKey, rotateKeyIfDue } from './securityKey';
import { forget, triggerData, type TriggerData } from './staticData';
import {
	enabledOf,
	explainRefusal,
	isGone,
	isRefusal,
	listSubscriptions,
	subscriptionBody,
	subscriptionIn,
	subscriptionPath,
	wanted,
	type Wanted,
} from './subscriptionRequests';

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
	// A status the node cannot read is left alone: only a known `false` is a reason to send.
	if (
		enabledOf(existing) === false ||
		eventSetKey((existing.events as SubscribedEvent[] | undefined) ?? []) !==
			eventSetKey(want.events)
	) {
		await billApiRequest.call(context, {
			method: 'PUT',
			path: subscriptionPath(id),
			host: 'events',
			body: subscriptionBody(want),
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
			body: subscriptionBody(want),
			// Safe to repeat: the idempotency key makes BILL answer a repeat with the same subscription.
			repeatable: true,
		});
	} catch (error) {
		if (!isRefusal(error)) throw asNodeError(this.getNode(), error); // outcome unknown: keep the key for the next try
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
		const answer = await billApiRequest.call(this, {
			method: 'GET',
			path: subscriptionPath(id),
			host: 'events',
		});
		const subscription = subscriptionIn(answer);
		if (!subscription) {
			// It exists (BILL answered 200); what it holds cannot be read, so nothing is sent.
			this.logger.warn(
				`BILL Trigger: BILL's answer for webhook subscription ${id} has a shape the node does not know; it is left as it is`,
			);
			await rotateKeyIfDue(this, data, id);
			return true;
		}
		const want = await wanted(this);
		const enabled = enabledOf(subscription);
		const matches =
			subscription.notificationUrl === want.notificationUrl &&
			eventSetKey((subscription.events as SubscribedEvent[] | undefined) ?? []) ===
				eventSetKey(want.events);
		if (!matches) {
			await billApiRequest.call(this, {
				method: 'PUT',
				path: subscriptionPath(id),
				host: 'events',
				body: subscriptionBody(want),
			});
			this.logger.info(
				`BILL Trigger: updated webhook subscription ${id} to the node's events and URL`,
			);
		} else if (enabled === undefined) {
			this.logger.info(
				`BILL Trigger: BILL's answer does not say whether webhook subscription ${id} is enabled; it is left as it is`,
			);
		} else if (!enabled) {
			await billApiRequest.call(this, {
				method: 'PATCH',
				path: subscriptionPath(id),
				host: 'events',
				body: { status: { enabled: true } },
			});
			const caught = await catchUp(this, data, id);
			this.logger.warn(
				`BILL Trigger: BILL had disabled webhook subscription ${id} after failed deliveries; enabled it again and had BILL send the ${caught.resent} event(s) it did not deliver since ${caught.from} again${caught.failed ? ` (${caught.failed} could not be sent again; see BILL's event history)` : ''}`,
			);
		}
	} catch (error) {
		if (!(await isGone(this, error, id))) throw asNodeError(this.getNode(), error);
		this.logger.warn(
			`BILL Trigger: webhook subscription ${id} no longer exists in BILL; creating a new one`,
		);
		forget(data);
		return false;
	}
	await rotateKeyIfDue(this, data, id);
	return true;
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
		if (!(await isGone(this, error, id))) throw asNodeError(this.getNode(), error);
		this.logger.info(`BILL Trigger: webhook subscription ${id} was already gone`);
	}
	forget(data);
	return true;
}
