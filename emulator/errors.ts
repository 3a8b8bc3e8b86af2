/**
 * BILL's error format (https://developer.bill.com/docs/common-api-error-codes): a non-2xx answer carries a JSON array of
 * `{ timestamp, code, severity, category, message }`.
 */
export type ErrorCategory = 'REQUEST' | 'APPLICATION' | 'SERVER' | 'DOWNSTREAM';

export interface BillErrorEntry {
	timestamp: string;
	code: string;
	severity: 'ERROR' | 'WARNING' | 'INFORMATION';
	category: ErrorCategory;
	message: string;
}

export class BillError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly category: ErrorCategory = 'REQUEST',
	) {
		super(message);
	}

	body(now: Date): BillErrorEntry[] {
		return [
			{
				timestamp: now.toISOString().replace('Z', '+00:00'),
				code: this.code,
				severity: 'ERROR',
				category: this.category,
				message: this.message,
			},
		];
	}
}

/**
 * A missing object (bill, vendor, subscription, …). The emulator answers it as the reading
 * `notFound` says (readings.ts): 404 BDC_1121 by default, or 404 with another code, or 400.
 */
export class NotFoundError extends BillError {
	constructor(
		readonly what: string,
		readonly id: string,
	) {
		super(404, 'BDC_1121', `${what} not found: ${id}`);
	}

	/** The error as the reading plays it. */
	played(reading: 'BDC_1121' | 'otherCode' | 'badRequest'): BillError {
		if (reading === 'otherCode') return new BillError(404, 'BDC_9404', this.message);
		if (reading === 'badRequest')
			return new BillError(400, 'BDC_1002', `${this.what} ID: invalid value ${this.id}`);
		return this;
	}
}

/** The errors the emulator raises, with BILL's codes and messages (https://developer.bill.com/docs/common-api-error-codes). */
export const errors = {
	// https://developer.bill.com/docs/common-api-error-codes: the doc sample has two spaces after the full stop.
	sessionInvalid: () =>
		new BillError(401, 'BDC_1109', 'Session is invalid.  Please log in.', 'DOWNSTREAM'),
	// Open question 2: login failures are 400 (a third-party fixture shows 400 for BDC_1102).
	wrongPassword: () => new BillError(400, 'BDC_1101', 'User name and/or password do not match.'),
	devKeyInvalid: () => new BillError(400, 'BDC_1102', 'Developer key is invalid.'),
	notSupported: (method: string, path: string) =>
		new BillError(404, 'BDC_1121', `API not supported: ${method} ${path}`),
	// Open question 1: third-party notes say the limits answer with a 4xx, not 429; 400 is used.
	concurrency: () =>
		new BillError(400, 'BDC_1322', 'Max number of concurrent requests per organization reached.'),
	hourly: (limit: number) =>
		new BillError(400, 'BDC_1144', `Max number of allowed requests per hour reached: ${limit}.`),
	// https://developer.bill.com/docs/common-api-error-codes: BDC_1361 (session untrusted) reported as 403 by a third party.
	untrusted: (what: string) =>
		new BillError(403, 'BDC_1361', `${what} requires an MFA-trusted session.`, 'APPLICATION'),
	mfaInvalid: () => new BillError(400, 'BDC_1356', 'MFA ID is invalid or expired.'),
	notFound: (what: string, id: string) => new NotFoundError(what, id),
	invalid: (message: string, code = 'BDC_1002') => new BillError(400, code, message),
	forbidden: (message: string) => new BillError(403, 'BDC_1146', message, 'APPLICATION'),
	server: () => new BillError(500, 'BDC_1001', 'System error occurred.', 'SERVER'),
};
