import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['user'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description: 'Archive a user of the organization: they can no longer sign in',
			action: 'Archive a user',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Add a user to the organization with a role; BILL emails them to finish signing up. Needs an administrator.',
			action: 'Create a user',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a user of the organization by ID',
			action: 'Get a user',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: "List the organization's users with their roles",
			action: 'Get many users',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived user of the organization',
			action: 'Restore a user',
		},
		{
			name: 'Update',
			value: 'update',
			description: "Change a user's name, email or role",
			action: 'Update a user',
		},
	],
	default: 'getMany',
};

export const user: Resource = {
	displayName: 'User',
	summary: "The organization's users: add, find, change role, archive",
	description: [
		operationSelector,
		...create.description,
		...get.description,
		...getMany.description,
		...update.description,
		...archive.description,
		...restore.description,
	],
	operations: { archive, create, get, getMany, restore, update },
};
