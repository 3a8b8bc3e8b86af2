import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as archiveMany from './archiveMany.operation';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import { typeField } from './descriptions';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as restore from './restore.operation';
import * as restoreMany from './restoreMany.operation';
import * as update from './update.operation';
import * as updateMany from './updateMany.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['classification'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description:
				'Archive a classification (a GL account, class, department, employee, item, job or location) so it can no longer be chosen; BILL has no delete',
			action: 'Archive a classification',
		},
		{
			name: 'Archive Many',
			value: 'archiveMany',
			description: 'Archive the classifications the input items name, 50 per request',
			action: 'Archive many classifications',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Create a classification: a chart of accounts entry (GL account), accounting class, department, employee, item, job or location. Skips one whose name exists.',
			action: 'Create a classification',
		},
		{
			name: 'Create Many',
			value: 'createMany',
			description:
				'Create many classifications of one type from the input items, 50 per request; skips names that exist',
			action: 'Create many classifications',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one classification by ID',
			action: 'Get a classification',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'List the classifications of one type (e.g. the chart of accounts), active or archived',
			action: 'Get many classifications',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived classification',
			action: 'Restore a classification',
		},
		{
			name: 'Restore Many',
			value: 'restoreMany',
			description: 'Restore the archived classifications the input items name, 50 per request',
			action: 'Restore many classifications',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change some fields of a classification, e.g. its name or description',
			action: 'Update a classification',
		},
		{
			name: 'Update Many',
			value: 'updateMany',
			description: 'Change fields of many classifications of one type, 50 per request',
			action: 'Update many classifications',
		},
	],
	default: 'getMany',
};

/**
 * General-ledger classifications (BILL's Postman folder "classifications"): seven types with the
 * same operations. BILL has no replace (PUT) and no delete for them.
 */
export const classification: Resource = {
	displayName: 'Classification',
	summary:
		'Chart of accounts, accounting classes, departments, employees, items, jobs and locations that bills are coded to',
	description: [
		operationSelector,
		{ ...typeField, displayOptions: { show: { resource: ['classification'] } } },
		...create.description,
		...createMany.description,
		...get.description,
		...getMany.description,
		...update.description,
		...updateMany.description,
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
		restore,
		restoreMany,
		update,
		updateMany,
	},
};
