// What the BILL and the Spend & Expense transports share around one HTTP call: the request n8n
// sends, and how BILL's answer is read. Each keeps its own retry rules (request.ts for BILL,
// BillSpend/transport.ts for Spend & Expense).

import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import type { BillProblem } from './errors';

/** One call to BILL (BillRequest) or to Spend & Expense (SpendRequest). */
export interface ApiCall {
	method: IHttpRequestMethods;
	/** Path below the host, e.g. `/v3/bills` */
	path: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	headers?: IDataObject;
	/** `api` = .../connect (default), `events` = .../connect-events (webhooks) */
	host?: 'api' | 'events';
	/**
	 * Whether the request may be sent again when its outcome is unknown (a 5xx, a reset
	 * connection, an unreadable answer): true for reads and for writes that land in the same
	 * state when repeated (PATCH, PUT, DELETE, archive, restore, freeze). Defaults to true for
	 * every method but POST. A create must never be repeated blindly: it could make a second
	 * bill, payment, card or reimbursement.
	 */
	repeatable?: boolean;
	itemIndex?: number;
	/** Text added to the error when the outcome is unknown: how the user checks whether it happened. */
	uncertainHint?: string;
}

/** The HTTP request of a call: JSON, to the API or events host, with a timeout. */
export function httpOptions(
	request: ApiCall,
	urls: { api: string; events: string },
	timeout: number,
): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${request.host === 'events' ? urls.events : urls.api}${request.path}`,
		headers: { Accept: 'application/json', ...(request.headers ?? {}) },
		qs: request.qs,
		json: true,
		timeout,
	};
	if (request.body !== undefined) options.body = request.body;
	return options;
}

/**
 * BILL's answer as an object (`{}` for an empty one), or, for a text that is not JSON (an answer
 * cut short), a failure whose outcome is unknown: BILL may have applied the request.
 */
export function readAnswer(
	response: unknown,
): { body: IDataObject } | { failure: { problem: BillProblem; refused: false; uncertain: true } } {
	if (typeof response === 'string' && response.length > 0) {
		try {
			return { body: JSON.parse(response) as IDataObject };
		} catch {
			return {
				failure: {
					problem: { message: 'BILL answered with a body that is not JSON (cut short?)' },
					refused: false,
					uncertain: true,
				},
			};
		}
	}
	return {
		body: (response === '' || response === undefined || response === null
			? {}
			: response) as IDataObject,
	};
}
