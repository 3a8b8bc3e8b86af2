// Create Many's bulk requests: bills 100 a request, the input items they came from, and BILL's
// answer paired with the bills sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { bulkRefusals, refusalError } from '../../helpers/bulk';
import { billApiRequest } from '../../../shared/transport';
import { billKey } from './existing';
import { createHint } from './hints';

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

/** The parameter of "One Bill per Input Item" a field of BILL's bill comes from. */
function parameterOf(field: string | undefined, fromParameters: boolean): string | undefined {
	if (!fromParameters || !field) return undefined;
	const line = /^billLineItems\[(\d+)\]/.exec(field);
	if (line) return `Line Items, line ${Number(line[1]) + 1}`;
	return (
		{
			vendorId: 'Vendor',
			dueDate: 'Due Date',
			'invoice.invoiceNumber': 'Invoice Number',
			'invoice.invoiceDate': 'Invoice Date',
			description: 'Description',
			purchaseOrderNumber: 'Purchase Order Number',
		} as Record<string, string>
	)[field];
}

/** A bulk request BILL did not create, and what its items are told. */
export interface FailedChunk {
	entries: Entry[];
	error: unknown;
	text: string;
}

/**
 * Sends bills in one bulk request (`POST /v3/bills/bulk`). When BILL refuses it naming the bills
 * at fault ("[37] vendorId: …"), those bills get BILL's refusal as their own error, naming their
 * item, the parameter and the value; with "Continue On Fail" the other bills are sent again
 * without them. That is safe: BILL creates all bills of a bulk request or none (Postman "Create
 * bulk bills"; https://developer.bill.com/reference/createbulkbills), so it created none of them,
 * and a refusal (4xx) is a clear answer, never an uncertain one. A refusal that names no bill
 * fails the whole request, as an uncertain answer does (which is never sent again).
 */
export async function sendBills(
	context: IExecuteFunctions,
	part: Entry[],
	options: { continueOnFail: boolean; fromParameters: boolean; failed: FailedChunk[] },
): Promise<void> {
	let pending = part;
	while (pending.length) {
		const bodies = pending.map((e) => e.body);
		const ranges = itemRanges(pending.map((e) => e.slot.itemIndex));
		try {
			const created = await billApiRequest.call(context, {
				method: 'POST',
				path: '/v3/bills/bulk',
				body: bodies,
				itemIndex: pending[0].slot.itemIndex,
				uncertainHint: createHint(bodies),
			});
			pairCreated(pending, created);
			return;
		} catch (error) {
			const what = `the bulk create of ${ranges} (${pending.length} bills`;
			const refusals = bulkRefusals(error, pending.length);
			if (!refusals.length) {
				const uncertain = (error as { context?: IDataObject }).context?.outcomeUnknown === true;
				const message = (error as Error).message;
				const text = uncertain
					? `The bulk create of ${ranges} (${pending.length} bills) got no clear answer from BILL, so it may have created all of them or none: ${message}`
					: `BILL refused ${what}; it creates all or none, so none of them was created): ${message}`;
				options.failed.push({ entries: pending, error, text });
				for (const entry of pending) entry.error = error;
				return;
			}
			const refused = new Set<Entry>();
			let first: NodeApiError | undefined;
			for (const refusal of refusals) {
				const entry = pending[refusal.index];
				entry.error = refusalError(context, error as NodeApiError, refusal, {
					itemIndex: entry.slot.itemIndex,
					entry: entry.body,
					parameter: parameterOf(refusal.field, options.fromParameters),
					request: `${what})`,
					resent: options.continueOnFail,
				});
				first ??= entry.error as NodeApiError;
				refused.add(entry);
			}
			const rest = pending.filter((e) => !refused.has(e));
			if (!options.continueOnFail) {
				// The run fails with the refused item's error; the others of the request were not created.
				options.failed.push({ entries: pending, error: first, text: first!.message });
				for (const entry of rest) entry.error = first;
				return;
			}
			// BILL created none of the request (all or none): sending the rest again is safe.
			pending = rest;
		}
	}
}
