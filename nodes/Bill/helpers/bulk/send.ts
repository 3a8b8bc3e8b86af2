// The bulk engine's second half: entries sent in chunks, up to BILL's 3 requests at a time; a
// refusal that names entries mapped to their input items (the rest of the request sent again
// without them under "Continue On Fail"); BILL's answer paired with what was sent; one summary
// error for the run. Each bulk operation plugs in through a BulkAdapter.

import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	NodeApiError,
} from 'n8n-workflow';

import {
	BILL_MAX_CONCURRENT_REQUESTS,
	billApiRequest,
	errorJson,
	mapWithConcurrency,
} from '../../../shared/transport';
import { type Entry, chunk, itemRanges } from './entries';
import { type BulkRefusal, bulkRefusals, refusalError } from './refusals';

const PAST: Record<string, string> = {
	create: 'created',
	update: 'updated',
	replace: 'replaced',
	archive: 'archived',
	restore: 'restored',
};

/** How one bulk call of BILL is sent and read. */
export interface BulkAdapter {
	/** The objects in messages: "bills", "vendor credits". */
	plural: string;
	/** The action in messages: "create", "update", "archive". */
	what: string;
	/** Entries per request: BILL's limit for the call. */
	size: number;
	/** The key BILL wraps its answer in (`{ vendors: [...] }`); a bare list is read too. */
	answerKey: string;
	/** The key of an object of BILL's answer, to pair it with the entry sent (Entry.key). */
	matchKey: (object: IDataObject) => string;
	/** Sends one request (the bodies of its entries; `itemIndex` of its first, for errors). */
	send: (bodies: IDataObject[], itemIndex: number) => Promise<unknown>;
	/** Which entries a refusal names (default "[3] field: …" for a request whose body is a list). */
	refusals?: (error: unknown, size: number) => BulkRefusal[];
	/** The node parameter a field BILL names came from ("Vendor"), else BILL's field is named. */
	parameterOf?: (field: string | undefined, entry: Entry) => string | undefined;
	/** How the hint of a refused entry names its request (default "the bulk create of items 0–99 (100 bills)"). */
	request?: (entries: Entry[]) => string;
	/** BILL documents that it does all entries of a request or none. */
	allOrNone?: boolean;
	/** The run's error on the entries done: "The bills of items 0–99 were <done>." (default "done") */
	done?: string;
	/** What the run's error adds after that: "Run again with … on to create only the missing ones." */
	again: string;
}

/** A request that failed, and what its entries are told. */
export interface Failure {
	entries: Entry[];
	error: unknown;
	text: string;
	/** BILL refused entries it named (their own errors); the rest was not sent again. */
	refused: boolean;
}

const outcomeUnknown = (error: unknown) =>
	(error as { context?: IDataObject }).context?.outcomeUnknown === true;

function failureText(adapter: BulkAdapter, entries: Entry[], error: unknown): string {
	const ranges = itemRanges(entries.map((e) => e.slot.itemIndex));
	const past = PAST[adapter.what] ?? 'done';
	const what = `the bulk ${adapter.what} of ${ranges} (${entries.length} ${adapter.plural}`;
	const message = (error as Error).message;
	if (outcomeUnknown(error))
		return `The bulk ${adapter.what} of ${ranges} (${entries.length} ${adapter.plural}) got no clear answer from BILL, so it may have ${past} all of them or none: ${message}`;
	const none = adapter.allOrNone
		? `; it ${adapter.what}s all or none, so none of them was ${past}`
		: '';
	return `BILL refused ${what}${none}): ${message}`;
}

/**
 * Sends `part` in one request. When BILL refuses it naming entries ("[37] vendorId: …"), those
 * entries get BILL's refusal as their own error, naming their item, the parameter and the value;
 * with "Continue On Fail" the others are sent again without them. That is safe: a refusal (4xx)
 * is a clear answer that BILL did none of the request (Postman "Create bulk bills", "Create a
 * bulk payment", "Create multiple vendors": all or none), never an uncertain one, which is never
 * sent again. A refusal that names no entry fails the whole request.
 */
export async function sendPart(
	context: IExecuteFunctions,
	part: Entry[],
	adapter: BulkAdapter,
): Promise<{ answer: unknown; entries: Entry[] } | { failure: Failure } | undefined> {
	const continueOnFail = context.continueOnFail();
	let pending = part;
	while (pending.length) {
		try {
			const bodies = pending.map((e) => e.body);
			return { answer: await adapter.send(bodies, pending[0].slot.itemIndex), entries: pending };
		} catch (error) {
			const refusals = (adapter.refusals ?? bulkRefusals)(error, pending.length);
			if (!refusals.length)
				return {
					failure: {
						entries: pending,
						error,
						text: failureText(adapter, pending, error),
						refused: false,
					},
				};
			const ranges = itemRanges(pending.map((e) => e.slot.itemIndex));
			const request =
				adapter.request?.(pending) ??
				`the bulk ${adapter.what} of ${ranges} (${pending.length} ${adapter.plural})`;
			const refused = new Set<Entry>();
			let first: NodeApiError | undefined;
			for (const refusal of refusals) {
				const entry = pending[refusal.index];
				const own = refusalError(context, error as NodeApiError, refusal, {
					itemIndex: entry.slot.itemIndex,
					entry: entry.body,
					parameter: adapter.parameterOf?.(refusal.field, entry),
					request,
					resent: continueOnFail,
				});
				entry.error = own;
				first ??= own;
				refused.add(entry);
			}
			if (!continueOnFail)
				// The run fails with the refused item's error; the others were not sent again.
				return { failure: { entries: pending, error: first, text: first!.message, refused: true } };
			pending = pending.filter((e) => !refused.has(e));
		}
	}
	return undefined;
}

