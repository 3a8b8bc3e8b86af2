// Archive Many and Restore Many: `POST /v3/credit-memos/bulk/{archive|restore}?ids=…` (BILL's
// "Archive multiple credit memos" / "Restore multiple credit memos", no body), 50 a request;
// idempotent, so a repeat after a lost answer is safe.

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { creditMemosOf, runBatch } from './batch';
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
			return await runBatch(this, items, {
				what: 'credit memo',
				read: (itemIndex) => ({
					id: getId(this, itemIndex, 'creditMemoId', 'Credit Memo', ID_PREFIX.creditMemo),
				}),
				send: async (part) => {
					const answer = creditMemosOf(
						await billApiRequest.call(this, {
							method: 'POST',
							path: `/v3/credit-memos/bulk/${action}`,
							qs: { ids: part.map((entry) => String(entry.value.id)).join(',') },
							repeatable: true,
							itemIndex: part[0].itemIndex,
						}),
					);
					return part.map((entry) =>
						answer.find((memo) => memo.id === entry.value.id),
					) as IDataObject[];
				},
			});
		},
	};
}
