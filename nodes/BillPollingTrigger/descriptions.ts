// What the editor shows for the BILL Polling Trigger.

import type { INodeProperties } from 'n8n-workflow';

import { actingForProperties } from '../Bill/actingFor';
import { authenticationOptions, credentialsFor } from './credentials';
import { POLLED_EVENTS } from './events';

const eventOptions = (api: 'apar' | 'spend') =>
	POLLED_EVENTS.filter((e) => e.api === api).map(({ value, name, description }) => ({
		value,
		name,
		description,
	}));

export const pollingProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: authenticationOptions,
		default: 'billApi',
	},
	{
		displayName:
			'Asks BILL for changes at the Poll Times below, so it works where BILL cannot reach n8n (behind a firewall, on a laptop). Each event costs one call a poll when nothing changed. The first poll starts from the moment the workflow is activated; a manual test returns the newest object.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	...actingForProperties([])
		.slice(0, 2)
		.map((property) => ({
			...property,
			displayOptions: { show: { authentication: ['billPartnerApi'] } },
		})),
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions('apar'),
		default: ['billUpdated'],
		required: true,
		description: 'The changes that start the workflow; each item says which event it is',
		displayOptions: { show: { authentication: credentialsFor('apar') } },
	},
	{
		displayName: 'Events',
		name: 'spendEvents',
		type: 'multiOptions',
		options: eventOptions('spend'),
		default: ['spendTransactionUpdated'],
		required: true,
		description: 'The changes that start the workflow; each item says which event it is',
		displayOptions: { show: { authentication: credentialsFor('spend') } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to output bills and vendors in the small, flat form Get gives with Simplify on, instead of BILL's full object",
	},
];
