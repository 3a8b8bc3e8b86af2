// What goes to BILL: one event's list, from a time on, every page.

import type { IAllExecuteFunctions, IDataObject, IPollFunctions } from 'n8n-workflow';

import { spendApiRequestAllItems } from '../BillSpend/transport';
import { billApiRequestAllItems } from '../shared/transport';
import type { PolledEvent } from './events';
import { asItemContext } from './pollContext';

/** Calls to BILL this poll made, for the log line (with and without changes). */
export interface ReadCount {
	calls: number;
}

/**
 * The event's list from `from` on (inclusive), oldest first where BILL sorts on the time field,
 * every page (pages go one after another: one request in flight, under BILL's 3 concurrent AP/AR
 * requests; S&E calls keep the Spend node's pacing of 60 a minute). `newest` asks for the newest
 * object only (a manual test, so the user can map fields).
 */
export async function readList(
	context: IPollFunctions,
	event: PolledEvent,
	from: string | undefined,
	count: ReadCount,
): Promise<IDataObject[]> {
	const filters = [...(event.filters ?? [])];
	if (from) filters.push(`${event.timeField}:gte:"${from}"`);
	const qs: IDataObject = {};
	if (filters.length) qs.filters = filters.join(',');
	const newest = from === undefined;
	if (event.sortable) qs.sort = `${event.timeField}:${newest ? 'desc' : 'asc'}`;
	else if (newest && event.api === 'spend') qs.sort = 'occurredTime:desc';
	const page = { returnAll: !newest, limit: 1, pageSize: event.pageSize };
	const counted = countingCalls(asItemContext(context), count);
	if (event.api === 'spend')
		return await spendApiRequestAllItems.call(
			counted,
			{ method: 'GET', path: event.path, qs },
			page,
		);
	return await billApiRequestAllItems.call(counted, { method: 'GET', path: event.path, qs }, page);
}

/** The context with its authenticated request helper counting calls. */
function countingCalls<T extends IPollFunctions>(context: T, count: ReadCount): T {
	const helpers = Object.create(context.helpers) as T['helpers'];
	const send = context.helpers.httpRequestWithAuthentication;
	helpers.httpRequestWithAuthentication = async function (
		this: IAllExecuteFunctions,
		...args: Parameters<typeof send>
	) {
		count.calls++;
		return await send.apply(this, args);
	};
	const counted = Object.create(context) as T;
	Object.defineProperty(counted, 'helpers', { value: helpers });
	return counted;
}
