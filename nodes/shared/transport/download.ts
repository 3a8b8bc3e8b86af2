import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { billApiError, problemFromResponse } from './errors';
import { baseUrlsOf, credentialTypeOf, transportSettings } from './request';

/** What a server sends for bytes whose type it does not know. */
const GENERIC_TYPE = /^\s*(application\/octet-stream|binary\/octet-stream)\s*(;|$)/i;

/**
 * Downloads a file BILL links to (an attachment's `downloadLink`: "GET the link with the
 * session header", https://developer.bill.com/docs/documents-attachments) through n8n's
 * authenticated request helper, as bytes. The credential adds the session to every request it
 * signs, so a link to any host but BILL's own (the credential's base URL) is refused unsent.
 */
export async function billDownload(
	context: IExecuteFunctions,
	link: string,
	itemIndex: number,
): Promise<{ content: Buffer; mimeType?: string }> {
	const urls = await baseUrlsOf(context);
	let origin: string;
	try {
		origin = new URL(link).origin;
	} catch {
		throw new NodeOperationError(
			context.getNode(),
			`BILL gave a download link that is not a URL [item ${itemIndex}]`,
			{
				itemIndex,
			},
		);
	}
	if (origin !== new URL(urls.api).origin) {
		throw new NodeOperationError(
			context.getNode(),
			`BILL's download link points to ${origin}, not to BILL's host: it was not followed, so the session is not sent elsewhere [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: link,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		timeout: transportSettings.requestTimeoutMs,
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialTypeOf(context),
			options,
		)) as { body: ArrayBuffer | Buffer; headers?: Record<string, string> };
		const contentType = response.headers?.['content-type'];
		return {
			content: Buffer.from(response.body as ArrayBuffer),
			// A generic type says nothing about the file: without one, n8n's prepareBinaryData
			// takes the type from the file name (or the bytes), so a W-9.pdf is application/pdf.
			mimeType: contentType && !GENERIC_TYPE.test(contentType) ? contentType : undefined,
		};
	} catch (error) {
		const e = error as {
			httpCode?: string;
			cause?: { response?: { status?: number; data?: unknown } };
		};
		const status = Number(e.cause?.response?.status ?? e.httpCode ?? 0) || undefined;
		let data = e.cause?.response?.data;
		if (data instanceof ArrayBuffer || Buffer.isBuffer(data))
			data = Buffer.from(data as ArrayBuffer).toString('utf8');
		throw billApiError(context.getNode(), problemFromResponse(status, data), itemIndex);
	}
}
