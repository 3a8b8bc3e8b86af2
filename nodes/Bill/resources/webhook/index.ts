import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as getEvents from './getEvents.operation';
import * as resendEvent from './resendEvent.operation';
import * as sendTestEvent from './sendTestEvent.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['webhook'] } },
	options: [
		{
			name: 'Get Event History',
			value: 'getEvents',
			description:
				"A webhook subscription's events of the last 180 days, with the answer BILL got for each",
			action: 'Get the event history of a subscription',
		},
		{
			name: 'Resend Event',
			value: 'resendEvent',
			description: 'Have BILL deliver one event again, with the same event ID',
			action: 'Resend an event',
		},
		{
			name: 'Send Test Event',
			value: 'sendTestEvent',
			description: "Have BILL send a test notification to the subscription's URL",
			action: 'Send a test event',
		},
	],
	default: 'getEvents',
};

export const webhook: Resource = {
	displayName: 'Webhook',
	summary: "BILL's webhook subscriptions: event history, resending an event, a test notification",
	description: [
		operationSelector,
		...getEvents.description,
		...resendEvent.description,
		...sendTestEvent.description,
	],
	operations: { getEvents, resendEvent, sendTestEvent },
};
