import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX, checkId, invalid } from '../../helpers/validation';

/** The organization's bank accounts (funding accounts), REFERENCE.md §5. */
export const BANKS_PATH = '/v3/funding-accounts/banks';

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

export const chartOfAccountField: INodeProperties = {
	displayName: 'Chart of Account ID',
	name: 'chartOfAccountId',
	type: 'string',
	default: '',
	placeholder: '0ca02ABCDEFGHIJKLMNO',
	description:
		'The chart of accounts (general-ledger account) the bank account maps to; starts with 0ca',
};

/** Chart of accounts id, checked for shape and prefix; empty means "not given". */
export function chartOfAccountId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	return checkId(context, itemIndex, parameter, value, ID_PREFIX.chartOfAccount);
}

/**
 * A US bank account number: 4 to 17 digits (the ACH limit), spaces and hyphens dropped.
 * The number itself never appears in an error: only what is wrong with it.
 */
export function checkAccountNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string {
	const text =
		typeof value === 'number'
			? String(value)
			: typeof value === 'string'
				? value.replace(/[\s-]+/g, '')
				: '';
	if (!text) throw invalid(context, itemIndex, parameter, 'is required');
	const hint =
		"A US bank account number has 4 to 17 digits, without letters; it is printed on the account's checks and statements.";
	if (!/^\d+$/.test(text))
		throw invalid(context, itemIndex, parameter, 'must contain digits only', hint);
	if (text.length < 4 || text.length > 17) {
		throw invalid(
			context,
			itemIndex,
			parameter,
			`has ${text.length} digits; it must have 4 to 17`,
			hint,
		);
	}
	return text;
}

/** The default-account flags BILL keeps under `default` (REFERENCE.md §5.2). */
export function defaultFlags(fields: IDataObject): IDataObject | undefined {
	const flags: IDataObject = {};
	if (typeof fields.defaultForPayables === 'boolean') flags.payables = fields.defaultForPayables;
	if (typeof fields.defaultForReceivables === 'boolean')
		flags.receivables = fields.defaultForReceivables;
	return Object.keys(flags).length ? flags : undefined;
}

export const MFA_AND_ADMIN_HINT =
	'Creating a bank account needs a BILL user with the ADMINISTRATOR role and an MFA-trusted session: put an MFA ID and its device name in the BILL credential (MFA → Validate Challenge with "Remember Me" on gives one, valid 30 days).';
