import type { INodeProperties } from 'n8n-workflow';

import { spendLocator } from '../../helpers/fields';

/** A reimbursement, picked by merchant, amount, date and status, or by its UUID. */
export const reimbursementIdField = (description: string): INodeProperties =>
	spendLocator({
		name: 'reimbursementId',
		displayName: 'Reimbursement',
		object: 'reimbursement',
		searchListMethod: 'searchReimbursements',
		description,
	});

/**
 * Statuses seen in BILL's examples (Postman "Get list of reimbursements"). Open question: BILL
 * shows no status of a reimbursement still awaiting its first approval nor of a denied one;
 * AWAITING_APPROVAL and DENIED are assumed.
 */
export const REIMBURSEMENT_STATUSES = [
	{ name: 'Approval Undone', value: 'APPROVAL_UNDONE' },
	{ name: 'Approved', value: 'APPROVED' },
	{ name: 'Archived', value: 'ARCHIVED' },
	{ name: 'Awaiting Approval', value: 'AWAITING_APPROVAL' },
	{ name: 'Awaiting Tier 2 Approval', value: 'AWAITING_TIER2_APPROVAL' },
	{ name: 'Denied', value: 'DENIED' },
	{ name: 'Paid', value: 'PAID' },
	{ name: 'Payment Failed', value: 'PAYMENT_FAILED' },
	{ name: 'Ready to Pay', value: 'READY_TO_PAY' },
	{ name: 'Tier 2 Approval Undone', value: 'TIER2_APPROVAL_UNDONE' },
];

export const reimbursementBudget = (description: string, required = true) => ({
	...spendLocator({
		name: 'budgetId',
		displayName: 'Budget',
		object: 'budget',
		searchListMethod: 'searchBudgets',
		description,
	}),
	required,
});

export const optionalReimbursementFields: INodeProperties[] = [
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		description: 'What the expense was for',
	},
];
