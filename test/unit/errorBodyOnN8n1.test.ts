/**
 * BILL's error array reaches the node's error on n8n 1.x, where n8n's NodeApiError keeps nothing
 * of it: n8n-workflow 1.x declares `cause` as a class field of ExecutionBaseError (it erases the
 * HTTP client's error), and keeps a body only when it is an object, never BILL's array. The fake
 * helper below answers as n8n 1.123's httpRequestWithAuthentication does.
 */
import type { IExecuteFunctions, IHttpRequestOptions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { billApiRequest } from '../../nodes/shared/transport';
import { spendApiRequest } from '../../nodes/BillSpend/transport';
import { n8nErrors } from '../../nodes/shared/transport/send';

const node: INode = {
	id: 'bill',
	name: 'BILL',
	type: 'n8n-nodes-billcom.bill',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const REFUSAL = [
	{
		code: 'BDC_1002',
		message: 'customerId: customer C1 is not authorized to charge',
		severity: 'ERROR',
	},
];

/** An answer of BILL per call, and n8n 1.123's way of raising a non-2xx one (no cause, no body). */
function n8n1Context(answers: Array<{ status: number; body: unknown; headers?: object }>) {
	const sent: IHttpRequestOptions[] = [];
	const httpRequestWithAuthentication = async (_type: string, options: IHttpRequestOptions) => {
		sent.push(options);
		const answer: { status: number; body: unknown; headers?: object } = answers.shift() ?? {
			status: 200,
			body: {},
		};
		const ok = answer.status >= 200 && answer.status < 300;
		if (options.ignoreHttpStatusErrors || ok)
			return options.returnFullResponse
				? {
						statusCode: answer.status,
						body: answer.body,
						headers: answer.headers ?? {},
						statusMessage: '',
					}
				: answer.body;
		const error = new NodeApiError(node, {
			message: `Request failed with status code ${answer.status}`,
			httpCode: String(answer.status),
		} as JsonObject);
		Object.defineProperty(error, 'cause', { value: undefined, enumerable: true });
		throw error;
	};
	const context = {
		getNode: () => node,
		getNodeParameter: (_name: string, _i: number, fallback: unknown) => fallback,
		getCredentials: async () => ({
			environment: 'custom',
			customBaseUrl: 'http://127.0.0.1:9',
			apiToken: 'token',
		}),
		helpers: { httpRequestWithAuthentication },
	} as unknown as IExecuteFunctions;
	return { context, sent };
}

describe("BILL's answers as n8n 1.x hands them over", () => {
	const kept = n8nErrors.keepCause;
	beforeAll(() => (n8nErrors.keepCause = false));
	afterAll(() => (n8nErrors.keepCause = kept));

	it("n8n 2.x's NodeApiError (the one these tests load) keeps the HTTP client's error", () => {
		expect(kept).toBe(true);
	});

	it("a refusal (400) carries BILL's code and message, not 'no error details', and is sent once", async () => {
		const { context, sent } = n8n1Context([{ status: 400, body: REFUSAL }]);
		const error = await billApiRequest
			.call(context, { method: 'POST', path: '/v3/receivable-payments', body: {} })
			.then(
				() => undefined,
				(e: Error) => e,
			);
		expect(error?.message).toMatch(/BDC_1002/);
		expect(error?.message).toMatch(/not authorized to charge/);
		expect(sent).toHaveLength(1);
	});

	it('a 401 (BILL ended the session) is sent again the ordinary way, where n8n logs in again', async () => {
		const { context, sent } = n8n1Context([
			{ status: 401, body: [{ code: 'BDC_1109', message: 'Session is invalid' }] },
			{ status: 200, body: { id: 'v1' } },
		]);
		const answer = await billApiRequest.call(context, { method: 'GET', path: '/v3/vendors/v1' });
		expect(answer).toEqual({ id: 'v1' });
		expect(sent.map((o) => Boolean(o.ignoreHttpStatusErrors))).toEqual([true, false]);
	});

	it('a 2xx answer is the body, as before', async () => {
		const { context } = n8n1Context([{ status: 200, body: { id: 'b1' } }]);
		expect(await billApiRequest.call(context, { method: 'GET', path: '/v3/bills/b1' })).toEqual({
			id: 'b1',
		});
	});

	it("Spend & Expense: a refusal carries BILL's code; a 429 is waited out by its Retry-After", async () => {
		const { context, sent } = n8n1Context([
			{
				status: 429,
				body: [{ code: 'BDC_1144', message: 'Too many requests' }],
				headers: { 'retry-after': '0' },
			},
			{ status: 400, body: [{ code: 'BDC_1001', message: 'budgetId: not found' }] },
		]);
		const error = await spendApiRequest
			.call(context, { method: 'POST', path: '/v3/spend/reimbursements', body: {} })
			.then(
				() => undefined,
				(e: Error) => e,
			);
		expect(error?.message).toMatch(/BDC_1001/);
		expect(sent).toHaveLength(2);
	});
});
