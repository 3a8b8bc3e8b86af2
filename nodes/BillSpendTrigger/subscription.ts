import { randomUUID } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { forgetSubscription } from '../shared/acceptedEvents';
import { asNodeError } from '../shared/transport';
import { spendApiRequest } from '../BillSpend/transport';

/** What the node keeps with the workflow between activation, deliveries and deactivation. */
export interface SpendTriggerData {
	subscriptionId?: string;
	/**
	 * The path the subscription was made at: SUBSCRIPTIONS_PATH (activations before it was the
	 * only one may hold `/v3/spend/subscriptions`; such a subscription is read and deleted there).
	 */
	path?: string;
	/** BILL returns it once, with the new subscription; it signs every delivery. */
	securityKey?: string;
	/** Kept until BILL answered, so a repeated create cannot make a second subscription. */
	pendingCreate?: { idempotencyKey: string };
	acceptedEventIds?: string[];
	/** When the last event was accepted (ISO), to say since when events were missed. */
	lastAcceptedAt?: string;
}

/**
 * Where Spend & Expense subscriptions live: `POST /v3/subscriptions` on the webhook host
 * (`/connect-events`) with the `apiToken` header and an `X-Idempotent-Key`, as BILL's reference
 * for creating a subscription (https://developer.bill.com/reference/createsubscription, its
 * header list) and every S&E payload page say
 * (https://developer.bill.com/docs/spend-expense-transaction-notification-payloads,
 * https://developer.bill.com/docs/spend-expense-reimbursement-notification-payload).
 */
export const SUBSCRIPTIONS_PATH = '/v3/subscriptions';

export const SPEND_EVENTS = [
	{
		name: 'Card Transaction Updated',
		value: 'spend.transaction.updated',
		description: 'A card transaction was made, cleared, declined or changed',
	},
	{
		name: 'Reimbursement Created',
		value: 'spend.reimbursement.created',
		description: 'Someone submitted a reimbursement',
	},
	{
		name: 'Reimbursement Deleted',
		value: 'spend.reimbursement.deleted',
		description: 'A reimbursement was deleted',
	},
	{
		name: 'Reimbursement Updated',
		value: 'spend.reimbursement.updated',
		description: 'A reimbursement was changed, approved, denied or paid',
	},
	{
		name: '3D Secure Challenge Created',
		value: 'spend.three-ds-challenge.created',
		description: 'An online card payment asks for 3D Secure verification',
	},
];

const isStatus = (error: unknown, status: number) =>
	String((error as { httpCode?: unknown }).httpCode ?? '') === String(status);

function wanted(context: IHookFunctions): IDataObject {
	const notificationUrl = context.getNodeWebhookUrl('default');
	if (!notificationUrl)
		throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for the trigger');
	const events = context.getNodeParameter('events', []) as string[];
	if (!events.length)
		throw new NodeOperationError(context.getNode(), 'Events: choose at least one event');
	const workflow = context.getWorkflow();
	const name =
		String(context.getNodeParameter('subscriptionName', '') ?? '').trim() ||
		`n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`;
	return {
		name,
		status: { enabled: true },
		events: events.map((type) => ({ type, version: '1' })),
		notificationUrl,
	};
}

const eventKey = (events: unknown) =>
	((events as IDataObject[] | undefined) ?? [])
		.map((e) => String(e.type))
		.sort()
		.join(',');

/** The subscription the node made exists and still has this workflow's URL, events and key. */
export async function checkExists(context: IHookFunctions): Promise<boolean> {
	const data = context.getWorkflowStaticData('node') as SpendTriggerData;
	if (!data.subscriptionId || !data.path) return false;
	let subscription: IDataObject;
	try {
		subscription = await spendApiRequest.call(context, {
			method: 'GET',
			path: `${data.path}/${encodeURIComponent(data.subscriptionId)}`,
			host: 'events',
		});
	} catch (error) {
		if (!isStatus(error, 404)) throw asNodeError(context.getNode(), error);
		delete data.subscriptionId;
		return false;
	}
	const want = wanted(context);
	const enabled = (subscription.status as IDataObject | undefined)?.enabled !== false;
	if (
		data.securityKey &&
		enabled &&
		subscription.notificationUrl === want.notificationUrl &&
		eventKey(subscription.events) === eventKey(want.events)
	)
		return true;
	if (!enabled)
		context.logger.warn(
			`BILL Spend & Expense Trigger: BILL had disabled webhook subscription ${data.subscriptionId} after failed deliveries; a new one is made. Spend & Expense keeps no event history to send again, so the transactions and reimbursements BILL did not deliver since ${data.lastAcceptedAt ?? 'the last accepted event'} are lost to this trigger: the BILL Polling Trigger's Spend & Expense events read them from BILL's lists`,
		);
	await remove(context);
	return false;
}

/** `POST /v3/subscriptions` with an `X-Idempotent-Key` (a UUID, as BILL wants it), once. */
export async function create(context: IHookFunctions): Promise<boolean> {
	const data = context.getWorkflowStaticData('node') as SpendTriggerData;
	const body = wanted(context);
	const pending = (data.pendingCreate ??= { idempotencyKey: randomUUID() });
	const created = await spendApiRequest.call(context, {
		method: 'POST',
		path: SUBSCRIPTIONS_PATH,
		host: 'events',
		body,
		headers: { 'X-Idempotent-Key': pending.idempotencyKey },
		// BILL answers the same key with the same subscription: a repeat is safe.
		repeatable: true,
	});
	if (typeof created.id !== 'string' || typeof created.securityKey !== 'string')
		throw new NodeOperationError(
			context.getNode(),
			'BILL answered the new subscription without its ID or security key',
		);
	delete data.pendingCreate;
	Object.assign(data, {
		subscriptionId: created.id,
		path: SUBSCRIPTIONS_PATH,
		securityKey: created.securityKey,
	});
	return true;
}

/** Deletes the node's subscription; one BILL no longer has is gone already. */
export async function remove(context: IHookFunctions): Promise<boolean> {
	const data = context.getWorkflowStaticData('node') as SpendTriggerData;
	if (data.subscriptionId && data.path) {
		try {
			await spendApiRequest.call(context, {
				method: 'DELETE',
				path: `${data.path}/${encodeURIComponent(data.subscriptionId)}`,
				host: 'events',
			});
		} catch (error) {
			if (!isStatus(error, 404)) throw asNodeError(context.getNode(), error);
		}
	}
	forgetSubscription(data.subscriptionId);
	delete data.subscriptionId;
	delete data.securityKey;
	delete data.acceptedEventIds;
	return true;
}
