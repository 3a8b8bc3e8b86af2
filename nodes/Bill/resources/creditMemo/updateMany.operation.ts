import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { creditMemosOf, runBatch } from './batch';
import { creditMemoChanges } from './body';
import { creditMemoLocator } from './descriptions';
import { updateFields } from './changeDescriptions';

const properties: INodeProperties[] = [
	creditMemoLocator('The credit memo to update (usually an expression, one per input item)'),
	...updateFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['creditMemo'], operation: ['updateMany'] } },
	properties,
);

/** `PATCH /v3/credit-memos/bulk` (BILL's "Update multiple credit memos"), 50 a request. */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runBatch(this, items, {
		what: 'credit memo',
		read: (itemIndex) => ({
			id: getId(this, itemIndex, 'creditMemoId', 'Credit Memo', ID_PREFIX.creditMemo),
			...creditMemoChanges(this, itemIndex),
		}),
		send: async (part) =>
			creditMemosOf(
				await billApiRequest.call(this, {
					method: 'PATCH',
					path: '/v3/credit-memos/bulk',
					body: part.map((entry) => entry.value),
					itemIndex: part[0].itemIndex,
				}),
			),
	});
}
