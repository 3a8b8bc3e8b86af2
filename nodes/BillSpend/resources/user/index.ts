import type { Resource } from '../../../Bill/operation';
import { operationSelector } from '../../helpers/selector';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getCurrent from './getCurrent.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const user: Resource = {
	displayName: 'User',
	summary: 'People of the Spend & Expense company: invite, change role, remove',
	description: [
		operationSelector(
			'user',
			[
				{
					name: 'Create',
					value: 'create',
					description: 'Invite a user with a role (admin, auditor, bookkeeper, member)',
					action: 'Create a user',
				},
				{
					name: 'Delete',
					value: 'delete',
					description: 'Delete a user (permanent)',
					action: 'Delete a user',
				},
				{ name: 'Get', value: 'get', description: 'Get a user', action: 'Get a user' },
				{
					name: 'Get Current',
					value: 'getCurrent',
					description: 'Get the user who generated the API token',
					action: 'Get the current user',
				},
				{
					name: 'Get Many',
					value: 'getMany',
					description: 'List users',
					action: 'Get many users',
				},
				{
					name: 'Update',
					value: 'update',
					description: "Change a user's name, email, role or other fields",
					action: 'Update a user',
				},
			],
			'getMany',
		),
		...create.description,
		...get.description,
		...getCurrent.description,
		...getMany.description,
		...update.description,
		...del.description,
	],
	operations: { create, delete: del, get, getCurrent, getMany, update },
};
