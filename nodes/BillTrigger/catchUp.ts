// The events BILL did not deliver while it had the subscription disabled, sent again.

import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { billApiRequest } from '../shared/transport';
import type { TriggerData } from './staticData';

/** BILL keeps a subscription's events 180 days (https://developer.bill.com/changelog/2025-09-07-webhook-improvements). */
const HISTORY_MS = 180 * 86_400_000;
/** Clocks differ: the history is read from a little before the last accepted event. */
const OVERLAP_MS = 10 * 60_000;
/** BILL's largest page of events (`max` ≤ 100, https://developer.bill.com/reference/geteventsforsubscription). */
const PAGE = 100;

export interface CaughtUp {
	resent: number;
	failed: number;
	from: string;
}

/** The events of a page of `GET /v3/events/subscription/{id}`: `{ results }` or a bare list. */
function eventsIn(page: IDataObject): IDataObject[] {
	if (Array.isArray(page)) return page as IDataObject[];
	return Array.isArray(page.results) ? (page.results as IDataObject[]) : [];
}

/**
 * Reads the subscription's event history (`GET /v3/events/subscription/{id}`, `createdTimeFrom`,
 * forward pages) from the last event this workflow accepted (or 180 days back), and sends again
 * (`POST /v3/events/subscription/{id}/event/{eventId}`, BILL's resend) each event this workflow
 * has not accepted and BILL did not see answered with 200. The trigger's dedupe keeps each to
 * one run. A resend that fails is counted, not thrown: the subscription is enabled again anyway.
 */
export async function catchUp(
	context: IHookFunctions,
	data: TriggerData,
	subscriptionId: string,
): Promise<CaughtUp> {
	const oldest = Date.now() - HISTORY_MS;
	const last = data.lastAcceptedAt ? Date.parse(data.lastAcceptedAt) - OVERLAP_MS : oldest;
	const from = new Date(Math.max(oldest, Number.isFinite(last) ? last : oldest)).toISOString();
	const accepted = new Set(data.acceptedEventIds ?? []);
	const path = `/v3/events/subscription/${encodeURIComponent(subscriptionId)}`;
	const missed: string[] = [];
	let page: string | undefined;
	do {
		const qs: IDataObject = { createdTimeFrom: from, max: PAGE };
		if (page) qs.page = page;
		const answer = await billApiRequest.call(context, { method: 'GET', path, host: 'events', qs });
		for (const event of eventsIn(answer)) {
			const id = typeof event.id === 'string' ? event.id : undefined;
			if (id && !accepted.has(id) && Number(event.statusCode) !== 200) missed.push(id);
		}
		page = typeof answer.nextPage === 'string' && answer.nextPage ? answer.nextPage : undefined;
	} while (page);
	let failed = 0;
	for (const id of missed) {
		try {
			const sent = await billApiRequest.call(context, {
				method: 'POST',
				path: `${path}/event/${encodeURIComponent(id)}`,
				host: 'events',
				// A repeated resend is one more delivery of the same event ID: the dedupe drops it.
				repeatable: true,
			});
			// BILL answers with the event record; a status other than 200 is a failed delivery.
			if (sent.statusCode !== undefined && Number(sent.statusCode) !== 200) failed++;
		} catch {
			failed++;
		}
	}
	return { resent: missed.length - failed, failed, from };
}
