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
	displayOptions: { show: { resource: ['recurringBill'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description: 'Archive a recurring bill: BILL makes no more bills from it',
			action: 'Archive a recurring bill',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Set up a bill BILL makes on a schedule (e.g. monthly rent), optionally paid automatically. Skips one the vendor already has.',
			action: 'Create a recurring bill',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a recurring bill by ID, with its schedule and lines',
			action: 'Get a recurring bill',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List recurring bills, e.g. those of a vendor',
			action: 'Get many recurring bills',
		},
		{
			name: 'Replace',
			value: 'replace',
			description: 'Replace a whole recurring bill: schedule, lines and options',
			action: 'Replace a recurring bill',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived recurring bill, so BILL makes its bills again',
			action: 'Restore a recurring bill',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change some fields, the schedule or lines of a recurring bill',
			action: 'Update a recurring bill',
		},
	],
	default: 'getMany',
};

/** Recurring bills (BILL's Postman folder "recurringbills"; bills BILL makes on a schedule). */
export const recurringBill: Resource = {
	displayName: 'Recurring Bill',
	summary: 'Bills BILL makes on a schedule (rent, subscriptions): create, find, change, archive',
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
