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

/** The holder, numbers, type and owner of a new bank account (the organization's or a customer's). */
export const accountNumberFields: INodeProperties[] = [
	{
		displayName: 'Name on Account',
		name: 'nameOnAccount',
		type: 'string',
		default: '',
		required: true,
		description: 'The full name of the account holder, as the bank has it',
	},
	{
		displayName: 'Routing Number',
		name: 'routingNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '074000010',
		description: "The bank's 9-digit ABA routing number; checked before anything is sent",
	},
	{
		displayName: 'Account Number',
		name: 'accountNumber',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The bank account number (4 to 17 digits); never shown in errors',
	},
	{
		displayName: 'Account Type',
		name: 'bankAccountType',
		description: "Checking or savings, as on the bank's records",
		type: 'options',
		options: accountTypeOptions,
		default: 'CHECKING',
		required: true,
	},
	{
		displayName: 'Owner Type',
		name: 'ownerType',
		type: 'options',
		options: ownerTypeOptions,
		default: 'BUSINESS',
		required: true,
		description: 'Whether the account belongs to a business or a person',
	},
];
