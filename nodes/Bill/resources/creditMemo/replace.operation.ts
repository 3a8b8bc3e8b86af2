import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { creditMemoBody } from './body';
import { creditMemoLocator } from './descriptions';
import { creditMemoFields } from './memoDescriptions';

const properties: INodeProperties[] = [
	creditMemoLocator('The credit memo to replace'),
	...creditMemoFields(true),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['creditMemo'], operation: ['replace'] } },
	properties,
);

/** `PUT /v3/credit-memos/{id}`: lines without ID are added, lines left out removed. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'creditMemoId', 'Credit Memo', ID_PREFIX.creditMemo);
	return await billApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/credit-memos/${id}`,
		body: creditMemoBody(this, itemIndex),
		itemIndex,
	});
}
