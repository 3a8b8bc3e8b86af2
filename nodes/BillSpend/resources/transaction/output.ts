import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { simplifyByVersion } from '../../../shared/simplify';

/**
 * The fields of a transaction most workflows and AI agents use, flat: who, where, how much,
 * when, which budget and card, and whether a receipt is missing.
 */
export function simplifyTransaction(t: IDataObject): IDataObject {
	const receipts = (t.receipts as IDataObject[] | undefined) ?? [];
	return {
		uuid: t.uuid,
		transactionType: t.transactionType,
		status: t.status,
		amount: t.amount,
		merchantName: t.merchantName,
		occurredTime: t.occurredTime,
		userUuid: t.userUuid,
		userName: t.userName,
		budgetUuid: t.budgetUuid,
		budgetName: t.budgetName,
		cardUuid: t.cardUuid,
		cardLastFour: t.cardLastFour,
		receiptRequired: t.receiptRequired,
		receiptStatus: t.receiptStatus,
		receipts: receipts.length,
	};
}

/** Whether to output the main fields only; on by default from typeVersion 1.1. */
export const simplifyField: INodeProperties[] = simplifyByVersion(
	'Whether to return only the main fields (amount, merchant, time, user, budget, card, receipt status) instead of all of them',
);
