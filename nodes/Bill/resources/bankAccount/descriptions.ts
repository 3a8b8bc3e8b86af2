// What the editor shows: the bank account parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX } from '../../helpers/validation';

export const bankAccountLocator = (description?: string): INodeProperties =>
	idLocator({
		name: 'bankAccountId',
		displayName: 'Bank Account',
		object: 'bank account',
		prefix: ID_PREFIX.bankAccount,
		searchListMethod: 'searchBankAccounts',
		description,
	});

export const accountTypeOptions = [
	{ name: 'Checking', value: 'CHECKING' },
	{ name: 'Savings', value: 'SAVINGS' },
];

export const ownerTypeOptions = [
	{ name: 'Business', value: 'BUSINESS' },
	{ name: 'Personal', value: 'PERSONAL' },
];

export const statusOptions = [
	{ name: 'Blocked', value: 'BLOCKED' },
	{ name: 'Expired', value: 'EXPIRED' },
	{ name: 'Invalid', value: 'INVALID' },
	{ name: 'Not Verified', value: 'NOT_VERIFIED' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Verified', value: 'VERIFIED' },
];

export const accessToAdminsField: INodeProperties = {
	displayName: 'Access to Admins',
	name: 'accessToAdmins',
	type: 'boolean',
	default: false,
	description:
		'Whether every user with the ADMINISTRATOR role in the organization may use this bank account',
};

export const chartOfAccountField: INodeProperties = idLocator({
	name: 'chartOfAccountId',
	displayName: 'Chart of Account',
	object: 'chart of account',
	prefix: ID_PREFIX.chartOfAccount,
	searchListMethod: 'searchChartOfAccounts',
	optional: true,
	description: 'The chart of accounts (general-ledger account) the bank account maps to',
});
