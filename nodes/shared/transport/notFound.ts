import type { BillProblem } from './errors';

/**
 * An object ID in a request path: BILL's IDs (a 3-character type prefix and 17 more,
 * https://developer.bill.com/docs/bill-generated-ids) or a UUID (webhook subscriptions and events).
 */
const OBJECT_ID =
	/^(?:[0-9A-Za-z]{20}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * What the path segment before an ID names, where its singular does not say it (any other
 * segment names itself: `credit-memos` → credit memo, `accounting-classes` → accounting class),
 * so a new resource needs no entry here.
 */
const NOUNS: Record<string, string> = {
	banks: 'bank account',
	users: 'bank account user',
	subscriptions: 'webhook subscription',
	subscription: 'webhook subscription',
};

/** `credit-memos` → "credit memo", `chartOfAccounts` → "chart of account". */
function nounOf(segment: string): string {
	const words = segment
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/[-_]+/g, ' ')
		.toLowerCase();
	if (/(ss|sh|ch|x)es$/.test(words)) return words.slice(0, -2);
	if (words.endsWith('ies')) return `${words.slice(0, -3)}y`;
	return words.replace(/s$/, '');
}

/** The last object ID in `path`, and what it names, e.g. `/v3/bills/00n…/archive` → bill 00n…. */
export function objectInPath(path: string): { noun: string; id: string } | undefined {
	const segments = path.split('?')[0].split('/').map(decodeURIComponent);
	for (let i = segments.length - 1; i > 0; i--) {
		if (OBJECT_ID.test(segments[i]))
			return { noun: NOUNS[segments[i - 1]] ?? nounOf(segments[i - 1]), id: segments[i] };
	}
	return undefined;
}

/**
 * The hint for BILL's answer to a request that names an object, by what BILL documents per API:
 * - HTTP 404 to a path with an object ID: BILL has no such object for this session. BILL's
 *   `BDC_1121` ("API not supported", https://developer.bill.com/docs/faq) is what a wrong path
 *   gets, but which code a missing object gets is not documented, so the status decides, and the
 *   hint is "not found" whatever the code; "unknown endpoint" stays for a path without an ID.
 * - HTTP 400 from the webhook API to a path with an ID: that API lists 400 for invalid
 *   parameters (https://developer.bill.com/docs/webhook-api-error-responses), which a
 *   subscription or event ID it does not have may be.
 * Other answers keep the hint of BILL's code.
 */
export function withNotFoundHint(
	problem: BillProblem,
	request: { path: string; host?: 'api' | 'events' },
): BillProblem {
	const object = objectInPath(request.path);
	if (!object) return problem;
	const where =
		'this organization (a partner credential at partner scope sees only partner-level objects) and this environment: sandbox and production share no data';
	if (problem.httpCode === 404) {
		return {
			...problem,
			hint: `BILL has no ${object.noun} ${object.id} that this session can see. Check the ID, that it was not deleted, and that it belongs to ${where}.`,
		};
	}
	if (problem.httpCode === 400 && request.host === 'events' && !problem.hint) {
		return {
			...problem,
			hint: `BILL's webhook API also answers 400 for a ${object.noun} ID it does not have: check that ${object.id} exists and belongs to ${where}.`,
		};
	}
	return problem;
}
