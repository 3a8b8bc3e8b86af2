import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Whether `signature` (the `x-bill-sha-signature` header) is base64(HMAC-SHA256(securityKey,
 * raw body)): the body exactly as received, its bytes before any JSON parsing.
 *
 * BILL documents the algorithm, the key (the subscription's `securityKey`), the base64 output and
 * the header, and that it signs "all event notifications sent to your notificationUrl"
 * (https://developer.bill.com/docs/test-with-webhook-security). It does not spell out the bytes;
 * it also says the payload is "JSON-escaped and presented as a string"
 * (https://developer.bill.com/docs/bill-webhook-api-notification-rules), which leaves a second
 * reading: a signature over the JSON re-serialised, or over the string inside a JSON-string body.
 * Decided: the notification as sent is what is signed, so only the raw bytes are checked; a body
 * that is a JSON string is accepted when its raw bytes are signed (and parsed once more after the
 * check, BillTrigger.node.ts). Nothing else is tried: each extra reading accepted would be one
 * more message a forger could try to make match, and nothing unsigned with the key passes.
 *
 * The comparison takes the same time whatever the bytes, so a forger learns nothing from how
 * long a refusal takes.
 */
export function signatureIsValid(
	securityKey: string | undefined,
	rawBody: Buffer,
	signature: unknown,
): boolean {
	if (!securityKey || typeof signature !== 'string' || signature === '') return false;
	const expected = createHmac('sha256', securityKey).update(rawBody).digest();
	const given = Buffer.from(signature.trim(), 'base64');
	if (given.length !== expected.length) return false;
	return timingSafeEqual(given, expected);
}
