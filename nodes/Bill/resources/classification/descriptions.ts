// What the editor shows: the classification parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { chartOfAccountLocator, idLocator } from '../../helpers/descriptions';
import { KINDS, KIND_NAMES, type Field, type Kind } from '../../helpers/classificationKinds';

/** The classification of the same type this one is under, from the list of the chosen type. */
function parentLocator(kind: Kind): INodeProperties {
	return idLocator({
		name: 'parentId',
		displayName: 'Parent',
		object: KINDS[kind].displayName.toLowerCase(),
		prefix: KINDS[kind].prefix,
		searchListMethod: 'searchClassifications',
		optional: true,
		description: 'The classification of the same type this one is under',
	});
}

export const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'classificationType',
	type: 'options',
	noDataExpression: true,
	options: KIND_NAMES.map((kind) => ({
		name: KINDS[kind].displayName,
		value: kind,
		description: `BILL's ${KINDS[kind].plural}`,
	})),
	default: 'chartOfAccount',
	description: 'Which kind of classification (general-ledger list) to work with',
};

/**
 * The classification an operation works on: picked from a searchable list of the chosen type
 * (by name), or given by ID. IDs are checked for the prefix of the chosen type when the node runs.
 */
export const classificationLocator = (description: string): INodeProperties => ({
	displayName: 'Classification',
	name: 'classificationId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchClassifications', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '0ca02ABCDEFGHIJKLMNO',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^[0-9A-Za-z]{20}$',
						errorMessage: 'A BILL classification ID has 20 letters and digits, e.g. 0ca02…',
					},
				},
			],
		},
	],
});

/**
 * The account types BILL's Postman collection shows ("Get list of chart of accounts" and its other
 * chart-of-accounts responses). BILL publishes no full list: another value it knows can be given
 * as an expression (it goes to BILL as given, upper-cased).
 */
export const ACCOUNT_TYPES = [
	'ACCOUNTS_RECEIVABLE',
	'CREDIT_CARD',
	'EXPENSE',
	'FIXED_ASSET',
	'OTHER_CURRENT_ASSET',
	'OTHER_CURRENT_LIABILITY',
];

/** The item types BILL's Postman collection shows (its item requests); others as an expression. */
export const ITEM_TYPES = [
	'FIXED_ASSET',
	'INVENTORY',
	'OTHER_CHARGE',
	'PAYMENT',
	'SALES_TAX',
	'SALES_TAX_GROUP',
];

const title = (value: string) =>
	value
		.toLowerCase()
		.split('_')
		.map((w) => w[0].toUpperCase() + w.slice(1))
		.join(' ');

