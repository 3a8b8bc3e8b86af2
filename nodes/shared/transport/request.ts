import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { type ApiCall, httpOptions, readAnswer } from './answer';
import { resolveBaseUrls, type BillBaseUrls } from './environment';
import { BillLoginError, billApiError, problemFromResponse, type BillProblem } from './errors';
import { RequestNotSent, withRequestSlot } from './concurrency';
import { actingForOf, organizationSession, organizationSessionEnded } from './organizationSession';
import { consoleActingFor } from './consoleActing';
import { withNotFoundHint } from './notFound';
import { sendToBill } from './send';
import {
	explainSignInRefusal,
	needsCredentialFields,
	oauthRenewal,
	refuseForSignIn,
} from './signIn';

export type BillFunctions =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export type BillCredentialType = 'billApi' | 'billPartnerApi' | 'billOAuthApi' | 'billConsoleApi';

/** The credential types the "Authentication" parameter may name (nodes/shared/authentication.ts). */
const CREDENTIAL_TYPES: BillCredentialType[] = [
	'billApi',
	'billPartnerApi',
	'billOAuthApi',
	'billConsoleApi',
];

export type BillRequest = ApiCall;

/** BILL's own limits (https://developer.bill.com/docs/api-rate-limits); backoff as BILL recommends, bounded. */
export const BILL_MAX_CONCURRENT_REQUESTS = 3;
const MAX_ATTEMPTS = 5;
const BACKOFF_MS = [200, 500, 1000, 2000];

/**
 * How long one request may take before it counts as lost (n8n sets no timeout of its own, so a
 * BILL that never answers would hold the workflow forever). A lost create is not repeated; a lost
 * read is. Tests lower it to exercise the emulator's slow answers.
 */
export const transportSettings = { requestTimeoutMs: 120_000 };

const baseUrlCache = new WeakMap<object, Promise<BillBaseUrls>>();

export function credentialTypeOf(context: BillFunctions): BillCredentialType {
	let authentication: unknown;
	try {
		authentication = context.getNodeParameter('authentication', 0, 'billApi');
	} catch {
		authentication = 'billApi';
	}
	return CREDENTIAL_TYPES.find((type) => type === authentication) ?? 'billApi';
}

export async function baseUrlsOf(context: BillFunctions): Promise<BillBaseUrls> {
	let urls = baseUrlCache.get(context);
	if (!urls) {
		urls = context.getCredentials(credentialTypeOf(context)).then(resolveBaseUrls);
		baseUrlCache.set(context, urls);
		urls.catch(() => baseUrlCache.delete(context));
	}
	return await urls;
}

interface FailedAttempt {
	problem: BillProblem;
	/** BILL refused the request before doing anything (limits): safe to send again. */
	refused: boolean;
	/** BILL may have applied the request (5xx, connection lost, unreadable answer). */
	uncertain: boolean;
}

function classify(error: unknown): FailedAttempt {
	const e = error as {
		httpCode?: string | number | null;
		cause?: {
			response?: { status?: number; data?: unknown; body?: unknown };
			code?: string;
			message?: string;
		};
		response?: { status?: number; data?: unknown; body?: unknown };
		code?: string;
		message?: string;
	};
	const response = e.cause?.response ?? e.response;
	const status = Number(response?.status ?? e.httpCode ?? 0) || undefined;
	if (!status && (e.cause instanceof BillLoginError || error instanceof BillLoginError)) {
		// The login could not reach BILL: the request itself was never sent, so trying again is safe.
		return {
			problem: { message: (e.cause ?? e).message ?? 'BILL login failed' },
			refused: true,
			uncertain: false,
		};
	}
	if (!status) {
		// No HTTP answer at all: the connection failed or was cut; BILL may or may not have seen it.
		const reason = e.cause?.code ?? e.code ?? 'connection error';
		return {
			problem: { message: `No answer from BILL (${reason})` },
			refused: false,
			uncertain: true,
		};
	}
	const problem = problemFromResponse(status, response?.data ?? response?.body);
	if (problem.code === 'BDC_1322' || status === 429)
		return { problem, refused: true, uncertain: false };
	return { problem, refused: false, uncertain: status >= 500 };
}

/**
 * The one function through which every call to BILL goes: n8n's authenticated request helper
 * (the credential logs in once and again when BILL answers 401), BILL's error array turned into
 * a NodeApiError with BILL's code, message and a hint, and bounded backoff where a repeat is safe.
 */
