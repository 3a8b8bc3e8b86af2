import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as replace from './replace.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['recurringInvoice'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description: 'Archive a recurring invoice: BILL makes no more invoices from it',
			action: 'Archive a recurring invoice',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Invoice a customer on a schedule (e.g. monthly) with line items. By default returns an identical active one instead, so a re-run creates nothing twice.',
			action: 'Create a recurring invoice',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one recurring invoice by ID, with its schedule and line items',
			action: 'Get a recurring invoice',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List recurring invoices, e.g. of one customer',
			action: 'Get many recurring invoices',
		},
		{
			name: 'Replace',
			value: 'replace',
			description: 'Replace a whole recurring invoice (schedule and lines) for all future invoices',
			action: 'Replace a recurring invoice',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived recurring invoice',
			action: 'Restore a recurring invoice',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change the schedule, description or some lines of a recurring invoice',
			action: 'Update a recurring invoice',
		},
	],
	default: 'getMany',
};

export const recurringInvoice: Resource = {
	displayName: 'Recurring Invoice',
	summary: 'Invoices BILL makes on a schedule (receivables): create, find, update, archive',
	description: [
		operationSelector,
		...create.description,
		...get.description,
		...getMany.description,
		...update.description,
		...replace.description,
		...archive.description,
		...restore.description,
	],
	operations: { archive, create, get, getMany, replace, restore, update },
};
