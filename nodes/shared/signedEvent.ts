import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { signatureIsValid } from './signature';

/**
 * A webhook delivery from BILL, checked before anything else is read: its raw body at most
 * `maxBytes` (else 413), and its `x-bill-sha-signature` that of the body with the subscription's
 * security key (else 401: a forged or unsigned request starts nothing). Returns the event, or
 * undefined when the delivery was refused and answered here. Used by both BILL triggers.
 */
export async function signedEvent(
	context: IWebhookFunctions,
	securityKey: string | undefined,
	maxBytes: number,
): Promise<IDataObject | undefined> {
	const request = context.getRequestObject();
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	const rawBody: Buffer = request.rawBody ?? Buffer.from(JSON.stringify(context.getBodyData()));
	if (rawBody.length > maxBytes) {
		// BILL sends one entity an event; a body this large is not BILL's, and is not read further.
		context
			.getResponseObject()
			.status(413)
			.json({ message: `body over ${maxBytes} bytes` });
		return undefined;
	}
	const signature = context.getHeaderData()['x-bill-sha-signature'];
	if (
		!signatureIsValid(securityKey, rawBody, Array.isArray(signature) ? signature[0] : signature)
	) {
		context
			.getResponseObject()
			.status(401)
			.json({ message: 'x-bill-sha-signature is missing or does not match the body' });
		return undefined;
	}

	return parseEvent(rawBody);
}

/**
 * The verified body as an object. BILL's docs call the payload "JSON-escaped and presented as a
 * string" (https://developer.bill.com/docs/bill-webhook-api-notification-rules): a body that is a
 * JSON string is parsed once more. Only after signatureIsValid has checked the raw bytes.
 */
function parseEvent(rawBody: Buffer): IDataObject {
	let value: unknown;
	try {
		value = JSON.parse(rawBody.toString('utf8'));
		if (typeof value === 'string') value = JSON.parse(value);
	} catch {
		value = undefined;
	}
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: { body: rawBody.toString('utf8') };
}
