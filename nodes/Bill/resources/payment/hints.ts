// What the user is told when BILL refuses a payment.

import { NodeApiError } from 'n8n-workflow';

/**
 * Shown with BILL's refusal of an untrusted session (BDC_1361) on a payment: what to do, and
 * where the walk-through is.
 */
export const PAYMENT_MFA_HINT =
	'BILL only creates payments in an MFA-trusted session. Put an MFA ID and its device name in the BILL credential (see "Getting an MFA ID" in the README of n8n-nodes-billcom: MFA → Send Challenge, then MFA → Validate Challenge with "Remember Me" on), or run Session → Step Up first. Acting for a client organization with the partner credential: that organization user\'s MFA ID in "MFA ID of the User" and "MFA Device Name".';

/**
 * Shown when BILL refuses a payment for its exchange-rate batch: paying a vendor whose bill
 * currency is not USD needs the current batch ID (https://developer.bill.com/reference/getexchangerate).
 */
export const EXCHANGE_RATE_HINT =
	'This vendor is paid in another currency than USD: BILL needs the current exchange-rate batch ID. Run Payment → Get Exchange Rate for the vendor and amount first and map its exchangeRateBatchId into Additional Fields → Exchange Rate Batch ID (a batch expires after about 20 minutes; the process date must then be the next US business day).';

/** BILL's MFA refusal gets the payment walk-through as its hint, an exchange-rate refusal how to get the batch. */
export function withPaymentHint(error: unknown): unknown {
	if (!(error instanceof NodeApiError)) return error;
	if (error.context.billCode === 'BDC_1361') error.description = PAYMENT_MFA_HINT;
	else if (/exchangeRateBatchId/.test(error.message)) error.description = EXCHANGE_RATE_HINT;
	return error;
}
