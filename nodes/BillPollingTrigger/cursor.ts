// The cursor of one polled event: what has been seen, so each change starts the workflow once.
// Pure functions over the node's static data (no calls to BILL), unit-tested in
// test/unit/pollingCursor.test.ts.

import type { IDataObject } from 'n8n-workflow';

/**
 * How far each poll reaches back before the cursor: BILL's times are per second and its clock is
 * not n8n's, and an object written while the previous poll read its page may carry a time just
 * before the cursor. Changes inside the window that were seen already are dropped by `seen`.
 */
export const OVERLAP_MS = 2 * 60_000;

/** How many IDs "once" events (paid in full, received, created) and payment statuses remember. */
export const REMEMBERED_IDS = 5000;

export interface EventCursor extends IDataObject {
	/** The newest time seen (ISO), or the activation time before anything was seen. */
	after: string;
	/** `[id, time]` of the changes seen whose time is inside the overlap window before `after`. */
	seen: Array<[string, string]>;
	/** IDs already reported, for events that happen once per object (bounded, newest last). */
	once?: string[];
	/** The last status reported, by ID (payment status changed; bounded). */
	statuses?: Record<string, string>;
}

export interface Change {
	id: string;
	time: string;
	object: IDataObject;
}

export function startCursor(now: Date): EventCursor {
	return { after: now.toISOString(), seen: [] };
}

/** The time the poll asks BILL for changes from (inclusive): the cursor less the overlap. */
export function since(cursor: EventCursor): string {
	return new Date(Date.parse(cursor.after) - OVERLAP_MS).toISOString();
}

const instant = (time: string) => Date.parse(time) || 0;

/**
 * The changes not seen before (an ID at a time already in `seen` is a repeat from the overlap),
 * and the cursor after them: `after` is the newest time seen, `seen` keeps the pairs still inside
 * the window before it.
 */
export function advance(
	cursor: EventCursor,
	changes: Change[],
): { fresh: Change[]; cursor: EventCursor } {
	const key = (id: string, time: string) => `${id}@${instant(time)}`;
	const known = new Set(cursor.seen.map(([id, time]) => key(id, time)));
	const fresh: Change[] = [];
	const pairs = [...cursor.seen];
	for (const change of changes) {
		const k = key(change.id, change.time);
		if (known.has(k)) continue;
		known.add(k);
		fresh.push(change);
		pairs.push([change.id, change.time]);
	}
	let after = instant(cursor.after);
	for (const change of fresh) after = Math.max(after, instant(change.time));
	const from = after - OVERLAP_MS;
	return {
		fresh,
		cursor: {
			...cursor,
			after: new Date(after).toISOString(),
			seen: pairs.filter(([, time]) => instant(time) >= from),
		},
	};
}

/** For events that happen once per object: drops IDs reported before, and remembers the rest. */
export function firstTimes(cursor: EventCursor, changes: Change[]): Change[] {
	const once = new Set(cursor.once ?? []);
	const first = changes.filter((change) => {
		if (once.has(change.id)) return false;
		once.add(change.id);
		return true;
	});
	cursor.once = [...once].slice(-REMEMBERED_IDS);
	return first;
}

/** For "status changed": drops changes whose status is the one reported last for that ID. */
export function statusChanges(
	cursor: EventCursor,
	changes: Change[],
	statusOf: (object: IDataObject) => string,
): Change[] {
	const statuses = { ...(cursor.statuses ?? {}) };
	const changed = changes.filter((change) => {
		const status = statusOf(change.object);
		if (statuses[change.id] === status) return false;
		delete statuses[change.id]; // re-inserted last: the newest are kept when trimming
		statuses[change.id] = status;
		return true;
	});
	const ids = Object.keys(statuses);
	for (const id of ids.slice(0, Math.max(0, ids.length - REMEMBERED_IDS))) delete statuses[id];
	cursor.statuses = statuses;
	return changed;
}
