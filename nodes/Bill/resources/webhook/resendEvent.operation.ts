import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { subscriptionIdField } from './descriptions';
import { eventsPath, getUuid } from './shared';

const properties: INodeProperties[] = [
	subscriptionIdField,
	{
		displayName: 'Event ID',
		name: 'eventId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e',
		description: 'The event to send again, as Get Event History lists it',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['resendEvent'] } },
	properties,
);

/**
 * `POST /v3/events/subscription/{subscriptionId}/event/{eventId}`: BILL delivers the event again,
 * with the same event ID (the BILL Trigger runs an event it accepted before only once), and
 * answers with the event record and the receiver's `statusCode` (Postman "Resend an event").
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const subscriptionId = getUuid(this, itemIndex, 'subscriptionId', 'Subscription ID');
	const eventId = getUuid(this, itemIndex, 'eventId', 'Event ID');
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `${eventsPath(subscriptionId)}/event/${encodeURIComponent(eventId)}`,
		host: 'events',
		itemIndex,
		uncertainHint: "Look for the event's delivery in Get Event History before sending it again.",
	});
}
