// Archive Many and Restore Many: `POST /v3/credit-memos/bulk/{archive|restore}?ids=…` (BILL's
// "Archive multiple credit memos" / "Restore multiple credit memos", no body), 50 a request;
// idempotent, so a repeat after a lost answer is safe.

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendIds } from '../../helpers/bulk';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { creditMemoLocator } from './descriptions';

export function bulkStateOperation(action: 'archive' | 'restore'): {
	description: INodeProperties[];
	executeBatch: (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	) => Promise<INodeExecutionData[]>;
} {
	const properties: INodeProperties[] = [
		creditMemoLocator(`The credit memo to ${action} (usually an expression, one per input item)`),
	];
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['creditMemo'], operation: [`${action}Many`] } },
			properties,
		),
		async executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
			return await sendIds(this, items, {
				plural: 'credit memos',
				answerKey: 'creditMemos',
				what: action,
				path: `/v3/credit-memos/bulk/${action}`,
				readId: (itemIndex) =>
					getId(this, itemIndex, 'creditMemoId', 'Credit Memo', ID_PREFIX.creditMemo),
			});
		},
	};
}
