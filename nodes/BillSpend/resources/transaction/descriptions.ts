import type { INodeProperties } from 'n8n-workflow';

import { spendLocator } from '../../helpers/fields';

/** A card transaction, picked by merchant, amount, date and status, or by its UUID. */
export const transactionIdField = (description: string): INodeProperties =>
	spendLocator({
		name: 'transactionId',
		displayName: 'Transaction',
		object: 'transaction',
		searchListMethod: 'searchTransactions',
		description,
	});

export const TRANSACTION_TYPES = [
	{ name: 'Authorization', value: 'AUTHORIZATION' },
	{ name: 'Clear', value: 'CLEAR' },
	{ name: 'Decline', value: 'DECLINE' },
];

/** Status of a transaction (https://developer.bill.com/changelog/2026-04-17-se-transactions-improvements). */
export const TRANSACTION_STATUSES = [
	{ name: 'Approved', value: 'APPROVED' },
	{ name: 'Complete', value: 'COMPLETE' },
	{ name: 'Declined', value: 'DECLINED' },
	{ name: 'Denied', value: 'DENIED' },
];

/** https://developer.bill.com/changelog/2025-11-05-spend-expense-transactions-api-improvements */
export const SYNC_STATUSES = [
	{ name: 'Error', value: 'ERROR' },
	{ name: 'Manual Synced', value: 'MANUAL_SYNCED' },
	{ name: 'Not Synced', value: 'NOT_SYNCED' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Synced', value: 'SYNCED' },
];
