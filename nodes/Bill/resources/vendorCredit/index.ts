import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as archiveMany from './archiveMany.operation';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as replace from './replace.operation';
import * as replaceMany from './replaceMany.operation';
import * as update from './update.operation';
import * as updateMany from './updateMany.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['vendorCredit'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description:
				'Archive a vendor credit so it can no longer be applied. BILL cannot restore an archived vendor credit.',
			action: 'Archive a vendor credit',
		},
		{
			name: 'Archive Many',
			value: 'archiveMany',
			description:
				'Archive the vendor credits the input items name, 50 per request. BILL cannot restore them.',
			action: 'Archive many vendor credits',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				"Record a credit a vendor gave you (what you owe it goes down; apply it on a bill or payment). Skips a reference number the vendor's credits have.",
			action: 'Create a vendor credit',
		},
		{
			name: 'Create Many',
			value: 'createMany',
			description: 'Create many vendor credits from the input items, 50 per request',
			action: 'Create many vendor credits',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a vendor credit by ID, with its amount applied and where it was used',
			action: 'Get a vendor credit',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: "List vendor credits, e.g. a vendor's credits not yet applied",
			action: 'Get many vendor credits',
		},
		{
			name: 'Replace',
			value: 'replace',
			description:
				'Replace a whole vendor credit: its lines become the ones given (lines with an ID are kept, others added, the rest removed)',
			action: 'Replace a vendor credit',
		},
		{
			name: 'Replace Many',
			value: 'replaceMany',
			description: 'Replace many whole vendor credits, 50 per request',
			action: 'Replace many vendor credits',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change some fields or lines of a vendor credit',
			action: 'Update a vendor credit',
		},
		{
			name: 'Update Many',
			value: 'updateMany',
			description: 'Change fields or lines of many vendor credits, 50 per request',
			action: 'Update many vendor credits',
		},
	],
	default: 'getMany',
};

/** Vendor credits (BILL's Postman folder "vendor credits"): no restore, no delete. */
export const vendorCredit: Resource = {
	displayName: 'Vendor Credit',
	summary: 'Credits vendors gave you, applied to bills and payments: create, find, change, archive',
	description: [
		operationSelector,
		...create.description,
		...createMany.description,
		...get.description,
		...getMany.description,
		...update.description,
		...updateMany.description,
		...replace.description,
		...replaceMany.description,
		...archive.description,
		...archiveMany.description,
	],
	operations: {
		archive,
		archiveMany,
		create,
		createMany,
		get,
		getMany,
		replace,
		replaceMany,
		update,
		updateMany,
	},
};
