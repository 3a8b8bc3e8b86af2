/**
 * Where BILL's documents are silent, the emulator has to pick one reading, and a node that
 * shares the guess passes every test whether the guess is right or not. Each switch here plays
 * the other reading too, so a test can run the node under both and show it behaves well either
 * way. The first value of each is the emulator's default (what it did before the switch existed).
 *
 *   keyHeaders          'lenient'   a request with both devKey and appKey is served
 *                       'strict'    such a request is refused (400): an organization call sends
 *                                   devKey + sessionId, a partner call appKey + sessionId, as
 *                                   https://developer.bill.com/docs/bill-keys-tokens and
 *                                   https://developer.bill.com/docs/bill-webhook-api-general-rules
 *                                   describe them, and the webhook API decides the level from them
 *   paymentFilters      'lenient'   GET /v3/payments filters by id, vendorId, status, processDate,
 *                                   createdTime, updatedTime (v2's SentPay list)
 *                       'strict'    only what BILL shows for payments: `id` (Postman "Get list of
 *                                   payments") and `transactionNumber`
 *                                   (https://developer.bill.com/docs/filterable-fields); anything
 *                                   else is refused as BILL refuses an unsupported filter (400 BDC_1002)
 *   notFound            'BDC_1121'  a missing object (bill, vendor, subscription, …) is 404 BDC_1121
 *                       'otherCode' 404 with a code the node has no hint for (BDC_9404, made up)
 *                       'badRequest' 400 BDC_1002, as BILL's webhook API lists 400 for invalid
 *                                   parameters (https://developer.bill.com/docs/webhook-api-error-responses)
 *                                   and BILL's Postman collection shows only 400 and 500 errors
 *   subscriptionList    'object'    GET /v3/subscriptions answers `{ nextPage?, results: [...] }`
 *                       'array'     it answers the bare array
 *   subscriptionStatus  'object'    a subscription's `status` is `{ enabled: true|false, … }`
 *                       'string'    `status.enabled` is "true" / "false"
 *                       'missing'   a subscription has no `status`
 *   fundingPurposesEmpty 'noBody'   GET /v3/funding-accounts/cards/funding-purposes for a vendor whose
 *                                   industry BILL knows answers 200 with no body (Postman "Get card
 *                                   funding purpose": "an empty 200 response")
 *                       'emptyResults' it answers `{ "results": [] }`
 *   checkImagesPending  'empty'     GET /v3/payments/{id}/check-image before the vendor's bank
 *                                   processed the check answers `{ "results": [] }`
 *                       'refused'   it answers 400 BDC_1002 (BILL's reference only says the images
 *                                   are available once the bank processed the check)
 *   billVendorCredits   'set'       a bill's `vendorCredits` on PATCH or PUT set how much of each credit
 *                                   listed is applied to that bill (sending the same again changes nothing)
 *                       'add'       each one sent is applied once more, on top of what the bill has
 *                                   (https://developer.bill.com/changelog/2025-05-22-bills-api-improvements-for-vendor-credits
 *                                   says only that the bill's create, replace and update take them)
 *   customFieldValuesAnswer 'first'  POST /v3/spend/custom-fields/{id}/values with several values
 *                                   answers the first value made, one object, as Postman "Create a
 *                                   custom field value" shows its answer
 *                       'list'      it answers the list of values made
 *   spendRateLimit      'http429'   a Spend & Expense call over the 60 a minute is HTTP 429 with BILL's
 *                                   error array (BDC_1144) and a Retry-After in seconds
 *                       'bdc1144'   it is 400 with the BDC_1144 array, category DOWNSTREAM, and no
 *                                   Retry-After, as BILL answers its AP/AR hourly limit
 *                                   (https://developer.bill.com/docs/api-rate-limits); S&E's own
 *                                   answer is not documented (https://developer.bill.com/docs/spend-expense-api)
 *   spendNameStartsWith 'ignoreCase' a Spend list's `name:sw:` (budgets, custom fields) ignores case
 *                       'matchCase'  it matches the case too (https://developer.bill.com/hc/reference/budgets
 *                                   and …/listcustomfields list `sw` for `name` but do not say)
 *   receivablePaymentFilters 'lenient' GET /v3/receivable-payments filters by id, customerId, createdTime,
 *                                   updatedTime (as invoices do)
 *                       'strict'    only `id` (the one filter Postman "Get list of received payments" shows);
 *                                   anything else is refused (400 BDC_1002)
 *   chargeAuthorizationAnswer 'customer' POST /v3/customers/{id}/charge-authorization answers the customer
 *                       'empty'     it answers an empty 200 (https://developer.bill.com/reference/authorizetochargecustomer
 *                                   shows no response body in the stored copy)
 *   chargeWithdrawalDate 'kept'    a charge is withdrawn on the paymentDate sent
 *                       'businessDay' a paymentDate on a Saturday or Sunday becomes the next Monday
 *                                   (https://developer.bill.com/docs/ar-charge-customer does not say)
 *   approvalPolicyCreatePath 'both' a policy is created with POST /v3/bill-approvals (BILL's guide
 *                                   https://developer.bill.com/docs/ap-bill-approvals) and with
 *                                   POST /v3/bill-approvals/policies (Postman "Create a bill approval policy")
 *                       'guide'     only the guide's path is served (the other is an unknown route, 404/405)
 *                       'postman'   only Postman's path is served
 *
 *   oauthTokenBody      'form'      POST /authx/token takes a form body (BILL's reference lists the
 *                                   fields under "Form Data", https://developer.bill.com/reference/createaccesstoken)
 *                       'json'      it takes JSON only and answers a form with 415
 *   oauthTokenResponse  'rfc6749'   the token answer is `{ access_token, token_type, expires_in, scope }`
 *                       'camelCase' `{ accessToken, tokenType, expiresIn }` (BILL's page is cut before the example)
 *                       'noExpiresIn' `{ access_token, token_type, scope }`: no lifetime given
 *   oauthPaymentMfa     'notNeeded' a Full-access token may create payments as it is (MFA was done when
 *                                   the app was created, https://developer.bill.com/docs/oauth-api-scope-capabilities)
 *                       'stepUp'    it must be stepped up first (POST /v3/mfa/step-up with an MFA ID), as a session
 *   oauthScopeRefusal   'forbidden' an Accounting-data-access token is refused a payment or a funding-account
 *                                   change with 403 BDC_1146
 *                       'unauthorized' with 401 BDC_1146 (n8n then renews the token once, in vain)
 *
 *   invoiceCreditAmount 'set'       an invoice's `creditAmount` on PATCH or PUT is the credit the invoice
 *                                   carries from then on (more is taken from the customer's credit memos,
 *                                   less is given back to them)
 *                       'add'       it is taken from the credit memos once more, on top of what the
 *                                   invoice carries
 *                       'refused'   it is refused (400 BDC_1002): BILL documents `creditAmount` only on
 *                                   create (https://developer.bill.com/reference/createinvoice)
 *   webhookRetries      'fast'      a failed delivery is tried `webhookAttempts` times in all, the waits
 *                                   doubling from `webhookBackoffMs` (milliseconds: tests)
 *                       'billLike'  5 attempts, 1, 5, 15 and 60 minutes apart by the emulator's clock
 *                                   (POST /__emulator/clock moves it). BILL says only "exponential
 *                                   backoff", then `status.enabled=false`
 *                                   (https://developer.bill.com/docs/working-with-bill-webhooks)
 *
 * Set them with `startEmulator({ readings: { … } })`, `emulator.readings.x = …` in a test, or
 * `POST /__emulator/options { "readings": { … } }` from another process. `reset()` restores the
 * ones the emulator was started with.
 */