/** BILL's answer to a bulk request: the wrapped list (`{ bills: [...] }`) or a bare list. */
function answerList(adapter: BulkAdapter, answer: unknown): IDataObject[] {
	if (Array.isArray(answer)) return answer as IDataObject[];
	const list = (answer as IDataObject | undefined)?.[adapter.answerKey];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** Pairs BILL's answer with the entries sent: by key, else by position when the counts match. */
function pair(adapter: BulkAdapter, part: Entry[], results: IDataObject[]): void {
	const unused = new Set(results.map((_, n) => n));
	const keyOf = (n: number) => adapter.matchKey(results[n]);
	part.forEach((entry, n) => {
		let match =
			unused.has(n) && keyOf(n) === entry.key ? n : [...unused].find((m) => keyOf(m) === entry.key);
		// An answer without the keys but of the right length: BILL keeps the order.
		if (match === undefined && results.length === part.length && unused.has(n)) match = n;
		if (match === undefined) {
			entry.error = new Error(
				`BILL answered the bulk ${adapter.what} without this one; check in BILL whether it was ${PAST[adapter.what] ?? 'done'}`,
			);
			return;
		}
		unused.delete(match);
		entry.result = results[match];
	});
}

/** The run's error: the first failed request's, saying which items were done. */
function summaryError(adapter: BulkAdapter, entries: Entry[], failures: Failure[]): Error {
	const [first] = failures;
	const error = first.error as Error & { context?: IDataObject; description?: string | null };
	const done = entries.filter((e) => e.result).map((e) => e.slot.itemIndex);
	error.message =
		failures.length > 1
			? `${first.text} (and ${failures.length - 1} more bulk requests failed)`
			: first.text;
	if (error.context) error.context.itemIndex ??= first.entries[0].slot.itemIndex;
	error.description = [
		error.description,
		done.length
			? `The ${adapter.plural} of ${itemRanges(done)} were ${adapter.done ?? 'done'}. ${adapter.again}`
			: undefined,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}

/**
 * Sends the entries, `adapter.size` a request, up to BILL's 3 requests at a time, and fills their
 * slots: each entry BILL's object (over what the slot already holds, e.g. alreadyExisted), or its
 * error. A failed request fails its own entries only (the other requests go on); without
 * "Continue On Fail" the first failure is thrown once all requests ended, saying which were done.
 */
export async function sendAll(
	context: IExecuteFunctions,
	entries: Entry[],
	adapter: BulkAdapter,
): Promise<void> {
	const failures: Failure[] = [];
	await mapWithConcurrency(
		chunk(entries, adapter.size),
		BILL_MAX_CONCURRENT_REQUESTS,
		async (part) => {
			const sent = await sendPart(context, part, adapter);
			if (sent && 'answer' in sent) pair(adapter, sent.entries, answerList(adapter, sent.answer));
			else if (sent) {
				failures.push(sent.failure);
				for (const entry of sent.failure.entries) entry.error ??= sent.failure.error;
			}
		},
	);
	for (const entry of entries) {
		if (entry.result) entry.slot.json = { ...entry.result, ...(entry.slot.json ?? {}) };
		else if (entry.error) {
			const failed = failures.find((f) => f.entries.includes(entry));
			entry.slot.json = {
				...errorJson(entry.error),
				error: failed && !failed.refused ? failed.text : (entry.error as Error).message,
			};
		}
	}
	if (failures.length && !context.continueOnFail()) throw summaryError(adapter, entries, failures);
}

/**
 * The usual `send` of a bulk call: the entries' bodies as the request's body (a list), `hint`
 * for an uncertain answer, `repeatable` where a repeat of the call is safe.
 */
export function listRequest(
	context: IExecuteFunctions,
	request: {
		method: IHttpRequestMethods;
		path: string;
		repeatable?: (bodies: IDataObject[]) => boolean;
		hint?: (bodies: IDataObject[]) => string | undefined;
	},
): BulkAdapter['send'] {
	return async (bodies, itemIndex) =>
		await billApiRequest.call(context, {
			method: request.method,
			path: request.path,
			body: bodies,
			repeatable: request.repeatable?.(bodies),
			itemIndex,
			uncertainHint: request.hint?.(bodies),
		});
}
