import type { INodeProperties } from 'n8n-workflow';

/** Postman "Create a user" and https://developer.bill.com/reference/createuser. */
export const USER_ROLES = [
	{ name: 'Admin', value: 'ADMIN', description: 'Manages the company; may generate API tokens' },
	{ name: 'Auditor', value: 'AUDITOR', description: 'Sees everything, changes nothing' },
	{ name: 'Bookkeeper', value: 'BOOKKEEPER', description: 'Reviews and codes transactions' },
	{ name: 'Member', value: 'MEMBER', description: 'Spends from budgets' },
];

export const optionalUserFields: INodeProperties[] = [
	{
		displayName: 'Date of Birth',
		name: 'dateOfBirth',
		type: 'dateTime',
		default: '',
		description: 'Needed for some card programs; sent as YYYY-MM-DD',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
];
