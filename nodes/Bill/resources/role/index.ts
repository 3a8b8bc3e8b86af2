import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['role'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get a user role of the organization by ID (type and description)',
			action: 'Get a role',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				"List the organization's user roles (Administrator, Accountant, Clerk… and custom ones), e.g. to pick a new user's role",
			action: 'Get many roles',
		},
	],
	default: 'getMany',
};

export const role: Resource = {
	displayName: 'Role',
	summary: "The organization's user roles",
	description: [operationSelector, ...get.description, ...getMany.description],
	operations: { get, getMany },
};
