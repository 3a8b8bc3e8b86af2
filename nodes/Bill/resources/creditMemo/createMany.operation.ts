import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	finishRepeats,
	listRequest,
	readItems,
	sendAll,
	skipKnown,
	toOutput,
} from '../../helpers/bulk';
import { creditMemoBody } from './body';
import { creditMemoHint } from './create.operation';
import { activeCreditMemos, creditMemoKey } from './existing';
import { creditMemoFields, skipExistingField } from './memoDescriptions';

const properties: INodeProperties[] = [
	...creditMemoFields(false),
	skipExistingField,
	{
		displayName:
			'Credit memos are sent 50 per request (BILL\'s limit); when BILL refuses a request, its credit memos fail together (with "Continue On Fail" each gets an error item; the other requests go on).',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['creditMemo'], operation: ['createMany'] } },
	properties,
);

/** BILL's credit-memo bulk calls take at most 50 credit memos (LLMS "bulkcreatecreditmemo"). */
export const CREDIT_MEMO_BULK_MAX = 50;

/** BILL's credit-memo bulk calls, for the bulk engine (helpers/bulk). */
export const creditMemoBulk = {
	plural: 'credit memos',
	answerKey: 'creditMemos',
	size: CREDIT_MEMO_BULK_MAX,
	matchKey: (memo: IDataObject) => String(memo.id),
	again: 'Check the others in BILL (Credit Memo → Get) before running it again.',
};

/**
 * `POST /v3/credit-memos/bulk` (BILL's "Create multiple credit memos", 201 `{creditMemos}`).
 * Existing reference numbers (one read for the run) and repeats within the run are not sent.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { slots, entries } = readItems(this, items, (itemIndex) => {
		const body = creditMemoBody(this, itemIndex);
		return [{ key: creditMemoKey(body) ?? '', body }];
	});
	const skip = this.getNodeParameter('skipExisting', 0, true) as boolean;
	const known = new Map<string, IDataObject>();
	if (skip && entries.length)
		for (const memo of await activeCreditMemos(this, entries[0].slot.itemIndex)) {
			const key = creditMemoKey(memo);
			if (key && !known.has(key)) known.set(key, memo);
		}
	const { toSend, repeats } = skip ? skipKnown(entries, known) : { toSend: entries, repeats: [] };
	await sendAll(this, toSend, {
		...creditMemoBulk,
		what: 'create',
		allOrNone: true,
		matchKey: (memo) => creditMemoKey(memo) ?? '',
		again:
			'Run again with "Skip Existing Reference Numbers" on to create only the missing credit memos.',
		send: listRequest(this, {
			method: 'POST',
			path: '/v3/credit-memos/bulk',
			hint: creditMemoHint,
		}),
	});
	finishRepeats(repeats, 'customer and reference number');
	return toOutput(slots);
}
