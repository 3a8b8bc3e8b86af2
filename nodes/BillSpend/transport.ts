import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { type ApiCall, httpOptions, readAnswer } from '../shared/transport/answer';
import { resolveBaseUrls } from '../shared/transport/environment';
import { billApiError } from '../shared/transport/errors';
import { sendToBill } from '../shared/transport/send';
import { oauthRenewal } from '../shared/transport/signIn';
import { classify, type Failure } from './failures';
import { acquireSlot, fnv1a, releaseSlot, spendTransportSettings } from './pacing';

export { resetSpendPacing, spendTransportSettings } from './pacing';

export type SpendFunctions = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export const SPEND_CREDENTIAL = 'billSpendApi';

/**
 * The credential of the node: the S&E API token (the only one before OAuth, and what nodes saved
 * without an "Authentication" parameter use), or BILL OAuth, whose token also serves S&E
 * (https://developer.bill.com/docs/oauth-client-credentials).
 */
export function spendCredentialOf(context: SpendFunctions): 'billSpendApi' | 'billOAuthApi' {
	// Read once per execution context: n8n resolves every parameter of the node to read one.
	let type = credentialTypes.get(context);
	if (type) return type;
	let authentication: unknown;
	try {
		authentication = context.getNodeParameter('authentication', 0, SPEND_CREDENTIAL);
	} catch {
		authentication = SPEND_CREDENTIAL;
	}
	type = authentication === 'billOAuthApi' ? 'billOAuthApi' : SPEND_CREDENTIAL;
	credentialTypes.set(context, type);
	return type;
}

const credentialTypes = new WeakMap<object, 'billSpendApi' | 'billOAuthApi'>();

export interface SpendRequest extends ApiCall {
	/** Path below the host, always under `/v3/spend`, e.g. `/v3/spend/budgets` */
	path: string;
	body?: IDataObject;
}

const MAX_REFUSED_ATTEMPTS = 8;
const MAX_UNCERTAIN_ATTEMPTS = 4;
const UNCERTAIN_BACKOFF_MS = [500, 1000, 2000];

export async function spendBaseUrl(context: SpendFunctions): Promise<{
	api: string;
	events: string;
	key: string;
	type: 'billSpendApi' | 'billOAuthApi';
	credentials: ICredentialDataDecryptedObject;
}> {
	const type = spendCredentialOf(context);
	const credentials = await context.getCredentials(type);
	const { api, events } = resolveBaseUrls(credentials);
	// The per-minute limit is BILL's per token: the API token's, or the OAuth app's.
	const token =
		type === SPEND_CREDENTIAL ? credentials.apiToken : `oauth|${String(credentials.clientId)}`;
	return { api, events, key: `${api}|${fnv1a(String(token ?? ''))}`, type, credentials };
}

/**
 * The one function through which every BILL Spend & Expense call goes: n8n's authenticated
 * request helper (the credential adds `apiToken`), the per-minute limit kept and waited out,
 * BILL's error array turned into a NodeApiError (code, message, hint; nothing of the request),
 * and a repeat only where it cannot do a write twice.
 */
export async function spendApiRequest(
	this: SpendFunctions,
	request: SpendRequest,
): Promise<IDataObject> {
	const { api, events, key, type, credentials } = await spendBaseUrl(this);
	// OAuth: a token about to end is renewed first (nodes/shared/transport/signIn.ts).
	const renewal = type === 'billOAuthApi' ? oauthRenewal(this, credentials) : undefined;
	const options = httpOptions(request, { api, events }, spendTransportSettings.requestTimeoutMs);
	const repeatable = request.repeatable ?? request.method !== 'POST';
	let refusals = 0;
	let uncertainties = 0;
	for (;;) {
		const slot = await acquireSlot(key);
		let failure: Failure;
		try {
			// n8n 1.x drops BILL's answer from its errors: shared/transport/send.ts reads it.
			const response = await sendToBill(this, type, options, renewal);
			releaseSlot(slot);
			const answer = readAnswer(response);
			if ('body' in answer) return answer.body;
			failure = answer.failure;
		} catch (error) {
			releaseSlot(slot);
			failure = classify(error);
		}
		if (failure.refused && ++refusals < MAX_REFUSED_ATTEMPTS) {
			const { refusedBackoffMs, windowMs } = spendTransportSettings;
			const backoff = refusedBackoffMs[Math.min(refusals - 1, refusedBackoffMs.length - 1)];
			await sleep(failure.retryAfterMs ?? Math.min(backoff, windowMs));
			continue;
		}
		if (failure.uncertain && repeatable && ++uncertainties < MAX_UNCERTAIN_ATTEMPTS) {
			await sleep(UNCERTAIN_BACKOFF_MS[uncertainties - 1]);
			continue;
		}
		// A DELETE repeated after a lost answer finds the object gone: the first one did it.
		if (request.method === 'DELETE' && uncertainties > 0 && failure.problem.httpCode === 404) {
			return {};
		}
		let extra: string | undefined;
		let problem = failure.problem;
		if (failure.uncertain && !repeatable) {
			const check =
				request.uncertainHint ?? 'Check in BILL whether it was applied before running it again.';
			extra = `The request may have reached BILL, so it was not sent again. ${check}`;
			// In the message itself, as the BILL node says it (nodes/shared/transport/request.ts):
			// a user may read only the message, and "No answer (ECONNRESET)" alone reads as "nothing
			// happened".
			problem = {
				...problem,
				message: `${problem.message.replace(/[.\s]+$/, '')}. The request may have reached BILL, so it was not sent again: whether BILL applied it is unknown. ${check}`,
			};
		} else if (failure.refused) {
			extra = `Gave up after ${refusals} refusals.`;
		} else if (failure.uncertain) {
			extra = `Gave up after ${uncertainties} attempts.`;
		}
		const error = billApiError(this.getNode(), problem, request.itemIndex, extra);
		if (failure.uncertain && !repeatable) error.context.outcomeUnknown = true;
		throw error;
	}
}

