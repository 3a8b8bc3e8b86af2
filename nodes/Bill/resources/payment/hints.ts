// What the user is told when BILL refuses a payment.

import { NodeApiError } from 'n8n-workflow';

/**
 * Shown with BILL's refusal of an untrusted session (BDC_1361) on a payment: what to do, and
 * where the walk-through is.
 */
export const PAYMENT_MFA_HINT =
	'BILL only creates payments in an MFA-trusted session. Put an MFA ID and its device name in the BILL credential (see "Getting an MFA ID" in the README of n8n-nodes-billcom: MFA → Send Challenge, then MFA → Validate Challenge with "Remember Me" on), or run Session → Step Up first. Acting for a client organization with the partner credential: that organization user\'s MFA ID in "MFA ID of the User" and "MFA Device Name".';

/** BILL's MFA refusal gets the payment walk-through as its hint. */
export function withPaymentHint(error: unknown): unknown {
	if (error instanceof NodeApiError && error.context.billCode === 'BDC_1361')
		error.description = PAYMENT_MFA_HINT;
	return error;
}
