// How a failed Spend & Expense call is read: BILL's refusal of the rate, an unknown outcome, or
// an answer to pass on, with a hint for its HTTP status.

import { problemFromResponse, type BillProblem } from '../shared/transport/errors';

/** Longest Retry-After honoured (a larger one is taken as this, then asked again). */
const MAX_RETRY_AFTER_MS = 120_000;

const HINTS_BY_STATUS: Record<number, string> = {
	401: 'Check the API token of the BILL Spend & Expense credential and that it belongs to the chosen environment (sandbox tokens do not work in production). A token stops working when the user who generated it loses the ADMIN role or is deleted.',
	403: 'The user who generated the API token may not do this (for example, only ADMIN users approve or deny reimbursements). Use a token of an ADMIN user.',
	404: 'BILL has no such object for this token (deleted, or in another company). Pick it again from the list.',
	429: 'BILL allows 60 Spend & Expense calls a minute per token; another workflow or app uses the same token. Run fewer at once or spread the work.',
};

/** BILL's answer to a refused rate: HTTP 429, or a 4xx carrying a rate-limit code or text. */
function isRateRefusal(status: number | undefined, problem: BillProblem): boolean {
	if (status === 429) return true;
	// Open question: BILL does not document how S&E answers its per-minute limit; its AP API
	// answers BDC_1144 ("requests per hour") and BDC_1322 (concurrent) with a 4xx. Either is
	// treated as a refusal (nothing was done), as is a message about too many requests.
	if (problem.code === 'BDC_1144' || problem.code === 'BDC_1322') return true;
	return (
		!!status &&
		status >= 400 &&
		status < 500 &&
		/too many requests|rate limit|max number of (allowed |concurrent )?requests/i.test(
			problem.message,
		)
	);
}

export interface Failure {
	problem: BillProblem;
	refused: boolean;
	uncertain: boolean;
	retryAfterMs?: number;
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(Array.isArray(raw) ? raw[0] : raw).trim();
	const seconds = Number(text);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(text) - Date.now();
	return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

export function classify(error: unknown): Failure {
	const e = error as {
		httpCode?: string | number | null;
		cause?: {
			response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
			code?: string;
		};
		response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
		code?: string;
	};
	const response = e.cause?.response ?? e.response;
	const status = Number(response?.status ?? e.httpCode ?? 0) || undefined;
	if (!status) {
		const reason = e.cause?.code ?? e.code ?? 'connection error';
		return {
			problem: { message: `No answer from BILL Spend & Expense (${reason})` },
			refused: false,
			uncertain: true,
		};
	}
	const problem = problemFromResponse(status, response?.data);
	// Hints for the API token, not for the AP login's session and developer key.
	problem.hint =
		HINTS_BY_STATUS[status] ?? (problem.code === 'BDC_1121' ? problem.hint : undefined);
	if (isRateRefusal(status, problem)) {
		problem.hint = HINTS_BY_STATUS[429];
		return {
			problem,
			refused: true,
			uncertain: false,
			retryAfterMs: retryAfterMs(response?.headers),
		};
	}
	return { problem, refused: false, uncertain: status >= 500 };
}
