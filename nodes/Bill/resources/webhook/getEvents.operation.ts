import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequestAllItems } from '../../../shared/transport';
import { pageOptions } from '../../helpers/getMany';
import { checkDateTime } from '../../helpers/validation';
import { subscriptionIdField } from './descriptions';
import { eventsPath, getUuid } from './shared';

const properties: INodeProperties[] = [
	subscriptionIdField,
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Entity ID',
				name: 'entityId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 00n01ABCDEFGHIJKLMNO',
				description: 'Only the events of this bill, vendor, invoice, payment, …',
			},
			{
				displayName: 'Created After',
				name: 'createdTimeFrom',
				type: 'dateTime',
				default: '',
				description: 'Only events created at or after this time (BILL keeps the last 180 days)',
			},
			{
				displayName: 'Created Before',
				name: 'createdTimeTo',
				type: 'dateTime',
				default: '',
				description: 'Only events created up to this time (default: now)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['getEvents'] } },
	properties,
);

/**
 * `GET /v3/events/subscription/{subscriptionId}` on the webhook host: the subscription's events
 * of the last 180 days (https://developer.bill.com/changelog/2025-09-07-webhook-improvements),
 * filtered by `entityId` and `createdTimeFrom`/`createdTimeTo`, forward pages of up to 100.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const subscriptionId = getUuid(this, itemIndex, 'subscriptionId', 'Subscription ID');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof filters.entityId === 'string' && filters.entityId.trim())
		qs.entityId = filters.entityId.trim();
	for (const [name, label] of [
		['createdTimeFrom', 'Filters → Created After'],
		['createdTimeTo', 'Filters → Created Before'],
	] as const)
		if (filters[name]) qs[name] = checkDateTime(this, itemIndex, label, filters[name]);
	return await billApiRequestAllItems.call(
		this,
		{ method: 'GET', path: eventsPath(subscriptionId), host: 'events', qs, itemIndex },
		pageOptions(this, itemIndex),
	);
}
