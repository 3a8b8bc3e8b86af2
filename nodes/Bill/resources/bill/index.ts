import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as recordPayment from './recordPayment.operation';
import * as replace from './replace.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['bill'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description: "Archive a bill: BILL's way to delete one (it can be restored)",
			action: 'Archive a bill',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Create one bill per input item: vendor, invoice number and date, due date, line items. By default skips invoice numbers the vendor already has, so a re-run creates nothing twice.',
			action: 'Create a bill',
		},
		{
			name: 'Create Many',
			value: 'createMany',
			description:
				'Create many bills with few requests (100 per request), from the input items or a JSON array; skips existing invoice numbers by default',
			action: 'Create many bills',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one bill by ID, with its amounts and payment status',
			action: 'Get a bill',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'List bills, e.g. unpaid bills due in the next 7 days, or all bills of one vendor; filter by vendor, payment status, due date, created or updated time',
			action: 'Get many bills',
		},
		{
			name: 'Record Payment',
			value: 'recordPayment',
			description:
				'Record a payment made outside BILL (check, wire) against bills of one vendor; no money moves',
			action: 'Record a payment of bills',
		},
		{
			name: 'Replace',
			value: 'replace',
			description: 'Replace a whole bill, adding or removing line items',
			action: 'Replace a bill',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived bill',
			action: 'Restore a bill',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change some fields of a bill, or some of its line items by ID',
			action: 'Update a bill',
		},
	],
	default: 'create',
};

export const bill: Resource = {
	displayName: 'Bill',
	summary:
		'Bills you owe vendors (payables): create, skip duplicates, find what is due, update, archive, record payments',
	description: [
		operationSelector,
		...create.description,
		...createMany.description,
		...get.description,
		...getMany.description,
		...update.description,
		...replace.description,
		...archive.description,
		...restore.description,
		...recordPayment.description,
	],
	operations: {
		archive,
		create,
		createMany,
		get,
		getMany,
		recordPayment,
		replace,
		restore,
		update,
	},
};
