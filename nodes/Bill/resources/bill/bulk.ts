// Create Many's bulk requests: bills 100 a request, the input items they came from, and BILL's
// answer paired with the bills sent.

import type { IDataObject } from 'n8n-workflow';

import { billKey } from './existing';

/** BILL creates at most 100 bills per bulk request, all or none (Postman "Create multiple bills"; https://developer.bill.com/docs/ap-bills). */
export const BULK_MAX = 100;

export interface Slot {
	itemIndex: number;
	json?: IDataObject;
}

export interface Entry {
	slot: Slot;
	body: IDataObject;
	created?: IDataObject;
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

/** Pairs BILL's answer with the bills sent: by position, checked by vendor and invoice number. */
export function pairCreated(entries: Entry[], created: unknown): void {
	const list = (
		Array.isArray(created) ? created : ((created as IDataObject)?.bills ?? [])
	) as IDataObject[];
	const keyOf = (bill: IDataObject) =>
		billKey(bill.vendorId, (bill.invoice as IDataObject | undefined)?.invoiceNumber);
	const unused = new Set(list.map((_, n) => n));
	entries.forEach((entry, n) => {
		const key = keyOf(entry.body);
		let match =
			unused.has(n) && keyOf(list[n]) === key ? n : [...unused].find((m) => keyOf(list[m]) === key);
		// An answer without invoice numbers but of the right length: BILL keeps the order.
		if (match === undefined && list.length === entries.length && unused.has(n)) match = n;
		if (match === undefined) {
			entry.error = new Error(
				'BILL answered the bulk create without this bill; check in BILL whether it was created',
			);
			return;
		}
		unused.delete(match);
		entry.created = list[match];
	});
}
