import type { INodeProperties } from 'n8n-workflow';

/** https://developer.bill.com/reference/createbudget: when the budget's limit starts again. */
export const RECURRING_INTERVALS = [
	{ name: 'Daily', value: 'DAILY' },
	{ name: 'Monthly (1st of the Month)', value: 'MONTHLY' },
	{ name: 'None (One Limit, No Reset)', value: 'NONE' },
	{ name: 'Quarterly', value: 'QUARTERLY' },
	{ name: 'Weekly (Monday)', value: 'WEEKLY' },
	{ name: 'Yearly', value: 'YEARLY' },
];

export const BUDGET_ROLES = [
	{ name: 'Member', value: 'MEMBER', description: 'Spends from the budget' },
	{ name: 'Observer', value: 'OBSERVER', description: 'Sees the budget, does not spend' },
	{ name: 'Owner', value: 'OWNER', description: 'Manages the budget and its members' },
];

export const limitField = (required: boolean): INodeProperties => ({
	displayName: 'Budget Limit',
	name: 'budgetLimit',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	required,
	description: 'The budget limit (USD) of the current period',
});

/** Fields a budget may have beyond the required ones; all of them on update. */
export const optionalBudgetFields: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Expiration Date',
		name: 'expirationDate',
		type: 'dateTime',
		default: '',
		description: 'The last day of the budget',
	},
	{
		displayName: 'Recur Month',
		name: 'recurMonth',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 12 },
		default: 1,
		description: 'The month (1–12) a quarterly or yearly budget starts again',
	},
	{
		displayName: 'Recurring Limit',
		name: 'recurringLimit',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'The limit each new period starts with (USD)',
	},
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'US/Pacific',
		description: 'When the budget resets, e.g. US/Pacific or US/Eastern',
	},
];

export const peopleFields: INodeProperties[] = [
	{
		displayName: 'Additional Owner IDs',
		name: 'additionalOwners',
		type: 'string',
		default: '',
		description: 'Comma-separated UUIDs of more users who own the budget',
	},
	{
		displayName: 'Member IDs',
		name: 'members',
		type: 'string',
		default: '',
		description: 'Comma-separated UUIDs of users who spend from the budget',
	},
	{
		displayName: 'Observer IDs',
		name: 'observers',
		type: 'string',
		default: '',
		description: 'Comma-separated UUIDs of users who see the budget',
	},
];

const DISPLAY_NAMES: Record<string, string> = {
	name: 'Name',
	recurringInterval: 'Recurring Interval',
	budgetLimit: 'Budget Limit',
	description: 'Description',
	expirationDate: 'Expiration Date',
	recurMonth: 'Recur Month',
	recurringLimit: 'Recurring Limit',
	timezone: 'Time Zone',
	members: 'Member IDs',
	observers: 'Observer IDs',
};

/** The parameter as the user sees it, for refusals: "Update Fields → Time Zone". */
export const budgetLabel = (collection: string) => (key: string) =>
	collection ? `${collection} → ${DISPLAY_NAMES[key] ?? key}` : (DISPLAY_NAMES[key] ?? key);
