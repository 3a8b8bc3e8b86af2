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
	displayOptions: { show: { resource: ['vendor'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description: 'Archive a vendor (BILL has no delete)',
			action: 'Archive a vendor',
		},
		{ name: 'Create', value: 'create', description: 'Create a vendor', action: 'Create a vendor' },
		{ name: 'Get', value: 'get', description: 'Get a vendor by ID', action: 'Get a vendor' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List vendors, filtered by name, type, currency or dates',
			action: 'Get many vendors',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived vendor',
			action: 'Restore a vendor',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change some fields of a vendor',
			action: 'Update a vendor',
		},
	],
	default: 'getMany',
};

export const vendor: Resource = {
	displayName: 'Vendor',
	summary: 'Companies and people you pay: create, find, update, archive',
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
