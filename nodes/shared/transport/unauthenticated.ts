import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { billApiError, problemFromResponse } from './errors';
import { baseUrlsOf, transportSettings } from './request';

/**
 * The one call BILL takes without authentication: "Check app health" (`GET /v3/health`, BILL's
 * Postman collection sends only `Accept`). It is not sent through httpRequestWithAuthentication,
 * which would log in first (a health check must not cost a login, nor fail because a login does)
 * and add the credential's session and keys, which BILL does not ask for here. The credential
 * gives only the environment (base URL). One attempt: a monitor reports what it saw.
 */
export async function billUnauthenticatedGet(
	this: IExecuteFunctions,
	path: string,
	itemIndex: number,
): Promise<{ body: IDataObject; ms: number }> {
	const { api } = await baseUrlsOf(this);
	const started = Date.now();
	let response: { statusCode?: number; body?: unknown };
	try {
		response = (await this.helpers.httpRequest({
			method: 'GET',
			url: `${api}${path}`,
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: transportSettings.requestTimeoutMs,
		})) as { statusCode?: number; body?: unknown };
	} catch (error) {
		const reason = (error as { code?: string }).code ?? 'connection error';
		throw billApiError(this.getNode(), { message: `No answer from BILL (${reason})` }, itemIndex);
	}
	const status = response.statusCode ?? 0;
	if (status < 200 || status >= 300)
		throw billApiError(this.getNode(), problemFromResponse(status, response.body), itemIndex);
	const body = response.body;
	return {
		body: (body && typeof body === 'object' ? body : {}) as IDataObject,
		ms: Date.now() - started,
	};
}
