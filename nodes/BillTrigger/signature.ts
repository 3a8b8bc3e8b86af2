import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Whether `signature` (the `x-bill-sha-signature` header) is base64(HMAC-SHA256(securityKey,
 * raw body)), BILL's signing rule (REFERENCE.md §6.5). The comparison takes the same time
 * whatever the bytes, so a forger learns nothing from how long a refusal takes.
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