export interface SpendPageOptions {
	returnAll: boolean;
	limit?: number;
	/** BILL's largest page: 100, but 50 for transactions. */
	pageSize?: number;
	/**
	 * A filter BILL's list does not have, applied to what it returns: only the entries it keeps
	 * count towards the limit (full pages are read then).
	 */
	keep?: (entry: IDataObject) => boolean;
}

interface SpendPage {
	results?: IDataObject[];
	nextPage?: string | null;
}

/**
 * Reads a BILL Spend & Expense list up to the limit, or all of it: `max` per page, the next
 * page asked for with the `nextPage` query parameter carrying the answer's `nextPage` token
 * (Postman "Get list of transactions"), until no token comes back.
 */
export async function spendApiRequestAllItems(
	this: SpendFunctions,
	request: SpendRequest,
	{ returnAll, limit = 50, pageSize = 100, keep }: SpendPageOptions,
): Promise<IDataObject[]> {
	if (!returnAll && !(Number.isInteger(limit) && limit >= 1)) {
		throw new NodeOperationError(
			this.getNode(),
			`Limit: must be a whole number of 1 or more, not ${String(limit)} [item ${request.itemIndex ?? 0}]`,
			{ itemIndex: request.itemIndex, description: 'Or turn on Return All.' },
		);
	}
	const results: IDataObject[] = [];
	const seen = new Set<string>();
	let page: string | undefined;
	do {
		const max = returnAll || keep ? pageSize : Math.min(pageSize, limit - results.length);
		const qs: IDataObject = { ...(request.qs ?? {}), max };
		if (page) qs.nextPage = page;
		const response = (await spendApiRequest.call(this, { ...request, qs })) as SpendPage;
		for (const entry of response.results ?? []) if (!keep || keep(entry)) results.push(entry);
		const next = response.nextPage || undefined;
		// A token seen before would read the same pages forever.
		if (next && seen.has(next)) break;
		if (next) seen.add(next);
		page = next;
	} while (page && (returnAll || results.length < limit));
	return returnAll ? results : results.slice(0, limit);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Sends a receipt image to the upload URL BILL gave (Postman "Create a transaction upload URL":
 * PUT the JPG or PNG bytes to it). The URL is a storage address, not the API: the API token is
 * not sent there, so it goes through the plain request helper. Repeated when the answer is lost
 * (a PUT of the same bytes to the same URL lands in the same state).
 */
export async function putReceiptImage(
	this: IExecuteFunctions,
	url: string,
	data: Buffer,
	mimeType: string,
	itemIndex: number,
): Promise<void> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw billApiError(
			this.getNode(),
			{ message: 'BILL gave an upload URL that is not a URL' },
			itemIndex,
		);
	}
	if (
		parsed.protocol !== 'https:' &&
		!(parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))
	) {
		throw billApiError(
			this.getNode(),
			{ message: 'BILL gave an upload URL that is not HTTPS; the receipt was not sent' },
			itemIndex,
		);
	}
	for (let attempt = 1; ; attempt++) {
		try {
			await this.helpers.httpRequest({
				method: 'PUT',
				url,
				body: data,
				headers: { 'Content-Type': mimeType },
				timeout: spendTransportSettings.requestTimeoutMs,
			});
			return;
		} catch (error) {
			const failure = classify(error);
			if ((failure.uncertain || failure.refused) && attempt < MAX_UNCERTAIN_ATTEMPTS) {
				await sleep(UNCERTAIN_BACKOFF_MS[attempt - 1]);
				continue;
			}
			throw billApiError(
				this.getNode(),
				{ ...failure.problem, message: `Uploading the receipt failed: ${failure.problem.message}` },
				itemIndex,
			);
		}
	}
}
