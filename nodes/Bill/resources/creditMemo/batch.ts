// The "Many" operations: one value per input item (a credit memo body, a change, an ID), checked
// before anything is sent, sent to BILL's bulk call 50 a request (BILL's "Create multiple credit
// memos" takes at most 50), BILL's answer `{creditMemos: [...]}` paired back with the items.

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	BILL_MAX_CONCURRENT_REQUESTS,
	asNodeError,
	errorJson,
	mapWithConcurrency,
} from '../../../shared/transport';
import { chunk, itemRanges } from '../bill/bulk';

/** BILL's credit-memo bulk calls take at most 50 credit memos (LLMS "bulkcreatecreditmemo"). */
export const CREDIT_MEMO_BULK_MAX = 50;

export interface BatchEntry {
	itemIndex: number;
	value: IDataObject;
	/** Set before sending: what the item outputs without being sent (an existing credit memo). */
	output?: IDataObject;
	result?: IDataObject;
	error?: unknown;
}

/** BILL's bulk answer: `{creditMemos: [...]}` (Postman), or a bare array, read either way. */
export function creditMemosOf(answer: unknown): IDataObject[] {
	if (Array.isArray(answer)) return answer as IDataObject[];
	const list = (answer as IDataObject | undefined)?.creditMemos;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/**
 * Reads one value per item (`read` throws a NodeOperationError naming the parameter and the
 * item; with "Continue On Fail" that item outputs its error and is not sent), lets `prepare`
 * settle entries without sending them, then sends the rest 50 a request with `send`, which
 * returns one credit memo per entry, in order. A failed request fails its own items only; without
 * "Continue On Fail" its error is thrown once every request has ended, saying which items were done.
 */
export async function runBatch(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	options: {
		read: (itemIndex: number) => IDataObject;
		prepare?: (entries: BatchEntry[]) => Promise<void>;
		send: (entries: BatchEntry[]) => Promise<IDataObject[]>;
		what: string;
	},
): Promise<INodeExecutionData[]> {
	const continueOnFail = context.continueOnFail();
	const out: Array<{ itemIndex: number; json: IDataObject } | BatchEntry> = [];
	const entries: BatchEntry[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const entry: BatchEntry = { itemIndex, value: options.read(itemIndex) };
			entries.push(entry);
			out.push(entry);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(context.getNode(), error);
			out.push({ itemIndex, json: errorJson(error) });
		}
	}
	if (options.prepare) await options.prepare(entries);
	const toSend = entries.filter((entry) => !entry.output);
	const failed: Array<{ part: BatchEntry[]; error: unknown }> = [];
	await mapWithConcurrency(
		chunk(toSend, CREDIT_MEMO_BULK_MAX),
		BILL_MAX_CONCURRENT_REQUESTS,
		async (part) => {
			try {
				const results = await options.send(part);
				part.forEach((entry, n) => {
					if (results[n]) entry.result = results[n];
					else
						entry.error = new Error(
							`BILL answered the bulk request without this ${options.what}; check it in BILL`,
						);
				});
			} catch (error) {
				failed.push({ part, error });
				for (const entry of part) entry.error = error;
			}
		},
	);
	if (failed.length && !continueOnFail) {
		const { part, error } = failed[0];
		const done = toSend.filter((e) => e.result).map((e) => e.itemIndex);
		const e = error as Error & { description?: string | null };
		e.message = `The bulk request of ${itemRanges(part.map((p) => p.itemIndex))} failed: ${e.message}`;
		if (done.length)
			e.description = [e.description, `The ${options.what}s of ${itemRanges(done)} were done.`]
				.filter(Boolean)
				.join(' ');
		throw e;
	}
	return out.map((entry) => {
		if ('json' in entry) return { json: entry.json, pairedItem: { item: entry.itemIndex } };
		const json = entry.output ?? entry.result ?? errorJson(entry.error);
		return { json, pairedItem: { item: entry.itemIndex } };
	});
}