export interface Readings {
	keyHeaders: 'lenient' | 'strict';
	paymentFilters: 'lenient' | 'strict';
	notFound: 'BDC_1121' | 'otherCode' | 'badRequest';
	subscriptionList: 'object' | 'array';
	subscriptionStatus: 'object' | 'string' | 'missing';
	fundingPurposesEmpty: 'noBody' | 'emptyResults';
	checkImagesPending: 'empty' | 'refused';
	billVendorCredits: 'set' | 'add';
	customFieldValuesAnswer: 'first' | 'list';
	spendRateLimit: 'http429' | 'bdc1144';
	spendNameStartsWith: 'ignoreCase' | 'matchCase';
	receivablePaymentFilters: 'lenient' | 'strict';
	chargeAuthorizationAnswer: 'customer' | 'empty';
	chargeWithdrawalDate: 'kept' | 'businessDay';
	approvalPolicyCreatePath: 'both' | 'guide' | 'postman';
	oauthTokenBody: 'form' | 'json';
	oauthTokenResponse: 'rfc6749' | 'camelCase' | 'noExpiresIn';
	oauthPaymentMfa: 'notNeeded' | 'stepUp';
	oauthScopeRefusal: 'forbidden' | 'unauthorized';
	invoiceCreditAmount: 'set' | 'add' | 'refused';
	webhookRetries: 'fast' | 'billLike';
}

