/**
 * BILL Spend & Expense lists as BILL documents them: for each list, the filter fields with
 * their operators, the sort fields and the page size, each citing BILL's page or Postman
 * request. What is here is accepted; any other filter field, operator or sort field is refused
 * with 400 BDC_1002 "filters: field … cannot be filtered", as BILL refuses an unknown field.
 *
 * Syntax (every S&E list, https://developer.bill.com/docs/search-op-with-lists and the pages
 * below): `max`, `nextPage`/`prevPage` tokens, one `sort` field `{field}:{asc|desc}`, `filters`
 * as `{field}:{op}:{value}` joined by commas, list values quoted.
 */
import type { FilterableFields, Operator } from './list';

/** One documented filter field: its operators and where BILL documents it. */
export interface DocumentedFilter {
	ops: Operator[];
	source: string;
}

export interface DocumentedList {
	/** BILL's page (or Postman request) for the list as a whole. */
	source: string;
	/** The largest `max`. */
	maxPage: number;
	filters: Record<string, DocumentedFilter>;
	/** Sort field → where BILL documents it. */
	sort: Record<string, string>;
}

const LIST_TRANSACTIONS = 'https://developer.bill.com/reference/listtransactions';
const NOV_2025 =
	'https://developer.bill.com/changelog/2025-11-05-spend-expense-transactions-api-improvements';
const JAN_2026 =
	'https://developer.bill.com/changelog/2026-01-26-spend-expense-transactions-api-improvements';
const CARDS = 'https://developer.bill.com/reference/listcards';
const REIMBURSEMENTS = 'https://developer.bill.com/reference/listreimbursements';
const BUDGETS = 'https://developer.bill.com/reference/listbudgets';
const CUSTOM_FIELDS = 'https://developer.bill.com/reference/listcustomfields';
const USERS = 'https://developer.bill.com/reference/listusers';

const ids: Operator[] = ['eq', 'in'];
const range: Operator[] = ['gte', 'lte'];

export const SPEND_LISTS = {
	transactions: {
		source: LIST_TRANSACTIONS,
		maxPage: 50,
		filters: {
			cardId: { ops: ids, source: LIST_TRANSACTIONS },
			merchantName: { ops: ['eq'], source: LIST_TRANSACTIONS },
			userId: { ops: ids, source: LIST_TRANSACTIONS },
			budgetId: { ops: ids, source: LIST_TRANSACTIONS },
			fees: { ops: range, source: LIST_TRANSACTIONS },
			transactionIds: { ops: ids, source: LIST_TRANSACTIONS },
			customFieldIds: { ops: ids, source: LIST_TRANSACTIONS },
			syncStatus: { ops: ['eq', 'ne', 'in', 'nin'], source: NOV_2025 },
			updatedTime: { ops: range, source: JAN_2026 },
			authorizedTime: { ops: range, source: JAN_2026 },
			amount: {
				ops: ['gte'],
				source: 'Postman "Get list of transactions" (filters=amount:gte:100.00)',
			},
		},
		sort: {
			amount: LIST_TRANSACTIONS,
			merchantName: LIST_TRANSACTIONS,
			occurredTime: LIST_TRANSACTIONS,
		},
	},
	cards: {
		source: CARDS,
		maxPage: 100,
		filters: {
			status: { ops: ['eq'], source: CARDS },
			budgetIds: { ops: ids, source: CARDS },
			cardIds: { ops: ids, source: CARDS },
			userIds: { ops: ids, source: CARDS },
			types: { ops: ids, source: CARDS },
		},
		sort: { name: CARDS, lastFour: CARDS, status: CARDS },
	},
	reimbursements: {
		source: REIMBURSEMENTS,
		maxPage: 100,
		filters: {
			reimbursementIds: { ops: ids, source: REIMBURSEMENTS },
			budgetIds: { ops: ids, source: REIMBURSEMENTS },
			userIds: { ops: ids, source: REIMBURSEMENTS },
			customFieldValueIds: { ops: ids, source: REIMBURSEMENTS },
			type: { ops: ['eq'], source: REIMBURSEMENTS },
			submittedTime: { ops: range, source: REIMBURSEMENTS },
			retired: { ops: ['eq'], source: REIMBURSEMENTS },
		},
		sort: {
			submittedTime: REIMBURSEMENTS,
			status: REIMBURSEMENTS,
			amount: REIMBURSEMENTS,
			receiptAddedTime: REIMBURSEMENTS,
			fulfillmentType: REIMBURSEMENTS,
			batchId: REIMBURSEMENTS,
			batchAmount: REIMBURSEMENTS,
		},
	},
	budgets: {
		source: BUDGETS,
		maxPage: 100,
		filters: {
			isBudgetGroup: { ops: ['eq'], source: BUDGETS },
			budgetIds: { ops: ids, source: BUDGETS },
			parentBudgetId: { ops: ['eq'], source: BUDGETS },
			name: { ops: ['eq', 'sw'], source: BUDGETS },
			retired: { ops: ['eq'], source: BUDGETS },
		},
		sort: { name: BUDGETS, assigned: BUDGETS, limit: BUDGETS, spent: BUDGETS },
	},
	budgetMembers: {
		source: 'Postman "Get list of budget members"',
		maxPage: 100,
		filters: {
			retired: { ops: ['eq'], source: 'Postman "Get list of budget members" (retired:eq:false)' },
		},
		sort: { spent: 'Postman "Get list of budget members" (sort=spent:desc)' },
	},
	customFields: {
		source: CUSTOM_FIELDS,
		maxPage: 100,
		filters: {
			name: { ops: ['eq', 'sw'], source: CUSTOM_FIELDS },
			retired: { ops: ['eq'], source: CUSTOM_FIELDS },
		},
		sort: { name: CUSTOM_FIELDS, createdTime: CUSTOM_FIELDS },
	},
	customFieldValues: {
		source: 'Postman "Get list of custom field values"',
		maxPage: 100,
		filters: {
			retired: {
				ops: ['eq'],
				source: 'Postman "Get list of custom field values" (retired:eq:false)',
			},
		},
		sort: {},
	},
	transactionCustomFieldValues: {
		source: 'Postman "Get list of transaction custom field values"',
		maxPage: 100,
		filters: {},
		sort: {},
	},
	users: {
		source: USERS,
		maxPage: 100,
		filters: { retired: { ops: ['eq'], source: USERS } },
		sort: {},
	},
} satisfies Record<string, DocumentedList>;

export type SpendListName = keyof typeof SPEND_LISTS;

/** A list's rules in the shape `spendPage` takes. */
export function spendListRules(name: SpendListName): {
	filterable: FilterableFields;
	sortable: string[];
	maxPage: number;
} {
	const list: DocumentedList = SPEND_LISTS[name];
	return {
		filterable: Object.fromEntries(Object.entries(list.filters).map(([f, d]) => [f, d.ops])),
		sortable: Object.keys(list.sort),
		maxPage: list.maxPage,
	};
}
