import type { Resource } from '../../../Bill/operation';
import { operationSelector } from '../../helpers/selector';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as freeze from './freeze.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as unfreeze from './unfreeze.operation';
import * as update from './update.operation';

/**
 * Virtual cards. The card-number call (`GET /v3/spend/cards/{cardId}/pan-jwt`) is left out on
 * purpose: this package never handles card numbers (see the README).
 */
export const card: Resource = {
	displayName: 'Card',
	summary:
		'Virtual cards on a budget: create, limit, freeze, unfreeze, close (never the card number)',
	description: [
		operationSelector(
			'card',
			[
				{
					name: 'Create',
					value: 'create',
					description: 'Create a virtual card for a user on a budget, with a limit',
					action: 'Create a card',
				},
				{
					name: 'Delete',
					value: 'delete',
					description: 'Close a card for good (cancelled, lost, stolen or misplaced)',
					action: 'Delete a card',
				},
				{
					name: 'Freeze',
					value: 'freeze',
					description: 'Stop a card from paying until it is unfrozen',
					action: 'Freeze a card',
				},
				{
					name: 'Get',
					value: 'get',
					description: "Get a card's details, limit and spend (not its number)",
					action: 'Get a card',
				},
				{
					name: 'Get Many',
					value: 'getMany',
					description: 'List cards, by budget, user or ID',
					action: 'Get many cards',
				},
				{
					name: 'Unfreeze',
					value: 'unfreeze',
					description: 'Let a frozen card pay again',
					action: 'Unfreeze a card',
				},
				{
					name: 'Update',
					value: 'update',
					description: "Change a card's name or limits",
					action: 'Update a card',
				},
			],
			'getMany',
		),
		...create.description,
		...get.description,
		...getMany.description,
		...update.description,
		...del.description,
		...freeze.description,
		...unfreeze.description,
	],
	operations: { create, delete: del, freeze, get, getMany, unfreeze, update },
};