export async function billApiRequest(
	this: BillFunctions,
	request: BillRequest,
): Promise<IDataObject> {
	const urls = await baseUrlsOf(this);
	const options = httpOptions(request, urls, transportSettings.requestTimeoutMs);
	const repeatable = request.repeatable ?? request.method !== 'POST';
	const credentialType = credentialTypeOf(this);
	// Partner credential, organization named in the item: that organization's own session.
	const itemIndex = request.itemIndex ?? 0;
	const acting =
		credentialType === 'billPartnerApi'
			? await actingForOf(this, request.path, itemIndex)
			: credentialType === 'billConsoleApi'
				? await consoleActingFor(this, request.path, itemIndex)
				: undefined;
	const send = async (partnerRequest: BillRequest) =>
		await billApiRequest.call(this, partnerRequest);
	// The credential copy the request carries, if any: an organization's own session (partner,
	// Accountant Console), or the OAuth credential without its ending token (below).
	let organization = acting && (await organizationSession(this, acting, send, itemIndex));
	// Read only where needed (n8n reads its database for it): OAuth's token end, and money requests.
	const credentials = needsCredentialFields(credentialType, request)
		? await this.getCredentials(credentialType)
		: {};
	// Before anything is sent: what this sign-in cannot do (signIn.ts).
	refuseForSignIn(this, credentialType, credentials, request);
	// OAuth: a token about to end is renewed first (signIn.ts).
	if (credentialType === 'billOAuthApi') organization = oauthRenewal(this, credentials);
	let renewed = false;

	for (let attempt = 1; ; attempt++) {
		let failure: FailedAttempt;
		try {
			const response = await withRequestSlot(
				this,
				BILL_MAX_CONCURRENT_REQUESTS,
				itemIndex,
				async () => await sendToBill(this, credentialType, options, organization),
			);
			const answer = readAnswer(response);
			if ('body' in answer) return answer.body;
			failure = answer.failure;
		} catch (error) {
			if (error instanceof RequestNotSent)
				throw new NodeOperationError(this.getNode(), error.message, { itemIndex });
			if (acting && organization && !renewed && organizationSessionEnded(error)) {
				// BILL refused the session (401) before doing anything: renew it, send again once.
				renewed = true;
				const ended = String(organization.data?.sessionId ?? '');
				organization = await organizationSession(this, acting, send, itemIndex, ended);
				attempt--;
				continue;
			}
			failure = classify(error);
		}
		const mayRepeat = failure.refused || (failure.uncertain && repeatable);
		if (mayRepeat && attempt < MAX_ATTEMPTS) {
			await sleep(BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]);
			continue;
		}
		let extra: string | undefined;
		let problem = withNotFoundHint(failure.problem, request);
		if (failure.uncertain && !repeatable) {
			const check =
				request.uncertainHint ?? 'Check in BILL whether it was applied before running it again.';
			extra = `The request may have reached BILL, so it was not sent again. ${check}`;
			// The message itself says it, not only the hint: whether BILL applied the request is
			// unknown, it was not repeated, and how to check (a user may read only the message).
			problem = {
				...problem,
				message: `${problem.message.replace(/[.\s]+$/, '')}. The request may have reached BILL, so it was not sent again: whether BILL applied it is unknown. ${check}`,
			};
		} else if (failure.refused || failure.uncertain) {
			extra = `Gave up after ${attempt} attempts.`;
		}
		const error = billApiError(this.getNode(), problem, request.itemIndex, extra);
		if (failure.uncertain && !repeatable) error.context.outcomeUnknown = true;
		throw explainSignInRefusal(error, credentialType, credentials, request);
	}
}

export interface PageOptions {
	returnAll: boolean;
	limit?: number;
}

interface BillPage {
	results?: IDataObject[];
	nextPage?: string;
}

/**
 * Reads a BILL list (`max`/`page` → `nextPage`, https://developer.bill.com/docs/v3-bills-changes) up to the limit, or all of it.
 * Pages of 100 (BILL's maximum), and only as many as the limit needs.
 */
export async function billApiRequestAllItems(
	this: BillFunctions,
	request: BillRequest,
	{ returnAll, limit = 50 }: PageOptions,
): Promise<IDataObject[]> {
	if (!returnAll && !(Number.isInteger(limit) && limit >= 1)) {
		// An expression can give any value; BILL would refuse the page size, so say it here.
		throw new NodeOperationError(
			this.getNode(),
			`Limit: must be a whole number of 1 or more, not ${String(limit)} [item ${request.itemIndex ?? 0}]`,
			{
				itemIndex: request.itemIndex,
				description: 'Or turn on Return All.',
			},
		);
	}
	const results: IDataObject[] = [];
	let page: string | undefined;
	do {
		const wanted = returnAll ? 100 : Math.min(100, limit - results.length);
		const qs: IDataObject = { ...(request.qs ?? {}), max: wanted };
		if (page) qs.page = page;
		const response = (await billApiRequest.call(this, { ...request, qs })) as BillPage;
		for (const entry of response.results ?? []) results.push(entry);
		page = response.nextPage || undefined;
	} while (page && (returnAll || results.length < limit));
	return returnAll ? results : results.slice(0, limit);
}
