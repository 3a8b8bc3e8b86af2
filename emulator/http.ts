/**
 * The emulator's HTTP plumbing: reading a request's header and body, writing an answer, a BILL
 * error in BILL's error-array shape (Postman's example answers). server.ts re-exports
 * header, delay and objectBody for the routes.
 */
import type { IncomingMessage, ServerResponse } from 'http';

import type { Clock } from './clock';
import { BillError, errors } from './errors';
import type { Json } from './state';
import type { Reply, RequestContext } from './types';

export function header(source: RequestContext | IncomingMessage, name: string): string | undefined {
	const value = source.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

export function parseBody(req: IncomingMessage, raw: Buffer): unknown {
	if (raw.length === 0) return undefined;
	const type = String(req.headers['content-type'] ?? '').toLowerCase();
	// File uploads (documents) come as the raw file (application/octet-stream, */*) or multipart.
	if (type && !type.includes('json') && !type.startsWith('text/')) return raw;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		throw errors.invalid('Request body is not valid JSON');
	}
}

export function errorReply(error: unknown, clock: Clock): Reply {
	if (error instanceof BillError) return { status: error.status, body: error.body(clock.now()) };
	console.error('[bill-emulator] unexpected error', error);
	return { status: 500, body: errors.server().body(clock.now()) };
}

export function send(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	if (body === undefined || status === 204) {
		res.writeHead(status, headers);
		res.end();
		return;
	}
	if (Buffer.isBuffer(body)) {
		// A file (an attachment's download link), sent as it is.
		res.writeHead(status, { 'Content-Length': body.length, ...headers });
		res.end(body);
		return;
	}
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The body as an object, or a 400 naming what is wrong. */
export function objectBody(context: RequestContext): Json {
	const body = context.body;
	if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
		throw errors.invalid('Request body must be a JSON object');
	}
	return body as Json;
}
