// What the user is told when BILL refuses an MFA request.

import { NodeApiError } from 'n8n-workflow';

const SMS_LIMIT_HINT = 'BILL sends at most 5 codes a minute. Wait a minute, then run it again.';

/** BILL's limit on text messages (https://developer.bill.com/docs/api-rate-limits) comes with the hourly-limit code; say which it is. */
export function explainSmsLimit(error: unknown): unknown {
	if (
		error instanceof NodeApiError &&
		error.context.billCode === 'BDC_1144' &&
		/minute/i.test(error.message)
	) {
		error.description = SMS_LIMIT_HINT;
	}
	return error;
}
