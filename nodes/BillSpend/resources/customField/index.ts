import type { Resource } from '../../../Bill/operation';
import { operationSelector } from '../../helpers/selector';
import * as addValues from './addValues.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyValues from './getManyValues.operation';
import * as getValue from './getValue.operation';
import * as removeValues from './removeValues.operation';
import * as update from './update.operation';

export const customField: Resource = {
	displayName: 'Custom Field',
	summary: 'Fields for coding transactions (e.g. project, GL account) and the values people pick',
	description: [
		operationSelector(
			'customField',
			[
				{
					name: 'Add Values',
					value: 'addValues',
					description: 'Add values people can pick for a custom field',
					action: 'Add values to a custom field',
				},
				{
					name: 'Create',
					value: 'create',
					description: 'Create a custom field, with the values to pick from',
					action: 'Create a custom field',
				},
				{
					name: 'Delete',
					value: 'delete',
					description: 'Delete a custom field (permanent)',
					action: 'Delete a custom field',
				},
				{
					name: 'Get',
					value: 'get',
					description: 'Get a custom field',
					action: 'Get a custom field',
				},
				{
					name: 'Get Many',
					value: 'getMany',
					description: 'List custom fields',
					action: 'Get many custom fields',
				},
				{
					name: 'Get Many Values',
					value: 'getManyValues',
					description: 'List the values of a custom field',
					action: 'Get many values of a custom field',
				},
				{
					name: 'Get Value',
					value: 'getValue',
					description: 'Get one value of a custom field',
					action: 'Get a value of a custom field',
				},
				{
					name: 'Remove Values',
					value: 'removeValues',
					description: 'Remove values of a custom field (past transactions keep them)',
					action: 'Remove values from a custom field',
				},
				{
					name: 'Update',
					value: 'update',
					description: "Change a custom field's name, description or rules",
					action: 'Update a custom field',
				},
			],
			'getMany',
		),
		...create.description,
		...get.description,
		...getMany.description,
		...update.description,
		...del.description,
		...getValue.description,
		...getManyValues.description,
		...addValues.description,
		...removeValues.description,
	],
	operations: {
		addValues,
		create,
		delete: del,
		get,
		getMany,
		getManyValues,
		getValue,
		removeValues,
		update,
	},
};
