// A classification (general-ledger account, class, department, location, item, job, employee,
// customer) on a line or on a whole object — bills, vendor credits, invoices, credit memos,
// recurring invoices: what the editor shows (a resource locator per type, picked by name from
// listSearch/classifications.ts or given by ID) and the check of what goes to BILL.

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isByName } from '../../shared/byName';
import { idLocator } from './descriptions';
import { locatorValue } from './getMany';
import { ID_PREFIX, checkId, invalid } from './validation';

/**
 * BILL's classification ids and their prefixes (https://developer.bill.com/docs/ap-bills, https://developer.bill.com/docs/classification-of-bill-generated-ids). Which
 * of them an object takes is LEVEL_KEYS below. Each is picked from a searchable list by name
 * (listSearch/classifications.ts), or given by ID.
 */
export const CLASSIFICATIONS = [
	{
		name: 'chartOfAccountId',
		displayName: 'Chart of Account',
		prefix: ID_PREFIX.chartOfAccount,
		search: 'searchChartOfAccounts',
	},
	{
		name: 'accountingClassId',
		displayName: 'Accounting Class',
		prefix: ID_PREFIX.accountingClass,
		search: 'searchAccountingClasses',
	},
	{
		name: 'departmentId',
		displayName: 'Department',
		prefix: ID_PREFIX.department,
		search: 'searchDepartments',
	},
	{
		name: 'locationId',
		displayName: 'Location',
		prefix: ID_PREFIX.location,
		search: 'searchLocations',
	},
	{
		name: 'itemId',
		displayName: 'Item',
		prefix: ID_PREFIX.item,
		search: 'searchItems',
	},
	{
		name: 'jobId',
		displayName: 'Job',
		prefix: ID_PREFIX.job,
		search: 'searchJobs',
	},
	{
		name: 'employeeId',
		displayName: 'Employee',
		prefix: ID_PREFIX.employee,
		search: 'searchEmployees',
	},
	{
		name: 'customerId',
		displayName: 'Customer',
		prefix: '0cu',
		search: 'searchClassificationCustomers',
	},
];

/**
 * Where classifications go: a bill's line or the whole bill, and the line or the whole of a
 * receivable (invoice, credit memo, recurring invoice).
 */
export type Level = 'line' | 'bill' | 'receivableLine' | 'receivable';

/**
 * The classifications each level takes. Bills: job, employee and customer on lines only
 * (https://developer.bill.com/docs/ap-bills). Invoices (https://developer.bill.com/reference/createinvoice)
 * and credit memos (https://developer.bill.com/docs/ar-credit-memos; Postman "Update multiple
 * credit memos") take chart of account, class, department, job, location and item on a line and
 * class, department, job and location on the whole; BILL names no list for recurring invoices
 * (https://developer.bill.com/docs/ar-recurring-invoices says only "classifications"), so they take
 * what the invoices they make take.
 */
const LEVEL_KEYS: Record<Level, string[]> = {
	line: [
		'chartOfAccountId',
		'accountingClassId',
		'departmentId',
		'locationId',
		'itemId',
		'jobId',
		'employeeId',
		'customerId',
	],
	bill: ['chartOfAccountId', 'accountingClassId', 'departmentId', 'locationId', 'itemId'],
	receivableLine: [
		'chartOfAccountId',
		'accountingClassId',
		'departmentId',
		'locationId',
		'itemId',
		'jobId',
	],
	receivable: ['accountingClassId', 'departmentId', 'locationId', 'jobId'],
};

/** What a level is called in errors ("… is not a line item classification"). */
export const LEVEL_LABEL: Record<Level, string> = {
	line: 'line item',
	bill: 'bill-level',
	receivableLine: 'line item',
	receivable: 'whole-document',
};

export const classificationsOf = (level: Level) =>
	CLASSIFICATIONS.filter((c) => LEVEL_KEYS[level].includes(c.name));

/**
 * The classifications of a line or of a whole object, each a resource locator (a list by name, or
 * an ID). Saved workflows from before hold plain ID strings here; n8n passes them on as they are
 * and lineItems.ts reads both (test/integration/Bill/bill/classifications.test.ts). `whole` names the object
 * in the description of a whole-object level.
 */
export function classificationsField(level: Level, whole = 'bill'): INodeProperties {
	return {
		displayName: 'Classifications',
		name: 'classifications',
		type: 'collection',
		placeholder: 'Add Classification',
		default: {},
		description:
			level === 'line' || level === 'receivableLine'
				? 'Accounting classifications of this line (from BILL or your synced accounting system)'
				: `Accounting classifications of the whole ${whole}`,
		options: classificationsOf(level)
			.map((c) => ({
				...idLocator({
					name: c.name,
					displayName: c.displayName,
					object: c.displayName.toLowerCase(),
					prefix: c.prefix,
					searchListMethod: c.search,
				}),
				required: false,
			}))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** A names a field in errors: the parameter's display name, or the JSON key under a path. */
export type Namer = (field: string) => string;

/**
 * A classifications object of `level` as BILL takes it (`{chartOfAccountId: "0ca…", …}`), from
 * resource locators or plain IDs: each key one the level has, each ID with its type's prefix;
 * keys left empty are dropped, and nothing at all is undefined.
 */
export function checkClassifications(
	context: IExecuteFunctions,
	itemIndex: number,
	name: Namer,
	value: unknown,
	level: Level,
	displayNames: boolean,
): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw invalid(
			context,
			itemIndex,
			name('classifications'),
			'must be an object of classification IDs',
		);
	}
	const allowed = classificationsOf(level);
	const result: IDataObject = {};
	for (const [key, raw] of Object.entries(value as IDataObject)) {
		const spec = allowed.find((c) => c.name === key);
		if (!spec) {
			throw invalid(
				context,
				itemIndex,
				name('classifications'),
				`"${key}" is not a ${LEVEL_LABEL[level]} classification`,
				`Use ${allowed.map((c) => c.name).join(', ')}.`,
			);
		}
		// A resource locator's value, or a plain ID (JSON input, workflows saved before the locators).
		// A name given "By Name" goes on whole: checkId takes the ID it was found to have.
		const id = isByName(raw)
			? raw
			: raw && typeof raw === 'object' && 'value' in raw
				? locatorValue(raw)
				: raw;
		if (isByName(id) && !String(id.value ?? '').trim()) continue;
		if (id === '' || id === undefined || id === null) continue;
		const label = displayNames
			? `${name('classifications')} → ${spec.displayName}`
			: `${name('classifications')}.${key}`;
		result[key] = checkId(context, itemIndex, label, id, spec.prefix);
	}
	return Object.keys(result).length ? result : undefined;
}

/**
 * Puts the classifications of `level` in `value`, checked, on `target` (nothing when none);
 * `where` names them in errors (e.g. "Line Items, line 2 → Classifications").
 */
export function putClassifications(
	context: IExecuteFunctions,
	itemIndex: number,
	target: IDataObject,
	value: unknown,
	level: Level,
	where: string,
): void {
	const checked = checkClassifications(context, itemIndex, () => where, value, level, true);
	if (checked) target.classifications = checked;
}
