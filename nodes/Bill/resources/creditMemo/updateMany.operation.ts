import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { listRequest, readItems, sendAll, toOutput } from '../../helpers/bulk';
import { creditMemoChanges } from './body';
import { creditMemoBulk } from './createMany.operation';
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
	const { slots, entries } = readItems(this, items, (itemIndex) => {
		const id = getId(this, itemIndex, 'creditMemoId', 'Credit Memo', ID_PREFIX.creditMemo);
		return [{ key: id, body: { id, ...creditMemoChanges(this, itemIndex) } }];
	});
	await sendAll(this, entries, {
		...creditMemoBulk,
		what: 'update',
		send: listRequest(this, { method: 'PATCH', path: '/v3/credit-memos/bulk' }),
	});
	return toOutput(slots);
}
