import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { creditMemoChanges } from './body';
import { updateFields } from './changeDescriptions';
import { creditMemoLocator } from './descriptions';

const properties: INodeProperties[] = [
	creditMemoLocator('The credit memo to update'),
	...updateFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['creditMemo'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/credit-memos/{id}`: the fields given change; lines by ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'creditMemoId', 'Credit Memo', ID_PREFIX.creditMemo);
	return await billApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/credit-memos/${id}`,
		body: creditMemoChanges(this, itemIndex),
		itemIndex,
	});
}
