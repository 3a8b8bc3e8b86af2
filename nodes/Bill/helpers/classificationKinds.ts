// The seven kinds of BILL classification, one table: every operation of the resource works over
// it (BILL's Postman folder "classifications" has the same ten requests for each kind under
// `/v3/classifications/{kind}`; https://developer.bill.com/changelog/2024-12-10-new-v3-api-endpoints-for-general-ledger-classifications).

import type { IExecuteFunctions } from 'n8n-workflow';

import { ID_PREFIX } from './validation';

export type Kind =
	| 'chartOfAccount'
	| 'accountingClass'
	| 'department'
	| 'employee'
	| 'item'
	| 'job'
	| 'location';

/** A body field of a classification as the node's collections name it. */
export type Field =
	| 'name'
	| 'firstName'
	| 'lastName'
	| 'shortName'
	| 'description'
	| 'parentId'
	| 'accountType'
	| 'accountNumber'
	| 'itemType'
	| 'price'
	| 'purchaseCost'
	| 'purchaseDescription'
	| 'percentage'
	| 'taxable'
	| 'chartOfAccountId'
	| 'expenseChartOfAccountId';

export interface KindInfo {
	/** As the "Type" selector shows it, singular ("Department") and plural ("departments"). */
	displayName: string;
	plural: string;
	/** `/v3/classifications/{path}` */
	path: string;
	/** The ID prefix of this kind (BILL's object ID prefixes). */
	prefix: string;
	/** The key BILL wraps a bulk answer in, e.g. `{ "departments": [...] }` (Postman "Create multiple departments"). */
	bulkKey: string;
	/** The fields BILL's object of this kind has (Postman "Get ... details" responses). */
	fields: Field[];
	/** What identifies one on re-runs: its name, or an employee's first and last name. */
	naming: 'name' | 'person';
}

const NAMED: Field[] = ['name', 'shortName', 'description', 'parentId'];

export const KINDS: Record<Kind, KindInfo> = {
	chartOfAccount: {
		displayName: 'Chart of Account',
		plural: 'chart of accounts',
		path: 'chart-of-accounts',
		prefix: ID_PREFIX.chartOfAccount,
		bulkKey: 'chartOfAccounts',
		fields: ['name', 'description', 'parentId', 'accountType', 'accountNumber'],
		naming: 'name',
	},
	accountingClass: {
		displayName: 'Accounting Class',
		plural: 'accounting classes',
		path: 'accounting-classes',
		prefix: ID_PREFIX.accountingClass,
		bulkKey: 'accountingClasses',
		fields: NAMED,
		naming: 'name',
	},
	department: {
		displayName: 'Department',
		plural: 'departments',
		path: 'departments',
		prefix: ID_PREFIX.department,
		bulkKey: 'departments',
		fields: NAMED,
		naming: 'name',
	},
	employee: {
		displayName: 'Employee',
		plural: 'employees',
		path: 'employees',
		prefix: ID_PREFIX.employee,
		bulkKey: 'employees',
		fields: ['firstName', 'lastName', 'shortName', 'parentId'],
		naming: 'person',
	},
	item: {
		displayName: 'Item',
		plural: 'items',
		path: 'items',
		prefix: ID_PREFIX.item,
		bulkKey: 'items',
		fields: [
			...NAMED,
			'itemType',
			'price',
			'purchaseCost',
			'purchaseDescription',
			'percentage',
			'taxable',
			'chartOfAccountId',
			'expenseChartOfAccountId',
		],
		naming: 'name',
	},
	job: {
		displayName: 'Job',
		plural: 'jobs',
		path: 'jobs',
		prefix: ID_PREFIX.job,
		bulkKey: 'jobs',
		fields: NAMED,
		naming: 'name',
	},
	location: {
		displayName: 'Location',
		plural: 'locations',
		path: 'locations',
		prefix: ID_PREFIX.location,
		bulkKey: 'locations',
		fields: NAMED,
		naming: 'name',
	},
};

export const KIND_NAMES = Object.keys(KINDS) as Kind[];

/** The kind chosen in the "Type" parameter (the same for all items: it shapes the parameters). */
export function kindOf(context: IExecuteFunctions): KindInfo & { kind: Kind } {
	const kind = context.getNodeParameter('classificationType', 0) as Kind;
	const info = KINDS[kind];
	if (!info) throw new Error(`Unknown classification type "${String(kind)}"`);
	return { ...info, kind };
}

/** How an object of this kind is shown and matched: "Rent" or "Ada Lovelace". */
export function nameOf(info: KindInfo, object: Record<string, unknown>): string {
	return info.naming === 'person'
		? [object.firstName, object.lastName]
				.filter((part) => part !== undefined && part !== null && part !== '')
				.join(' ')
		: String(object.name ?? '');
}
