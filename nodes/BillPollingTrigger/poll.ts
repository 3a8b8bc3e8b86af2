// One poll of the BILL Polling Trigger: each chosen event's list read from its cursor, the
// changes not seen before turned into items, and the cursors moved on.

import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	advance,
	firstTimes,
	since,
	startCursor,
	statusChanges,
	type Change,
	type EventCursor,
} from './cursor';
import { idOf, polledEvent, type PolledEvent } from './events';
import { readList, type ReadCount } from './read';

/** What the trigger keeps in the node's static data: one cursor per event. */
interface PollingData extends IDataObject {
	cursors?: Record<string, EventCursor>;
}

/**
 * Each event's newer cursor of two copies. n8n 2.41 keeps a poll's node static data in its
 * poller-state table and seeds that row from the workflow's static data when it has none
 * (PollCursorService.resolveCursor, getOrCreateCursor); a row seeded again after a restart
 * would take the cursor of the activation and start every change since then again. The copy the
 * node keeps in the workflow's global static data is saved with each poll that starts an
 * execution, so the newer of the two is never behind what was started.
 */
function newest(
	stored: PollingData['cursors'],
	mirror: PollingData['cursors'],
): Record<string, EventCursor> {
	const cursors: Record<string, EventCursor> = { ...(stored ?? {}) };
	for (const [event, copy] of Object.entries(mirror ?? {})) {
		const kept = cursors[event];
		if (!kept || Date.parse(copy.after) > Date.parse(kept.after))
			cursors[event] = JSON.parse(JSON.stringify(copy)) as EventCursor;
	}
	return cursors;
}

function chosenEvents(context: IPollFunctions): PolledEvent[] {
	const spend = context.getNodeParameter('authentication', 'billApi') === 'billSpendApi';
	const values = context.getNodeParameter(spend ? 'spendEvents' : 'events', []) as string[];
	const events = (Array.isArray(values) ? values : [values]).map((value) => {
		const event = polledEvent(String(value));
		if (!event || (event.api === 'spend') !== spend)
			throw new NodeOperationError(
				context.getNode(),
				`Events: "${String(value)}" is not an event of the chosen credential`,
			);
		return event;
	});
	if (!events.length)
		throw new NodeOperationError(context.getNode(), 'Events: choose at least one event');
	return events;
}

function output(
	context: IPollFunctions,
	event: PolledEvent,
	objects: IDataObject[],
): INodeExecutionData[] {
	const simplify = context.getNodeParameter('simplify', true) === true;
	return objects.map((object) => ({
		json: { event: event.value, ...(simplify && event.simplify ? event.simplify(object) : object) },
	}));
}

/** The changes of one event since its cursor; the cursor is moved on in `data`. */
async function changesOf(
	context: IPollFunctions,
	event: PolledEvent,
	data: PollingData,
	count: ReadCount,
): Promise<IDataObject[]> {
	const cursors = (data.cursors ??= {});
	const first = !cursors[event.value];
	// First poll after activation: from now on, no flood of history. What changed inside the
	// overlap window before now is read once and marked seen, so the next poll does not start it.
	const cursor = cursors[event.value] ?? startCursor(new Date());
	const listed = await readList(context, event, since(cursor), count);
	const changes: Change[] = listed
		.map((object) => ({
			id: idOf(event, object),
			time: String(object[event.timeField] ?? ''),
			object,
		}))
		.filter((change) => change.id && change.time)
		.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
	const moved = advance(cursor, changes);
	let fresh = moved.fresh;
	if (first) {
		// Seen, and for "once" and "status" events remembered, but not started.
		if (event.kind === 'once') firstTimes(moved.cursor, fresh);
		if (event.kind === 'status' && event.statusOf)
			statusChanges(moved.cursor, fresh, event.statusOf);
		cursors[event.value] = moved.cursor;
		return [];
	}
	if (event.kind === 'once') fresh = firstTimes(moved.cursor, fresh);
	if (event.kind === 'status' && event.statusOf)
		fresh = statusChanges(moved.cursor, fresh, event.statusOf);
	cursors[event.value] = moved.cursor;
	return fresh.map((change) => change.object);
}

/**
 * The poll: null when nothing changed (n8n starts no execution). A manual test returns the
 * newest object of each event and moves no cursor.
 */
export async function pollBill(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const events = chosenEvents(this);
	const count: ReadCount = { calls: 0 };
	const items: INodeExecutionData[] = [];
	if (this.getMode() === 'manual') {
		for (const event of events)
			items.push(...output(this, event, await readList(this, event, undefined, count)));
		if (!items.length)
			throw new NodeOperationError(this.getNode(), 'BILL has no object of the chosen events yet', {
				description: 'Create one in BILL, then test again, so there is something to map.',
			});
		return [items];
	}
	const data = this.getWorkflowStaticData('node') as PollingData;
	const mirror = this.getWorkflowStaticData('global');
	const mirrorKey = `billPollingTrigger:${this.getNode().id}`;
	data.cursors = newest(data.cursors, mirror[mirrorKey] as PollingData['cursors']);
	for (const event of events)
		items.push(...output(this, event, await changesOf(this, event, data, count)));
	// A copy in the workflow's own static data (n8n saves it when a poll starts an execution).
	if (items.length) mirror[mirrorKey] = JSON.parse(JSON.stringify(data.cursors)) as IDataObject;
	this.logger.debug(
		`BILL Polling Trigger: ${items.length} change(s) with ${count.calls} call(s) to BILL`,
	);
	return items.length ? [items] : null;
}