/** Every field a classification may have, as the editor shows it (helpers/classificationKinds.ts says which kind has which). */
const FIELDS: Record<Field, INodeProperties> = {
	name: {
		displayName: 'Name',
		name: 'name',
		description: 'The name as it shows in BILL and in your accounting system',
		type: 'string',
		default: '',
	},
	firstName: {
		displayName: 'First Name',
		name: 'firstName',
		description: "The employee's first name",
		type: 'string',
		default: '',
	},
	lastName: {
		displayName: 'Last Name',
		name: 'lastName',
		description: "The employee's last name",
		type: 'string',
		default: '',
	},
	shortName: { displayName: 'Short Name', name: 'shortName', type: 'string', default: '' },
	description: { displayName: 'Description', name: 'description', type: 'string', default: '' },
	// Each kind's collection has its own (parentLocator): the ID prefix is the kind's.
	parentId: parentLocator('chartOfAccount'),
	accountType: {
		displayName: 'Account Type',
		name: 'accountType',
		type: 'options',
		options: ACCOUNT_TYPES.map((value) => ({ name: title(value), value })),
		default: 'EXPENSE',
		description:
			'The type of the general-ledger account. Another type BILL knows can be given as an expression.',
	},
	accountNumber: {
		displayName: 'Account Number',
		name: 'accountNumber',
		type: 'string',
		default: '',
		placeholder: '6100',
		description: 'The general-ledger account number, e.g. 6100 or 1-020',
	},
	itemType: {
		displayName: 'Item Type',
		name: 'itemType',
		type: 'options',
		options: ITEM_TYPES.map((value) => ({ name: title(value), value })),
		default: 'INVENTORY',
		description: 'Another type BILL knows can be given as an expression',
	},
	price: { displayName: 'Price', name: 'price', type: 'number', default: 0 },
	purchaseCost: { displayName: 'Purchase Cost', name: 'purchaseCost', type: 'number', default: 0 },
	purchaseDescription: {
		displayName: 'Purchase Description',
		name: 'purchaseDescription',
		type: 'string',
		default: '',
	},
	percentage: {
		displayName: 'Percentage',
		name: 'percentage',
		type: 'number',
		default: 0,
		description: 'The rate of a sales-tax item, e.g. 7.25',
	},
	taxable: {
		displayName: 'Taxable',
		name: 'taxable',
		type: 'boolean',
		default: false,
		description: 'Whether the item is taxable',
	},
	chartOfAccountId: chartOfAccountLocator(
		'chartOfAccountId',
		'Income Chart of Account',
		'The income account of sales of the item',
	),
	expenseChartOfAccountId: chartOfAccountLocator(
		'expenseChartOfAccountId',
		'Expense Chart of Account',
		'The expense account of purchases of the item',
	),
};

/** The fields a create asks for first (all required but an employee's last name). */
export const MAIN_FIELDS: Field[] = ['name', 'firstName', 'lastName', 'accountType', 'itemType'];

/** The main fields of a create or a Create Many, each shown for the kinds that have it. */
export function mainFields(): INodeProperties[] {
	return MAIN_FIELDS.map((field) => ({
		...FIELDS[field],
		required: field !== 'lastName',
		displayOptions: {
			show: { classificationType: KIND_NAMES.filter((k) => KINDS[k].fields.includes(field)) },
		},
	}));
}

/**
 * One collection per kind (all named `name`), each with the fields of its kind but `omit`: n8n
 * shows the one of the chosen type.
 */
export function fieldsCollections(
	name: string,
	displayName: string,
	omit: Field[],
): INodeProperties[] {
	return KIND_NAMES.map((kind: Kind) => ({
		displayName,
		name,
		type: 'collection' as const,
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { classificationType: [kind] } },
		options: KINDS[kind].fields
			.filter((field) => !omit.includes(field))
			.map((field) => (field === 'parentId' ? parentLocator(kind) : FIELDS[field]))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	}));
}

export const skipExistingField: INodeProperties = {
	displayName: 'Skip Existing Names',
	name: 'skipExisting',
	type: 'boolean',
	default: true,
	description:
		"Whether to create nothing where an active classification of the type already has the name (an employee's first and last name), returning it with alreadyExisted: true. Makes a re-run safe. Names are compared ignoring case.",
};

/** How a Many operation reads its input: one per item from the fields, or BILL's JSON. */
export const inputField: INodeProperties = {
	displayName: 'Input',
	name: 'classificationsInput',
	description:
		"Where the classifications come from: fields mapped per item, or each item's JSON as it is",
	type: 'options',
	options: [
		{
			name: 'One per Input Item',
			value: 'items',
			description: 'Each input item is one classification, from the fields below',
		},
		{
			name: 'JSON',
			value: 'json',
			description:
				"Classifications in BILL's own format, built earlier in the workflow: one or an array per input item",
		},
	],
	default: 'items',
};

export const jsonField = (description: string): INodeProperties => ({
	displayName: 'Classifications (JSON)',
	name: 'classificationsJson',
	type: 'json',
	default: '[]',
	required: true,
	description,
	displayOptions: { show: { classificationsInput: ['json'] } },
});
