// Many operations over BILL's wrapped bulk calls (classifications, vendor credits): up to 50
// objects a request (BILL's limit for "Create multiple …", e.g. Postman "Create multiple vendor
// credits": "up to 50"), up to BILL's 3 requests at a time, BILL's wrapped answer
// (`{ "departments": [...] }`) paired with what was sent, and one output item per object, paired
// with the input item it came from.

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	BILL_MAX_CONCURRENT_REQUESTS,
	asNodeError,
	billApiRequest,
	errorJson,
	mapWithConcurrency,
} from '../../shared/transport';
import { chunk, itemRanges } from '../resources/bill/bulk';

/** What a bulk call works on: its plural in messages, and the key BILL wraps its answer in. */
export interface BulkKind {
	plural: string;
	bulkKey: string;
}

export const BULK_MAX = 50;

export interface Slot {
	itemIndex: number;
	json?: IDataObject;
}

export interface Entry {
	slot: Slot;
	/** What pairs BILL's answer with it: the name (create) or the ID (the others). */
	key: string;
	body: IDataObject;
	result?: IDataObject;
	error?: unknown;
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

/** BILL's answer to a bulk request: the kind's wrapped list (or a bare list). */
export function bulkResults(info: BulkKind, answer: unknown): IDataObject[] {
	if (Array.isArray(answer)) return answer as IDataObject[];
	const list = (answer as IDataObject | undefined)?.[info.bulkKey];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** Pairs BILL's answer with the entries sent: by key, else by position when the counts match. */
function pair(part: Entry[], results: IDataObject[], keyOf: (o: IDataObject) => string): void {
	const unused = new Set(results.map((_, n) => n));
	part.forEach((entry, n) => {
		let match =
			unused.has(n) && keyOf(results[n]) === entry.key
				? n
				: [...unused].find((m) => keyOf(results[m]) === entry.key);
		if (match === undefined && results.length === part.length && unused.has(n)) match = n;
		if (match === undefined) {
			entry.error = new Error(
				'BILL answered the bulk request without this one; check in BILL whether it was done',
			);
			return;
		}
		unused.delete(match);
		entry.result = results[match];
	});
}

interface Failure {
	entries: Entry[];
	error: unknown;
	text: string;
}

/**
 * Sends the entries, BULK_MAX a request, and fills their slots: each entry its result or its
 * request's error. A request BILL refuses fails its own entries only (the others go on); without
 * "Continue On Fail" the first failure is thrown after all requests ran, saying which items were
 * done. `what` names the action in messages ("create", "archive"), `again` what a re-run does.
 */
export async function sendAll(
	context: IExecuteFunctions,
	info: BulkKind,
	slots: Slot[],
	entries: Entry[],
	options: {
		what: string;
		again: string;
		send: (bodies: IDataObject[], itemIndex: number) => Promise<unknown>;
		keyOf: (o: IDataObject) => string;
		/** Objects per request (default BULK_MAX). */
		size?: number;
	},
): Promise<void> {
	const failures: Failure[] = [];
	await mapWithConcurrency(
		chunk(entries, options.size ?? BULK_MAX),
		BILL_MAX_CONCURRENT_REQUESTS,
		async (part) => {
			const ranges = itemRanges(part.map((e) => e.slot.itemIndex));
			try {
				const answer = await options.send(
					part.map((e) => e.body),
					part[0].slot.itemIndex,
				);
				pair(part, bulkResults(info, answer), options.keyOf);
			} catch (error) {
				const uncertain = (error as { context?: IDataObject }).context?.outcomeUnknown === true;
				const message = (error as Error).message;
				const text = uncertain
					? `The bulk ${options.what} of ${ranges} (${part.length} ${info.plural}) got no clear answer from BILL, so it may have been applied to all of them or none: ${message}`
					: `BILL refused the bulk ${options.what} of ${ranges} (${part.length} ${info.plural}): ${message}`;
				failures.push({ entries: part, error, text });
				for (const entry of part) entry.error = error;
			}
		},
	);
	for (const entry of entries) {
		if (entry.result) entry.slot.json = { ...entry.result, ...(entry.slot.json ?? {}) };
		else if (entry.error) {
			const failed = failures.find((f) => f.entries.includes(entry));
			entry.slot.json = {
				...errorJson(entry.error),
				error: failed?.text ?? (entry.error as Error).message,
			};
		}
	}
	if (failures.length && !context.continueOnFail()) {
		const [first] = failures;
		const error = first.error as Error & { context?: IDataObject; description?: string | null };
		const done = entries.filter((e) => e.result).map((e) => e.slot.itemIndex);
		error.message =
			failures.length > 1
				? `${first.text} (and ${failures.length - 1} more bulk requests failed)`
				: first.text;
		if (error.context) error.context.itemIndex = first.entries[0].slot.itemIndex;
		error.description = [
			error.description,
			done.length
				? `The ${info.plural} of ${itemRanges(done)} were done. ${options.again}`
				: undefined,
		]
			.filter(Boolean)
			.join(' ');
		throw error;
	}
}

export const toOutput = (slots: Slot[]): INodeExecutionData[] =>
	slots.map((slot) => ({ json: slot.json ?? {}, pairedItem: { item: slot.itemIndex } }));

/**
 * `POST {path}?ids=a,b,c` for the IDs the input items name (`readId`), 50 a request, no body
 * (BILL's bulk archive and restore). BILL's examples have one ID; several go comma-separated, as
 * BILL's other `ids` parameters take them (Postman "Get document upload status"). An ID named
 * twice goes once; both items get its answer. Idempotent, so a repeat after a lost answer is safe.
 */
export async function sendIds(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	kind: BulkKind,
	options: { what: string; path: string; readId: (itemIndex: number) => string },
): Promise<INodeExecutionData[]> {
	const { slots, entries } = readItems(context, items, (itemIndex) => {
		const id = options.readId(itemIndex);
		return [{ key: id, body: { id } }];
	});
	const first = new Map<string, Entry>();
	const unique = entries.filter((e) => !first.has(e.key) && !!first.set(e.key, e));
	await sendAll(context, kind, slots, unique, {
		what: options.what,
		again: 'A run again is safe: what is done stays so.',
		keyOf: (o) => String(o.id),
		send: async (bodies, itemIndex) =>
			await billApiRequest.call(context, {
				method: 'POST',
				path: options.path,
				qs: { ids: bodies.map((b) => String(b.id)).join(',') },
				repeatable: true,
				itemIndex,
			}),
	});
	for (const entry of entries)
		if (!unique.includes(entry)) entry.slot.json = first.get(entry.key)!.slot.json;
	return toOutput(slots);
}

/**
 * Re-runs that create nothing twice, for a Create Many: entries whose key `found` has (active in
 * BILL) get that object with `alreadyExisted: true`; the second of two entries with one key waits
 * for the first (`finishRepeats`). Returns what is left to send.
 */
export function skipKnown(
	entries: Entry[],
	found: Map<string, IDataObject>,
): { toSend: Entry[]; repeats: Array<{ entry: Entry; of: Entry }> } {
	const first = new Map<string, Entry>();
	const toSend: Entry[] = [];
	const repeats: Array<{ entry: Entry; of: Entry }> = [];
	for (const entry of entries) {
		const existing = found.get(entry.key);
		const earlier = first.get(entry.key);
		if (existing) entry.slot.json = { ...existing, alreadyExisted: true };
		else if (earlier) repeats.push({ entry, of: earlier });
		else {
			first.set(entry.key, entry);
			entry.slot.json = { alreadyExisted: false };
			toSend.push(entry);
		}
	}
	return { toSend, repeats };
}

/** The second of two entries with one key: the first one's object, or why it was not sent. */
export function finishRepeats(repeats: Array<{ entry: Entry; of: Entry }>, what: string): void {
	for (const { entry, of } of repeats)
		entry.slot.json = of.result
			? { ...of.result, alreadyExisted: true }
			: {
					...(of.slot.json ?? {}),
					error: `Item ${of.slot.itemIndex} has the same ${what} and was not created, so this one was not sent either`,
				};
}