export const DEFAULT_READINGS: Readings = {
	keyHeaders: 'lenient',
	paymentFilters: 'lenient',
	notFound: 'BDC_1121',
	subscriptionList: 'object',
	subscriptionStatus: 'object',
	fundingPurposesEmpty: 'noBody',
	checkImagesPending: 'empty',
	billVendorCredits: 'set',
	customFieldValuesAnswer: 'first',
	spendRateLimit: 'http429',
	spendNameStartsWith: 'ignoreCase',
	receivablePaymentFilters: 'lenient',
	chargeAuthorizationAnswer: 'customer',
	chargeWithdrawalDate: 'kept',
	approvalPolicyCreatePath: 'both',
	oauthTokenBody: 'form',
	oauthTokenResponse: 'rfc6749',
	oauthPaymentMfa: 'notNeeded',
	oauthScopeRefusal: 'forbidden',
	invoiceCreditAmount: 'set',
	webhookRetries: 'fast',
};

const CHOICES: { [K in keyof Readings]: Array<Readings[K]> } = {
	keyHeaders: ['lenient', 'strict'],
	paymentFilters: ['lenient', 'strict'],
	notFound: ['BDC_1121', 'otherCode', 'badRequest'],
	subscriptionList: ['object', 'array'],
	subscriptionStatus: ['object', 'string', 'missing'],
	fundingPurposesEmpty: ['noBody', 'emptyResults'],
	checkImagesPending: ['empty', 'refused'],
	billVendorCredits: ['set', 'add'],
	customFieldValuesAnswer: ['first', 'list'],
	spendRateLimit: ['http429', 'bdc1144'],
	spendNameStartsWith: ['ignoreCase', 'matchCase'],
	receivablePaymentFilters: ['lenient', 'strict'],
	chargeAuthorizationAnswer: ['customer', 'empty'],
	chargeWithdrawalDate: ['kept', 'businessDay'],
	approvalPolicyCreatePath: ['both', 'guide', 'postman'],
	oauthTokenBody: ['form', 'json'],
	oauthTokenResponse: ['rfc6749', 'camelCase', 'noExpiresIn'],
	oauthPaymentMfa: ['notNeeded', 'stepUp'],
	oauthScopeRefusal: ['forbidden', 'unauthorized'],
	invoiceCreditAmount: ['set', 'add', 'refused'],
	webhookRetries: ['fast', 'billLike'],
};

/** The readings with `changes` applied; an unknown name or value is an error (a typo must not pass silently). */
export function withReadings(
	current: Readings,
	changes: Partial<Record<string, unknown>>,
): Readings {
	const next = { ...current } as Record<string, unknown>;
	for (const [name, value] of Object.entries(changes)) {
		const choices = (CHOICES as Record<string, unknown[]>)[name];
		if (!choices) throw new Error(`no reading "${name}" (${Object.keys(CHOICES).join(', ')})`);
		if (!choices.includes(value))
			throw new Error(`reading ${name} is one of ${choices.join(', ')}, not ${String(value)}`);
		next[name] = value;
	}
	return next as unknown as Readings;
}
