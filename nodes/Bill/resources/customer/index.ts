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
	displayOptions: { show: { resource: ['customer'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description: "Archive a customer: BILL's way to delete one (it can be restored)",
			action: 'Archive a customer',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Create a customer you invoice, with name and email. Optionally returns the existing customer with that name or email instead, so a re-run creates nothing twice.',
			action: 'Create a customer',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one customer by ID, with its balance',
			action: 'Get a customer',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List customers, filtered by name, account type, currency or dates',
			action: 'Get many customers',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived customer',
			action: 'Restore a customer',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change some fields of a customer (name, email, addresses…)',
			action: 'Update a customer',
		},
	],
	default: 'getMany',
};

export const customer: Resource = {
	displayName: 'Customer',
	summary: 'Companies and people you invoice (receivables): create, find, update, archive',
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
