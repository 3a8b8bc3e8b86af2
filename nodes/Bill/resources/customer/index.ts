import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as bankAccountAction from './bankAccountAction.operation';
import * as create from './create.operation';
import * as createBankAccount from './createBankAccount.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyBankAccounts from './getManyBankAccounts.operation';
import * as restore from './restore.operation';
import * as setChargeAuthorization from './setChargeAuthorization.operation';
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
			name: 'Archive Bank Account',
			value: 'archiveBankAccount',
			description: "Archive one of a customer's bank accounts (it cannot be restored)",
			action: 'Archive a customer bank account',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Create a customer you invoice, with name and email. Optionally returns the existing customer with that name or email instead, so a re-run creates nothing twice.',
			action: 'Create a customer',
		},
		{
			name: 'Create Bank Account',
			value: 'createBankAccount',
			description:
				"Add the customer's bank account, which Received Payment → Charge takes invoice payments from. Returns the customer's active account with the same numbers instead of adding it twice.",
			action: 'Create a customer bank account',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one customer by ID, with its balance',
			action: 'Get a customer',
		},
		{
			name: 'Get Bank Account',
			value: 'getBankAccount',
			description: "Get one of a customer's bank accounts, with its verification status",
			action: 'Get a customer bank account',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List customers, filtered by name, account type, currency or dates',
			action: 'Get many customers',
		},
		{
			name: 'Get Many Bank Accounts',
			value: 'getManyBankAccounts',
			description: "List a customer's bank accounts",
			action: 'Get many customer bank accounts',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived customer',
			action: 'Restore a customer',
		},
		{
			name: 'Set Charge Authorization',
			value: 'setChargeAuthorization',
			description:
				'Record that the customer authorized you to charge their bank account for invoices (needed before Received Payment → Charge)',
			action: 'Set whether a customer may be charged',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change some fields of a customer (name, email, addresses…)',
			action: 'Update a customer',
		},
		{
			name: 'Update Bank Account',
			value: 'updateBankAccount',
			description: "Change the nickname or owner type of a customer's bank account",
			action: 'Update a customer bank account',
		},
	],
	default: 'getMany',
};

export const customer: Resource = {
	displayName: 'Customer',
	summary:
		'Companies and people you invoice (receivables): create, find, update, archive; authorize charging them and keep their bank accounts',
	description: [
		operationSelector,
		...create.description,
		...get.description,
		...getMany.description,
		...update.description,
		...archive.description,
		...restore.description,
		...setChargeAuthorization.description,
		...createBankAccount.description,
		...getManyBankAccounts.description,
		...bankAccountAction.description,
	],
	operations: {
		archive,
		archiveBankAccount: bankAccountAction,
		create,
		createBankAccount,
		get,
		getBankAccount: bankAccountAction,
		getMany,
		getManyBankAccounts,
		restore,
		setChargeAuthorization,
		update,
		updateBankAccount: bankAccountAction,
	},
};
