/**
 * The harness (test/harness/context.ts) with one more piece of n8n's credential handling: a node
 * may hand `httpRequestWithAuthentication` a credential copy (`credentialsDecrypted`), and n8n
 * then runs preAuthentication on that copy when its session field is empty and saves what
 * preAuthentication returns with the stored credential. Followed from n8n-core 2.41
 * `request-helpers/authentication.js` (httpRequestWithAuthentication) and n8n 2.41
 * `credentials-helper.js` (preAuthentication: stored data plus the returned fields, saved).
 * The Session and MFA operations store trust with the credential's session that way
 * (nodes/Bill/resources/session/trust.ts). Requests without a copy go to the harness unchanged.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { billNode } from '../harness/bill';
import {
	createContext,
	credentialTypes,
	evaluate,
	httpRequest,
	type CredentialStore,
	type RunOptions,
	type RunResult,
} from '../harness/context';

function withCredentialCopies(options: RunOptions) {
	const context = createContext(options);
	const store = options.credentials;
	const node = context.getNode();
	const harnessRequest = context.helpers.httpRequestWithAuthentication;

	const preAuthenticate = async (
		type: string,
		credentials: ICredentialDataDecryptedObject,
		expired: boolean,
	) => {
		const credentialType = credentialTypes[type];
		if (!credentialType.preAuthentication) return;
		if (credentials.sessionId !== '' && !expired) return;
		store.preAuthentications++;
		const output = await credentialType.preAuthentication.call(
			{ helpers: { httpRequest } } as never,
			credentials,
		);
		if (output.sessionId === undefined) return;
		// n8n saves the stored credential's data with the returned fields over it (not the copy).
		store.data[type] = { ...store.data[type], ...output } as ICredentialDataDecryptedObject;
		Object.assign(credentials, output);
	};
	const authenticate = (
		type: string,
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): IHttpRequestOptions => {
		const auth = credentialTypes[type].authenticate as { properties: { headers?: IDataObject } };
		const headers: IDataObject = { ...(request.headers ?? {}) };
		for (const [key, value] of Object.entries(auth.properties.headers ?? {}))
			headers[key] = evaluate(value, credentials) as string;
		return { ...request, headers };
	};

	context.helpers.httpRequestWithAuthentication = async function (
		this: unknown,
		type: string,
		request: IHttpRequestOptions,
		additional?: { credentialsDecrypted?: { data?: ICredentialDataDecryptedObject } },
	) {
		const copy = additional?.credentialsDecrypted?.data;
		if (!copy) return await harnessRequest.call(this as never, type, request);
		const credentials = { ...copy };
		try {
			await preAuthenticate(type, credentials, false);
			return await httpRequest(authenticate(type, credentials, request));
		} catch (error) {
			if ((error as { response?: { status?: number } }).response?.status === 401) {
				try {
					await preAuthenticate(type, credentials, true);
					return await httpRequest(authenticate(type, credentials, request));
				} catch (retryError) {
					throw new NodeApiError(node, retryError as never);
				}
			}
			throw new NodeApiError(node, error as never);
		}
	} as never;
	return context;
}

/** Runs the node once over the items, as n8n would, credential copies included. */
export async function runInN8n(options: RunOptions): Promise<RunResult> {
	const context = withCredentialCopies(options);
	try {
		const [output] = (await options.node.execute!.call(context)) as INodeExecutionData[][];
		return { output };
	} catch (error) {
		return { output: [], error: error as RunResult['error'] };
	}
}

/** runBill with credential copies; `node` lets a test run a fresh copy of the node's modules. */
export async function runBillInN8n(
	credentials: CredentialStore,
	parameters: INodeParameters,
	options: { items?: IDataObject[]; continueOnFail?: boolean; node?: INodeType } = {},
): Promise<RunResult> {
	return await runInN8n({
		node: options.node ?? billNode,
		parameters,
		credentials,
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** runBillInN8n that fails the test on an error, giving the output items' JSON. */
export async function runBillInN8nOk(
	credentials: CredentialStore,
	parameters: INodeParameters,
	options: { items?: IDataObject[]; node?: INodeType } = {},
): Promise<IDataObject[]> {
	const { output, error } = await runBillInN8n(credentials, parameters, options);
	if (error) throw error;
	return output.map((item) => item.json);
}
