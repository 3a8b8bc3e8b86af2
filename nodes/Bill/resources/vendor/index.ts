import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import * as get from './get.operation';
import * as getAuditTrail from './getAuditTrail.operation';
import * as getBankAccount from './getBankAccount.operation';
import * as getConfiguration from './getConfiguration.operation';
import * as getInternationalConfiguration from './getInternationalConfiguration.operation';
import * as getMany from './getMany.operation';
import * as removeBankAccount from './removeBankAccount.operation';
import * as restore from './restore.operation';
import * as setBankAccount from './setBankAccount.operation';
import * as update from './update.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['vendor'] } },
	options: [
		{
			name: 'Archive',
			value: 'archive',
			description: 'Archive a vendor (BILL has no delete)',
			action: 'Archive a vendor',
		},
		{ name: 'Create', value: 'create', description: 'Create a vendor', action: 'Create a vendor' },
		{
			name: 'Create Many',
			value: 'createMany',
			description:
				'Create a vendor per input item, 20 per request (all or none per request); skips names that exist',
			action: 'Create many vendors',
		},
		{ name: 'Get', value: 'get', description: 'Get a vendor by ID', action: 'Get a vendor' },
		{
			name: 'Get Audit Trail',
			value: 'getAuditTrail',
			description: "List who changed what on a vendor and when (BILL's audit trail)",
			action: 'Get the audit trail of a vendor',
		},
		{
			name: 'Get Bank Account',
			value: 'getBankAccount',
			description:
				'Get the bank account a vendor is paid to (account number shown as its last four digits)',
			action: 'Get the bank account of a vendor',
		},
		{
			name: 'Get Configuration',
			value: 'getConfiguration',
			description:
				'Get what an international vendor needs for payments: payment purpose codes and required fields',
			action: 'Get the configuration of a vendor',
		},
		{
			name: 'Get International Payments Configuration',
			value: 'getInternationalConfiguration',
			description:
				'Before creating an international vendor: what its country, currency and account type require',
			action: 'Get international payments configuration',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List vendors, filtered by name, type, currency or dates',
			action: 'Get many vendors',
		},
		{
			name: 'Remove Bank Account',
			value: 'removeBankAccount',
			description: 'Remove the bank account a vendor is paid to',
			action: 'Remove the bank account of a vendor',
		},
		{
			name: 'Restore',
			value: 'restore',
			description: 'Restore an archived vendor',
			action: 'Restore a vendor',
		},
		{
			name: 'Set Bank Account',
			value: 'setBankAccount',
			description:
				'Set the bank account a vendor is paid to (replaces the one it has; nothing changes when it has this one). Needs an MFA-trusted session.',
			action: 'Set the bank account of a vendor',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change some fields of a vendor',
			action: 'Update a vendor',
		},
	],
	default: 'getMany',
};

export const vendor: Resource = {
	displayName: 'Vendor',
	summary: 'Companies and people you pay: create, find, update, archive',
	description: [
		operationSelector,
		...create.description,
		...createMany.description,
		...get.description,
		...getMany.description,
		...update.description,
		...archive.description,
		...restore.description,
		...getBankAccount.description,
		...setBankAccount.description,
		...removeBankAccount.description,
		...getConfiguration.description,
		...getInternationalConfiguration.description,
		...getAuditTrail.description,
	],
	operations: {
		archive,
		create,
		createMany,
		get,
		getAuditTrail,
		getBankAccount,
		getConfiguration,
		getInternationalConfiguration,
		getMany,
		removeBankAccount,
		restore,
		setBankAccount,
		update,
	},
};
