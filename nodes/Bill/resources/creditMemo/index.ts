import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as archiveMany from './archiveMany.operation';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as replace from './replace.operation';
import * as restore from './restore.operation';
import * as restoreMany from './restoreMany.operation';
import * as update from './update.operation';
import * as updateMany from './updateMany.operation';

const op = (name: string, value: string, description: string, action: string) => ({
	name,
	value,
	description,
	action,
});

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['creditMemo'] } },
	options: [
		op(
			'Archive',
			'archive',
			"Archive a credit memo: BILL's way to delete one (it can be restored)",
			'Archive a credit memo',
		),
		op(
			'Archive Many',
			'archiveMany',
			'Archive the credit memos of the input items, 50 per request',
			'Archive many credit memos',
		),
		op(
			'Create',
			'create',
			'Create a credit memo for a customer (a refund or discount; apply it with Credit Amount on Invoice → Create). By default skips reference numbers the customer already has, so a re-run creates nothing twice.',
			'Create a credit memo',
		),
		op(
			'Create Many',
			'createMany',
			'Create one credit memo per input item with few requests (50 per request); skips existing reference numbers by default',
			'Create many credit memos',
		),
		op(
			'Get',
			'get',
			'Get one credit memo by ID, with its amount, applied amount and status',
			'Get a credit memo',
		),
		op('Get Many', 'getMany', 'List credit memos, e.g. of one customer', 'Get many credit memos'),
		op(
			'Replace',
			'replace',
			'Replace a whole credit memo, adding or removing line items',
			'Replace a credit memo',
		),
		op('Restore', 'restore', 'Restore an archived credit memo', 'Restore a credit memo'),
		op(
			'Restore Many',
			'restoreMany',
			'Restore the archived credit memos of the input items, 50 per request',
			'Restore many credit memos',
		),
		op(
			'Update',
			'update',
			'Change some fields of a credit memo, or some of its line items by ID',
			'Update a credit memo',
		),
		op(
			'Update Many',
			'updateMany',
			'Change some fields of the credit memos of the input items, 50 per request',
			'Update many credit memos',
		),
	],
	default: 'create',
};

export const creditMemo: Resource = {
	displayName: 'Credit Memo',
	summary:
		'Credits you give customers (receivables): create in bulk, skip duplicates, update, archive',
	description: [
		operationSelector,
		...create.description,
		...createMany.description,
		...get.description,
		...getMany.description,
		...update.description,
		...updateMany.description,
		...replace.description,
		...archive.description,
		...archiveMany.description,
		...restore.description,
		...restoreMany.description,
	],
	operations: {
		archive,
		archiveMany,
		create,
		createMany,
		get,
		getMany,
		replace,
		restore,
		restoreMany,
		update,
		updateMany,
	},
};
