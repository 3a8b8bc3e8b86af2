import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyUsers from './getManyUsers.operation';
import * as nominateUser from './nominateUser.operation';
import * as removeUser from './removeUser.operation';
import * as update from './update.operation';
import * as verify from './verify.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['bankAccount'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description: "Archive a verified bank account: BILL's way to remove one (it has no delete)",
			action: 'Archive a bank account',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Add a company bank account to pay from (routing and account number); needs an administrator and an MFA-trusted session. Starts Pending until verified.',
			action: 'Create a bank account',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one bank account by ID, with its status and default flags',
			action: 'Get a bank account',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				"List the organization's bank accounts, filtered by status, type, owner type or dates",
			action: 'Get many bank accounts',
		},
		{
			name: 'Get Many Users',
			value: 'getManyUsers',
			description: 'List who may pay with which bank account, and whether BILL has verified them',
			action: 'Get many bank account users',
		},
		{
			name: 'Nominate User',
			value: 'nominateUser',
			description:
				'Let a user pay with a verified bank account; BILL emails them to verify their identity',
			action: 'Nominate a bank account user',
		},
		{
			name: 'Remove User',
			value: 'removeUser',
			description: "Remove a user's access to a bank account",
			action: 'Remove a bank account user',
		},
		{
			name: 'Update',
			value: 'update',
			description:
				'Change a verified bank account: name, nickname, owner type, access to admins, default for payables or receivables',
			action: 'Update a bank account',
		},
		{
			name: 'Verify',
			value: 'verify',
			description:
				"Verify a new bank account with the amount of BILL's test deposit (0.50 in the sandbox)",
			action: 'Verify a bank account',
		},
	],
	default: 'getMany',
};

export const bankAccount: Resource = {
	displayName: 'Bank Account',
	summary:
		"The organization's bank accounts to pay from: add, verify, set as default, archive, and who may use them",
	description: [
		operationSelector,
		...create.description,
		...get.description,
		...getMany.description,
		...update.description,
		...verify.description,
		...archive.description,
		...getManyUsers.description,
		...nominateUser.description,
		...removeUser.description,
	],
	operations: {
		archive,
		create,
		get,
		getMany,
		getManyUsers,
		nominateUser,
		removeUser,
		update,
		verify,
	},
};
