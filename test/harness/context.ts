/**
 * An n8n execution context for in-process tests of our nodes, against the emulator over real HTTP.
 *
 * n8n's own harness is internal, so this builds the parts our code uses, following n8n's code:
 * - parameters get their defaults from the node description through n8n-workflow's own
 *   `NodeHelpers.getNodeParameters`;
 * - `httpRequestWithAuthentication` follows n8n-core 2.41 `request-helpers/authentication.js`:
 *   call the credential's `preAuthentication` when its expirable field is empty, store what it
 *   returns with the credential (n8n saves it in the database, shared by all executions),
 *   apply `authenticate`, send; on HTTP 401 call `preAuthentication` again and retry once;
 *   every failure is thrown as `new NodeApiError(node, error)`.
 * The end-to-end tests (test/e2e) run the same code inside a real n8n.
 */
import axios, { type AxiosRequestConfig } from 'axios';
import type {
	IBinaryData,
	IBinaryKeyData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { NodeApiError, NodeHelpers } from 'n8n-workflow';

import { BillApi } from '../../credentials/BillApi.credentials';
import { BillPartnerApi } from '../../credentials/BillPartnerApi.credentials';

export const credentialTypes: Record<string, ICredentialType> = {
	billApi: new BillApi(),
	billPartnerApi: new BillPartnerApi(),
};

/** Stands in for n8n's credential store: what preAuthentication returns is kept here. */
export class CredentialStore {
	readonly data: Record<string, ICredentialDataDecryptedObject> = {};
	preAuthentications = 0;

	constructor(initial: Record<string, ICredentialDataDecryptedObject> = {}) {
		for (const [type, value] of Object.entries(initial)) this.set(type, value);
	}

	set(type: string, value: ICredentialDataDecryptedObject) {
		const defaults = Object.fromEntries(
			credentialTypes[type].properties.map((p) => [p.name, p.default as unknown]),
		) as ICredentialDataDecryptedObject;
		this.data[type] = { ...defaults, ...value };
	}

	get(type: string): ICredentialDataDecryptedObject {
		const value = this.data[type];
		if (!value) throw new Error(`No credentials of type ${type} in the test store`);
		return { ...value };
	}
}

export function evaluate(
	expression: unknown,
	credentials: ICredentialDataDecryptedObject,
): unknown {
	if (typeof expression !== 'string' || !expression.startsWith('={{')) return expression;
	const body = expression.slice(3, expression.lastIndexOf('}}'));
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	return new Function('$credentials', `return (${body});`)(credentials);
}

/** Every line any node logged through `this.logger` in this test process (tests read it for secrets). */
export const logLines: string[] = [];

export interface RecordedRequest {
	method: string;
	url: string;
	headers: IDataObject;
	body?: unknown;
}

/** n8n's `helpers.httpRequest` semantics over axios (json, qs, returnFullResponse, ignoreHttpStatusErrors). */
export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const config: AxiosRequestConfig = {
		method: options.method ?? 'GET',
		url: options.url,
		baseURL: options.baseURL,
		headers: { ...(options.headers ?? {}) } as Record<string, string>,
		params: options.qs,
		data: options.body,
		timeout: options.timeout ?? 300_000,
		validateStatus: options.ignoreHttpStatusErrors ? () => true : (s) => s >= 200 && s < 300,
		transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: false },
	};
	for (const [k, v] of Object.entries(config.headers ?? {})) {
		if (v === undefined || v === null) delete (config.headers as Record<string, unknown>)[k];
	}
	const response = await axios.request(config);
	if (options.returnFullResponse) {
		return {
			body: response.data,
			headers: response.headers,
			statusCode: response.status,
			statusMessage: response.statusText,
		};
	}
	return response.data;
}

export interface RunOptions {
	node: INodeType;
	/** Parameters of the node; a function gives each item its own (as expressions would). */
	parameters: INodeParameters | ((itemIndex: number, json: IDataObject) => INodeParameters);
	items?: IDataObject[];
	/** Binary data of the items, by item index (as n8n keeps it: base64 `data`, fileName, mimeType). */
	binary?: Array<IBinaryKeyData | undefined>;
	credentials: CredentialStore;
	continueOnFail?: boolean;
	nodeName?: string;
}

export interface RunResult {
	output: INodeExecutionData[];
	error?: Error & { context?: IDataObject; description?: string | null; httpCode?: string | null };
}

function rlValue(value: unknown): unknown {
	if (value && typeof value === 'object' && (value as IDataObject).__rl === true)
		return (value as IDataObject).value;
	return value;
}

function deepGet(source: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
			source,
		);
}

