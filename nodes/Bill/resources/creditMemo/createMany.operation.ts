import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billApiRequest } from '../../../shared/transport';
import { type BatchEntry, creditMemosOf, runBatch } from './batch';
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

/** Existing reference numbers (one read for the run) and repeats within the run are not sent. */
async function skipExisting(context: IExecuteFunctions, entries: BatchEntry[]): Promise<void> {
	if (!entries.length) return;
	const known = new Map<string, IDataObject>();
	for (const memo of await activeCreditMemos(context, entries[0].itemIndex)) {
		const key = creditMemoKey(memo);
		if (key && !known.has(key)) known.set(key, memo);
	}
	const first = new Map<string, BatchEntry>();
	for (const entry of entries) {
		const key = creditMemoKey(entry.value) as string;
		const existing = known.get(key);
		if (existing) entry.output = { ...existing, alreadyExisted: true };
		else if (first.has(key)) {
			const of = first.get(key)!;
			// Filled in after the send: the first item's credit memo.
			entry.output = { sameAsItem: of.itemIndex };
		} else first.set(key, entry);
	}
}

/** `POST /v3/credit-memos/bulk` (BILL's "Create multiple credit memos", 201 `{creditMemos}`). */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const skip = this.getNodeParameter('skipExisting', 0, true) as boolean;
	let all: BatchEntry[] = [];
	const output = await runBatch(this, items, {
		what: 'credit memo',
		read: (itemIndex) => creditMemoBody(this, itemIndex),
		prepare: skip
			? async (entries) => {
					all = entries;
					await skipExisting(this, entries);
				}
			: undefined,
		send: async (part) => {
			const bodies = part.map((entry) => entry.value);
			const answer = await billApiRequest.call(this, {
				method: 'POST',
				path: '/v3/credit-memos/bulk',
				body: bodies,
				itemIndex: part[0].itemIndex,
				uncertainHint: creditMemoHint(bodies),
			});
			return creditMemosOf(answer).map((memo) =>
				skip ? { ...memo, alreadyExisted: false } : memo,
			);
		},
	});
	// A repeat within the run outputs the credit memo of the first item with its reference number.
	for (const entry of all) {
		const of = entry.output?.sameAsItem;
		if (of === undefined) continue;
		const first = output.find(
			(o) => o.pairedItem && (o.pairedItem as { item: number }).item === of,
		);
		const index = output.findIndex(
			(o) => (o.pairedItem as { item: number }).item === entry.itemIndex,
		);
		output[index] = {
			json: first?.json.id ? { ...first.json, alreadyExisted: true } : { ...(first?.json ?? {}) },
			pairedItem: { item: entry.itemIndex },
		};
	}
	return output;
}
