import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkAmount, checkDate, checkSpendId } from '../../helpers/validation';

const LABELS: Record<string, string> = {
	amount: 'Amount',
	merchantName: 'Merchant Name',
	occurredDate: 'Date',
	note: 'Note',
	budgetId: 'Budget',
};

/**
 * The node's reimbursement fields as BILL's body (Postman "Create a reimbursement":
 * `{budgetId, userId, occurredDate, note, merchantName, amount, receipts}`), each checked.
 */
export function reimbursementBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	collection = '',
): IDataObject {
	const label = (key: string) => (collection ? `${collection} → ${LABELS[key]}` : LABELS[key]);
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key === 'amount') body.amount = checkAmount(context, itemIndex, label(key), value);
		else if (key === 'occurredDate')
			body.occurredDate = checkDate(context, itemIndex, label(key), value);
		else if (key === 'budgetId')
			body.budgetId = checkSpendId(context, itemIndex, label(key), value, key);
		else body[key] = typeof value === 'string' ? value.trim() : value;
	}
	return body;
}
