import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOnce } from '../../helpers/createOnce';
import { billApiRequest } from '../../../shared/transport';
import { creditMemoBody } from './body';
import { creditMemoKey, creditMemoScope } from './existing';
import { creditMemoFields, skipExistingField } from './memoDescriptions';

const properties: INodeProperties[] = [...creditMemoFields(false), skipExistingField];

export const description = updateDisplayOptions(
	{ show: { resource: ['creditMemo'], operation: ['create'] } },
	properties,
);

export const creditMemoHint = (memos: IDataObject[]) =>
	`Check in BILL whether credit memo${memos.length > 1 ? 's' : ''} ${memos
		.slice(0, 5)
		.map((m) => `"${String(m.referenceNumber)}"`)
		.join(
			', ',
		)}${memos.length > 5 ? ` and ${memos.length - 5} more` : ''} exist (Credit Memo → Get Many) before running it again, or run it again with "Skip Existing Reference Numbers" on.`;

/** `POST /v3/credit-memos` → 201 (BILL's "Create a credit memo"). Not repeatable. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = creditMemoBody(this, itemIndex);
	const create = async () =>
		await billApiRequest.call(this, {
			method: 'POST',
			path: '/v3/credit-memos',
			body,
			itemIndex,
			uncertainHint: creditMemoHint([body]),
		});
	if (!(this.getNodeParameter('skipExisting', itemIndex, true) as boolean)) return await create();
	return await createOnce(this, itemIndex, {
		...creditMemoScope(this, itemIndex),
		keys: [creditMemoKey(body) as string],
		create,
		parameter: 'Reference Number',
		object: 'credit memo',
	});
}
