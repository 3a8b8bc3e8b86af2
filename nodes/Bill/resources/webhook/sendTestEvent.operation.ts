import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { invalid, parseJson } from '../../helpers/validation';
import { subscriptionIdField } from './descriptions';
import { getUuid } from './shared';

const properties: INodeProperties[] = [
	subscriptionIdField,
	{
		displayName: 'Event Type',
		name: 'eventType',
		type: 'string',
		default: '',
		placeholder: 'e.g. bill.created',
		description:
			"The event to send, e.g. bill.created, invoice.updated, spend.transaction.updated. Empty: BILL picks one of the subscription's.",
	},
	{
		displayName: 'Version',
		name: 'version',
		type: 'string',
		default: '1',
		description: 'The event version (all of BILL\'s events are version "1")',
	},
	{
		displayName: 'Entity (JSON)',
		name: 'entity',
		type: 'json',
		default: '',
		placeholder: '{ "bill": { "amount": 100, "description": "test" } }',
		description:
			'Optional entity details for the test event, keyed by the entity (bill, invoice, transaction, …). The values are test values only.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['sendTestEvent'] } },
	properties,
);

/**
 * `POST /v3/subscriptions/{subscriptionId}/test`: BILL sends a test notification to the
 * subscription's URL (every body field optional: `eventType`, `version`, entity details;
 * https://developer.bill.com/changelog/2025-05-12-send-test-event-improvements) and answers with
 * the event record.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const subscriptionId = getUuid(this, itemIndex, 'subscriptionId', 'Subscription ID');
	const body: IDataObject = {};
	const eventType = String(this.getNodeParameter('eventType', itemIndex, '')).trim();
	if (eventType) body.eventType = eventType;
	const version = String(this.getNodeParameter('version', itemIndex, '')).trim();
	if (eventType && version) body.version = version;
	const raw = this.getNodeParameter('entity', itemIndex, '');
	if (raw !== '' && raw !== undefined && raw !== null) {
		const entity = parseJson(this, itemIndex, 'Entity (JSON)', raw);
		if (!entity || typeof entity !== 'object' || Array.isArray(entity))
			throw invalid(
				this,
				itemIndex,
				'Entity (JSON)',
				'must be an object such as { "bill": { … } }',
			);
		Object.assign(body, entity);
	}
	return await billApiRequest.call(this, {
		method: 'POST',
		path: `/v3/subscriptions/${encodeURIComponent(subscriptionId)}/test`,
		host: 'events',
		body,
		itemIndex,
	});
}
