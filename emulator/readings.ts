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
