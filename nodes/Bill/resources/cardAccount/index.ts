import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as get from './get.operation';
import * as getApCard from './getApCard.operation';
import * as getFundingPurposes from './getFundingPurposes.operation';
import * as getMany from './getMany.operation';
import * as getManyApCards from './getManyApCards.operation';
import * as getManyUsers from './getManyUsers.operation';
import * as getPermissions from './getPermissions.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['cardAccount'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get one card account by ID: brand, last four digits, expiry, status, defaults',
			action: 'Get a card account',
		},
		{
			name: 'Get AP Card',
			value: 'getApCard',
			description: 'Get one BILL AP card by ID, with its status, balance and limit',
			action: 'Get an AP card',
		},
		{
			name: 'Get Funding Permissions',
			value: 'getPermissions',
			description:
				'Whether the organization may pay by card or wallet (Amex allowed) and the signed-in user may pay online',
			action: 'Get funding account permissions',
		},
		{
			name: 'Get Funding Purposes',
			value: 'getFundingPurposes',
			description:
				'The card funding purposes BILL accepts for paying a vendor with a card account, or that none is needed',
			action: 'Get card funding purposes',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'List the card accounts the signed-in user may pay with (or must still verify), with the default one',
			action: 'Get many card accounts',
		},
		{
			name: 'Get Many AP Cards',
			value: 'getManyApCards',
			description: "List the organization's BILL AP cards with status, balance and limit",
			action: 'Get many AP cards',
		},
		{
			name: 'Get Many Users',
			value: 'getManyUsers',
			description: 'List who may pay with which card account, and whether BILL has verified them',
			action: 'Get many card account users',
		},
	],
	default: 'getMany',
};

export const cardAccount: Resource = {
	displayName: 'Card Account',
	summary:
		"The organization's card accounts and BILL AP cards to pay bills with (read-only: cards are added in BILL), their users, card funding purposes and funding permissions",
	description: [
		operationSelector,
		...get.description,
		...getMany.description,
		...getManyUsers.description,
		...getFundingPurposes.description,
		...getApCard.description,
		...getManyApCards.description,
		...getPermissions.description,
	],
	operations: {
		get,
		getApCard,
		getFundingPurposes,
		getMany,
		getManyApCards,
		getManyUsers,
		getPermissions,
	},
};
