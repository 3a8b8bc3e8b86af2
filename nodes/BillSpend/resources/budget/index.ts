import type { Resource } from '../../../Bill/operation';
import { operationSelector } from '../../helpers/selector';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyMembers from './getManyMembers.operation';
import * as getMember from './getMember.operation';
import * as removeMember from './removeMember.operation';
import * as setMember from './setMember.operation';
import * as setMembers from './setMembers.operation';
import * as update from './update.operation';

export const budget: Resource = {
	displayName: 'Budget',
	summary: 'Spending budgets with limits per period, and their owners, members and observers',
	description: [
		operationSelector(
			'budget',
			[
				{
					name: 'Create',
					value: 'create',
					description: 'Create a budget with an owner, a limit and how often it resets',
					action: 'Create a budget',
				},
				{
					name: 'Delete',
					value: 'delete',
					description: 'Delete a budget (permanent)',
					action: 'Delete a budget',
				},
				{
					name: 'Get',
					value: 'get',
					description: "Get a budget with its current period's limit and spend",
					action: 'Get a budget',
				},
				{
					name: 'Get Many',
					value: 'getMany',
					description: 'List budgets, e.g. sorted by spend',
					action: 'Get many budgets',
				},
				{
					name: 'Get Many Members',
					value: 'getManyMembers',
					description: 'List the owners, members and observers of a budget with their spend',
					action: 'Get many members of a budget',
				},
				{
					name: 'Get Member',
					value: 'getMember',
					description: 'Get one member of a budget: role, limit and spend',
					action: 'Get a member of a budget',
				},
				{
					name: 'Remove Member',
					value: 'removeMember',
					description: 'Remove a user from a budget',
					action: 'Remove a member from a budget',
				},
				{
					name: 'Set Member',
					value: 'setMember',
					description: "Add a user to a budget, or change a member's limits",
					action: 'Set a member of a budget',
				},
				{
					name: 'Set Many Members',
					value: 'setMembers',
					description: 'Add or change several members of a budget in one call (role, limits)',
					action: 'Set many members of a budget',
				},
				{
					name: 'Update',
					value: 'update',
					description: "Change a budget's name, limit, interval or other fields",
					action: 'Update a budget',
				},
			],
			'getMany',
		),
		...create.description,
		...get.description,
		...getMany.description,
		...update.description,
		...del.description,
		...getMember.description,
		...getManyMembers.description,
		...setMember.description,
		...setMembers.description,
		...removeMember.description,
	],
	operations: {
		create,
		delete: del,
		get,
		getMany,
		getManyMembers,
		getMember,
		removeMember,
		setMember,
		setMembers,
		update,
	},
};
