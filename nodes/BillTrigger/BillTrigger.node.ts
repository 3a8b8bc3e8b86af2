import type {
	IDataObject,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	authenticationProperty,
	billCredentials,
	webhookSignInNotice,
} from '../shared/authentication';
import { signedEvent } from '../shared/signedEvent';
import { DOCUMENTED_EVENTS, eventOptions, loadCatalog } from './events';
import { acceptEvent, storeAccepted } from '../shared/acceptedEvents';
import { organizationOf } from './organizations';
import type { TriggerData } from './staticData';
import { createSubscription, deleteSubscription, subscriptionExists } from './subscription';

/** How many accepted event IDs are remembered to recognise BILL's repeated deliveries. */
const REMEMBERED_EVENT_IDS = 1000;

/** The largest delivery accepted: BILL's events carry one object (a bill with its line items). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export class BillTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BILL Trigger',
		name: 'billTrigger',
		icon: { light: 'file:bill.svg', dark: 'file:bill.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{[].concat($parameter["events"]).join(", ")}}',
		description:
			'Starts the workflow when BILL (bill.com) reports a bill, vendor, payment or bank account event',
		defaults: { name: 'BILL Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: billCredentials,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			authenticationProperty('BILL Partner API'),
			webhookSignInNotice,
			{
				displayName:
					'With the partner credential in the "Partner (All Organizations)" scope, the subscription receives the events of every organization created with your app key; each item\'s "organization" gives the ID and name of the one it is for.',
				name: 'partnerNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['billPartnerApi'] } },
			},
			{
				displayName: 'Event Names or IDs',
				name: 'events',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getEvents' },
				required: true,
				default: [],
				description:
					'The BILL events that start the workflow. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Output Entity Only',
						name: 'outputEntityOnly',
						type: 'boolean',
						default: false,
						description:
							"Whether to output only the bill, vendor, payment or bank account, without BILL's event metadata (event ID, type, organization)",
					},
					{
						displayName: 'Rotate Security Key After (Days)',
						name: 'rotateSecurityKeyAfterDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Ask BILL for a new signing key when the current one is this many days old, checked each time the workflow is activated (and when n8n starts). 0 never rotates.',
					},
					{
						displayName: 'Subscription Name',
						name: 'subscriptionName',
						type: 'string',
						default: '',
						placeholder: 'n8n: Bill approvals',
						description:
							'The name of the webhook subscription in BILL. Default: "n8n: " and the workflow\'s name.',
					},
				],
			},
		],
	};

	methods = {
		loadOptions: {
			/** BILL's event catalog; its documented list when the catalog cannot be read. */
			async getEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				try {
					return eventOptions(await loadCatalog.call(this));
				} catch (error) {
					return eventOptions(
						DOCUMENTED_EVENTS,
						`documented list; BILL's catalog could not be loaded: ${(error as Error).message}`,
					);
				}
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription.call(this);
			},
		},
	};

	/**
	 * Each delivery: the signature is checked on the raw body before anything else (a forged or
	 * unsigned request gets 401 and starts nothing); an event ID already accepted is a BILL retry,
	 * acknowledged with 200 without a second execution.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const data = this.getWorkflowStaticData('node') as TriggerData;
		const event = await signedEvent(this, data.securityKey, MAX_BODY_BYTES);
		if (!event) return { noWebhookResponse: true };
		const metadata = (event.metadata ?? {}) as IDataObject;
		const eventId = typeof metadata.eventId === 'string' ? metadata.eventId : undefined;
		if (eventId) {
			const subscriptionId = String(metadata.subscriptionId ?? data.subscriptionId ?? '');
			if (!acceptEvent(subscriptionId, eventId, data.acceptedEventIds)) {
				return { webhookResponse: { received: true, duplicate: true } };
			}
			storeAccepted(data, subscriptionId, REMEMBERED_EVENT_IDS);
			data.lastAcceptedAt = new Date().toISOString();
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const entities = Object.fromEntries(
			Object.entries(event).filter(([key]) => key !== 'metadata'),
		) as IDataObject;
		const entityKey = Object.keys(entities)[0];
		if (options.outputEntityOnly && entityKey) {
			return { workflowData: [this.helpers.returnJsonArray(entities[entityKey] as IDataObject)] };
		}
		const json: IDataObject = { metadata };
		if (typeof metadata.organizationId === 'string')
			json.organization = await organizationOf.call(this, data, metadata.organizationId);
		return { workflowData: [this.helpers.returnJsonArray({ ...json, ...entities })] };
	}
}
