import type { IDataObject, JsonObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** One entry of the error array BILL returns on any non-2xx response (https://developer.bill.com/docs/common-api-error-codes). */
export interface BillErrorEntry {
	timestamp?: string;
	code?: string;
	severity?: string;
	category?: string;
	message?: string;
}

/** What BILL said, reduced to what a user needs; never carries request data or secrets. */
export interface BillProblem {
	httpCode?: number;
	code?: string;
	message: string;
	hint?: string;
}

const HINTS: Record<string, string> = {
	BDC_1101:
		'Check the username and password in the BILL credential, and that they belong to the chosen environment (sandbox or production).',
	BDC_1102:
		'Check the developer key in the BILL credential. A sandbox key does not work in production and vice versa.',
	BDC_1109:
		'The BILL session ended (35 idle minutes, a logout, or a login elsewhere). The node logs in again by itself; if this persists, check the credential.',
	// A path BILL does not know (https://developer.bill.com/docs/faq). A request naming an object
	// (an ID in its path) gets the "not found" hint instead: notFound.ts.
	BDC_1121:
		'BILL does not know this endpoint. Check the environment and Custom Base URL of the credential.',
	BDC_1144:
		'BILL allows 20,000 requests per developer key per hour. Wait until the next hour, or spread the work over several runs.',
	BDC_1322:
		'BILL allows 3 concurrent requests per organization and developer key. Another workflow or app is using the same key; run fewer at once.',
	BDC_1356:
		'The MFA ID in the credential has expired (they last 30 days) or does not match the device name. Get a new one: run MFA → Send Challenge, then MFA → Validate Challenge with "Remember Me" on, and paste the MFA ID and the same device name into the credential.',
	BDC_1361:
		'This action (e.g. a payment or a new bank account) needs an MFA-trusted session. Add an MFA ID and its device name to the BILL credential (see "Getting an MFA ID" in the README: MFA → Send Challenge, then MFA → Validate Challenge with "Remember Me" on), or use Session → Step Up.',
	// Open question: BILL documents that bank-account creation needs the ADMINISTRATOR role but not
	// the code it answers a non-administrator with; BDC_1362 is our emulator's choice (HTTP 403).
	BDC_1362:
		'Only a BILL user with the ADMINISTRATOR role may do this (for example add a bank account). Use the credential of an administrator, or ask one to change your role in BILL.',
};

export function hintFor(code: string | undefined): string | undefined {
	return code ? HINTS[code] : undefined;
}

/** Reads BILL's error array (or a single error object) out of a response body. */
export function readBillErrors(body: unknown): BillErrorEntry[] {
	let data = body;
	if (typeof data === 'string') {
		try {
			data = JSON.parse(data);
		} catch {
			return [];
		}
	}
	if (Array.isArray(data))
		return data.filter((e) => e && typeof e === 'object') as BillErrorEntry[];
	if (data && typeof data === 'object' && ('code' in data || 'message' in data)) {
		return [data as BillErrorEntry];
	}
	return [];
}

export function problemFromResponse(httpCode: number | undefined, body: unknown): BillProblem {
	const errors = readBillErrors(body);
	const first = errors.find((e) => e.code) ?? errors[0];
	if (!first) {
		return {
			httpCode,
			message: httpCode
				? `BILL answered with HTTP ${httpCode} and no error details`
				: 'BILL could not be reached',
		};
	}
	const messages = errors
		.map((e) => (e.code ? `${e.code}: ${e.message ?? ''}` : (e.message ?? '')))
		.filter(Boolean);
	return {
		httpCode,
		code: first.code,
		message: messages.join('; '),
		hint: hintFor(first.code),
	};
}

/**
 * Raised by the credential's login. Holds only BILL's code and message, so n8n can show it
 * (and wrap it) without any of the request that carried the password or keys.
 */
export class BillLoginError extends Error {
	readonly code?: string;
	readonly httpCode?: number;
	readonly description?: string;

	constructor(problem: BillProblem, what = 'BILL login failed') {
		super(`${what}: ${problem.message}`);
		this.name = 'BillLoginError';
		this.code = problem.code;
		this.httpCode = problem.httpCode;
		this.description = problem.hint;
	}
}

export function billApiError(
	node: INode,
	problem: BillProblem,
	itemIndex?: number,
	extraHint?: string,
): NodeApiError {
	const description = [problem.hint, extraHint].filter(Boolean).join(' ') || undefined;
	const message = problem.code ? `BILL error ${problem.message}` : problem.message;
	const error = new NodeApiError(
		node,
		{
			message: problem.message,
			code: problem.code ?? '',
			httpCode: problem.httpCode ?? '',
		} as JsonObject,
		{
			message,
			description,
			httpCode: problem.httpCode ? String(problem.httpCode) : undefined,
			itemIndex,
		},
	);
	// NodeApiError replaces a message that names a connection error code (ECONNRESET, ETIMEDOUT,
	// ECONNREFUSED…) with n8n's own ("The connection to the server was closed unexpectedly…"),
	// even when `message` is given. Ours says what became of the request (e.g. that a bill may
	// have been created and was not sent again), so it is put back; n8n's text stays in `messages`.
	error.message = message;
	if (problem.code) error.context.billCode = problem.code;
	return error;
}

/**
 * Adds what the user can do to an error BILL gave, when BILL's code has no hint of its own
 * (HINTS above): e.g. "verify the account first" on a refused update.
 * Decided by the code, not by an empty description: without a hint, n8n's NodeApiError fills
 * the description with BILL's message, so it is never empty.
 */
export function withHint(
	error: unknown,
	hint: string,
	when: (httpCode: number) => boolean = (s) => s >= 400 && s < 500,
): unknown {
	if (error instanceof NodeApiError && !hintFor(error.context.billCode as string | undefined)) {
		const status = Number(error.httpCode ?? 0);
		if (when(status)) error.description = hint;
	}
	return error;
}

/** The error as an output item carries it with "Continue On Fail": message, BILL's code, hint. */
export function errorJson(error: unknown): IDataObject {
	const e = error as {
		message?: string;
		description?: string | null;
		context?: IDataObject;
		httpCode?: string | null;
	};
	const json: IDataObject = { error: e.message ?? String(error) };
	if (e.context?.billCode) json.code = e.context.billCode;
	if (e.httpCode) json.httpCode = e.httpCode;
	if (e.description) json.hint = e.description;
	if (e.context?.outcomeUnknown) json.outcomeUnknown = true;
	return json;
}

/**
 * An error caught from the package's own code, thrown on as n8n wants every node error: a
 * NodeApiError or NodeOperationError comes back unchanged (n8n-workflow's constructors return an
 * error that is one already, with its message, BILL's code and hint), anything else becomes a
 * NodeOperationError. So `throw asNodeError(node, error)` passes an error on without a raw rethrow.
 */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject);
	return new NodeOperationError(node, error as Error);
}
