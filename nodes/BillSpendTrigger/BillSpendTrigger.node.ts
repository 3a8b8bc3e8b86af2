import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { acceptEvent, storeAccepted } from '../shared/acceptedEvents';
import { signedEvent } from '../shared/signedEvent';
import { SPEND_EVENTS, checkExists, create, remove, type SpendTriggerData } from './subscription';

const REMEMBERED_EVENT_IDS = 200;
const MAX_BODY_BYTES = 1024 * 1024;

export class BillSpendTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BILL Spend & Expense Trigger',
		name: 'billSpendTrigger',
		icon: { light: 'file:billSpend.svg', dark: 'file:billSpend.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when BILL Spend & Expense reports a card transaction, a reimbursement or a 3D Secure challenge',
		defaults: { name: 'BILL Spend & Expense Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'billSpendApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'BILL sends Spend & Expense events in production only; in the sandbox, no event arrives',
				name: 'productionNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: SPEND_EVENTS,
				default: ['spend.transaction.updated'],
				required: true,
			},
			{
				displayName: 'Subscription Name',
				name: 'subscriptionName',
				type: 'string',
				default: '',
				placeholder: 'n8n: receipts',
				description:
					"The name of BILL's webhook subscription (default: n8n and the workflow's name)",
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove(this);
			},
		},
	};

	/**
	 * A delivery: its `x-bill-sha-signature` checked against the subscription's security key
	 * (HMAC-SHA256 of the raw body, base64, as for BILL's other webhooks), an event BILL sends again
	 * (same `metadata.eventId`) acknowledged without a second execution.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const data = this.getWorkflowStaticData('node') as SpendTriggerData;
		const event = await signedEvent(this, data.securityKey, MAX_BODY_BYTES);
		if (!event) return { noWebhookResponse: true };
		const metadata = (event.metadata ?? {}) as IDataObject;
		const eventId = typeof metadata.eventId === 'string' ? metadata.eventId : undefined;
		if (eventId) {
			// In this process's memory and in static data (nodes/shared/acceptedEvents.ts).
			if (!acceptEvent(data.subscriptionId ?? '', eventId, data.acceptedEventIds))
				return { webhookResponse: { received: true, duplicate: true } };
			storeAccepted(data, data.subscriptionId ?? '', REMEMBERED_EVENT_IDS);
			data.lastAcceptedAt = new Date().toISOString();
		}
		const eventType = typeof metadata.eventType === 'string' ? metadata.eventType : undefined;
		const wanted = this.getNodeParameter('events', []) as string[];
		if (eventType && wanted.length && !wanted.includes(eventType))
			return { webhookResponse: { received: true, ignored: eventType } };
		return { workflowData: [this.helpers.returnJsonArray({ eventType, ...event })] };
	}
}
