import type {
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * A non-2xx answer of BILL, in the shape of an HTTP client's error (`response.status`, `.data`,
 * `.headers`): the classify() of request.ts and BillSpend/failures.ts read BILL's error array
 * (and Retry-After) from it.
 */
export class BillHttpAnswer extends Error {
	readonly httpCode: string;
	readonly response: { status: number; data: unknown; headers: Record<string, unknown> };

	constructor(status: number, body: unknown, headers: Record<string, unknown> = {}) {
		super(`BILL answered with HTTP ${status}`);
		this.name = 'BillHttpAnswer';
		this.httpCode = String(status);
		this.response = { status, data: body, headers };
	}
}

/** Whether n8n's NodeApiError keeps the HTTP client's error it wraps as `cause` (2.x: yes; 1.x: no). */
function nodeApiErrorKeepsCause(): boolean {
	const inner = new Error('probe');
	const node: INode = {
		id: '',
		name: '',
		type: '',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const wrapped = new NodeApiError(node, inner as unknown as JsonObject) as { cause?: unknown };
	return wrapped.cause === inner;
}

/** Read once from the n8n-workflow n8n gives the node; tests set it to play the other line. */
export const n8nErrors = { keepCause: nodeApiErrorKeepsCause() };

/**
 * One request through n8n's authenticated helper. Where n8n's NodeApiError keeps the HTTP
 * client's error (n8n 2.x), request.ts reads BILL's answer from it, as it always did. n8n 1.x's
 * (n8n-workflow 1.x, class ExecutionBaseError) declares `cause` as a class field, which erases
 * that error, and keeps a response body only when it is an object: BILL's error array (its code,
 * message) was lost, and the node said "BILL answered with HTTP 400 and no error details". There
 * n8n is asked for the full response without raising on the status, and BILL's answer is read
 * here. A 401 (BILL did nothing: the session ended) is then sent again the ordinary way, where n8n
 * logs in again and repeats it.
 */
export async function sendToBill(
	context: IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions,
	credentialType: string,
	options: IHttpRequestOptions,
	organization: ICredentialsDecrypted | undefined,
): Promise<unknown> {
	const extra = organization && { credentialsDecrypted: organization };
	if (n8nErrors.keepCause)
		return await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			options,
			extra,
		);
	const full = (await context.helpers.httpRequestWithAuthentication.call(
		context,
		credentialType,
		{ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true },
		extra,
	)) as IN8nHttpFullResponse;
	const status = Number(full?.statusCode ?? 0);
	if (status === 401)
		return await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			options,
			extra,
		);
	if (status >= 200 && status < 300) return full.body;
	throw new BillHttpAnswer(status, full?.body, (full?.headers ?? {}) as Record<string, unknown>);
}