export function createContext(options: RunOptions): IExecuteFunctions {
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json, i) =>
		options.binary?.[i] ? { json, binary: options.binary[i] } : { json },
	);
	// n8n-core's assertBinaryData: the item's binary field, or an error naming it.
	const assertBinaryData = (itemIndex: number, propertyName: string): IBinaryData => {
		const data = items[itemIndex]?.binary?.[propertyName];
		if (!data)
			throw new Error(
				`This operation expects the node's input data to contain a binary file '${propertyName}', but none was found [item ${itemIndex}]`,
			);
		return data;
	};
	const description = options.node.description;
	const node: INode = {
		id: 'test-node',
		name: options.nodeName ?? description.defaults.name ?? 'Node',
		type: description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const parameterCache = new Map<number, INodeParameters>();
	const parametersOf = (itemIndex: number): INodeParameters => {
		let params = parameterCache.get(itemIndex);
		if (!params) {
			const raw =
				typeof options.parameters === 'function'
					? options.parameters(itemIndex, items[itemIndex]?.json ?? {})
					: options.parameters;
			params =
				NodeHelpers.getNodeParameters(
					description.properties,
					raw,
					true,
					false,
					node,
					description,
				) ?? raw;
			// getNodeParameters drops values of parameters it does not show; keep the raw ones too.
			params = { ...raw, ...params };
			parameterCache.set(itemIndex, params);
		}
		return params;
	};
	node.parameters = parametersOf(0);
	const store = options.credentials;
	const helpers = { httpRequest };
	const preAuthenticate = async (
		type: string,
		credentials: ICredentialDataDecryptedObject,
		expired: boolean,
	) => {
		const credentialType = credentialTypes[type];
		const expirable = credentialType.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable,
		);
		if (!expirable || !credentialType.preAuthentication) return;
		if (credentials[expirable.name] !== '' && !expired) return;
		store.preAuthentications++;
		const output = await credentialType.preAuthentication.call({ helpers }, credentials);
		if (output[expirable.name] === undefined) return;
		Object.assign(credentials, output);
		store.data[type] = { ...store.data[type], ...output } as ICredentialDataDecryptedObject;
	};
	const authenticate = (
		type: string,
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	) => {
		const auth = credentialTypes[type].authenticate as
			| { properties: { headers?: IDataObject } }
			| undefined;
		const headers: IDataObject = { ...(request.headers ?? {}) };
		for (const [key, value] of Object.entries(auth?.properties.headers ?? {}))
			headers[key] = evaluate(value, credentials) as string;
		return { ...request, headers };
	};

	const context = {
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail === true,
		getNodeParameter(
			name: string,
			itemIndex: number,
			fallback?: unknown,
			opts?: { extractValue?: boolean },
		) {
			let value = deepGet(parametersOf(itemIndex), name);
			if (value === undefined) {
				if (arguments.length >= 3) return fallback;
				throw new Error(`Could not get parameter "${name}"`);
			}
			if (opts?.extractValue) value = rlValue(value);
			return value;
		},
		getCredentials: async (type: string) => store.get(type),
		getWorkflowStaticData: () => ({}),
		getExecutionCancelSignal: () => undefined,
		logger: Object.fromEntries(
			(['debug', 'info', 'warn', 'error'] as const).map((level) => [
				level,
				(message: string, meta?: unknown) =>
					logLines.push(`${level} ${message} ${meta === undefined ? '' : JSON.stringify(meta)}`),
			]),
		),
		helpers: {
			httpRequest,
			assertBinaryData,
			getBinaryDataBuffer: async (itemIndex: number, propertyName: string) =>
				Buffer.from(assertBinaryData(itemIndex, propertyName).data, 'base64'),
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (
				data: INodeExecutionData[],
				meta: { itemData: { item: number } },
			) => data.map((entry) => ({ ...entry, pairedItem: meta.itemData })),
			async httpRequestWithAuthentication(
				this: unknown,
				type: string,
				request: IHttpRequestOptions,
			) {
				let credentials: ICredentialDataDecryptedObject | undefined;
				try {
					credentials = store.get(type);
					await preAuthenticate(type, credentials, false);
					return await httpRequest(authenticate(type, credentials, request));
				} catch (error) {
					const status = (error as { response?: { status?: number } }).response?.status;
					if (status === 401 && credentials) {
						try {
							await preAuthenticate(type, credentials, true);
							return await httpRequest(authenticate(type, credentials, request));
						} catch (retryError) {
							throw new NodeApiError(node, retryError as never);
						}
					}
					throw new NodeApiError(node, error as never);
				}
			},
		},
	};
	return context as unknown as IExecuteFunctions;
}

/** Runs the node's `execute` once over the items, as n8n would for one node in one execution. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const context = createContext(options);
	try {
		const [output] = (await options.node.execute!.call(context)) as INodeExecutionData[][];
		return { output };
	} catch (error) {
		return { output: [], error: error as RunResult['error'] };
	}
}
