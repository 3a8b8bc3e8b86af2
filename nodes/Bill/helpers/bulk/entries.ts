// The bulk engine's first half: the input items read into entries (one or more bodies an item),
// chunks, item ranges for messages, and the entries BILL already has settled before sending.

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorJson } from '../../../shared/transport';

/** One output item: the input item it pairs with, and its json once known. */
export interface Slot {
	itemIndex: number;
	json?: IDataObject;
}

/** One object of a bulk request. */
export interface Entry {
	slot: Slot;
	/** What pairs BILL's answer with it and finds it in BILL: a name, an ID ('' for none). */
	key: string;
	body: IDataObject;
	result?: IDataObject;
	error?: unknown;
}

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
	return chunks;
}

/** "item 7", "items 0–99, 150" */
export function itemRanges(indices: number[]): string {
	const sorted = [...new Set(indices)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length; i++) {
		const start = sorted[i];
		while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
		parts.push(start === sorted[i] ? String(start) : `${start}–${sorted[i]}`);
	}
	return `${sorted.length === 1 ? 'item' : 'items'} ${parts.join(', ')}`;
}

/**
 * Reads every item into slots and entries (`read` gives the bodies of one item); with "Continue On
 * Fail" a bad item gets its error and is not sent, else the first bad item stops everything
 * before any request.
 */
export function readItems(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => Array<{ key: string; body: IDataObject }>,
): { slots: Slot[]; entries: Entry[] } {
	const continueOnFail = context.continueOnFail();
	const slots: Slot[] = [];
	const entries: Entry[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let bodies: Array<{ key: string; body: IDataObject }>;
		try {
			bodies = read(itemIndex);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(context.getNode(), error);
			slots.push({ itemIndex, json: errorJson(error) });
			continue;
		}
		for (const { key, body } of bodies) {
			const slot: Slot = { itemIndex };
			slots.push(slot);
			entries.push({ slot, key, body });
		}
	}
	return { slots, entries };
}

export interface Repeat {
	entry: Entry;
	of: Entry;
}

/**
 * Re-runs that create nothing twice: entries whose key `found` has (active in BILL) get that
 * object with `alreadyExisted: true`; the second of two entries with one key waits for the first
 * (`finishRepeats`). An entry without a key is always sent. Returns what is left to send.
 */
export function skipKnown(
	entries: Entry[],
	found: Map<string, IDataObject>,
): { toSend: Entry[]; repeats: Repeat[] } {
	const first = new Map<string, Entry>();
	const toSend: Entry[] = [];
	const repeats: Repeat[] = [];
	for (const entry of entries) {
		const existing = entry.key ? found.get(entry.key) : undefined;
		const earlier = entry.key ? first.get(entry.key) : undefined;
		if (existing) entry.slot.json = { ...existing, alreadyExisted: true };
		else if (earlier) repeats.push({ entry, of: earlier });
		else if (entry.slot.json === undefined) {
			if (entry.key) first.set(entry.key, entry);
			entry.slot.json = { alreadyExisted: false };
			toSend.push(entry);
		}
	}
	return { toSend, repeats };
}

/**
 * The second of two entries with one key (`what`: "name"): the first one's object, or why it was
 * not sent.
 */
export function finishRepeats(repeats: Repeat[], what: string): void {
	for (const { entry, of } of repeats) {
		const reason = of.error instanceof Error ? `: ${of.error.message}` : '';
		entry.slot.json = of.result
			? { ...of.result, alreadyExisted: true }
			: {
					...(of.slot.json ?? {}),
					error: `Item ${of.slot.itemIndex} has the same ${what} and was not created, so this one was not sent either${reason}`,
				};
	}
}

export const toOutput = (slots: Slot[]): INodeExecutionData[] =>
	slots.map((slot) => ({ json: slot.json ?? {}, pairedItem: { item: slot.itemIndex } }));
