/**
 * Runs a node of ours as n8n runs one node of a workflow, in-process, against the emulator over
 * real HTTP: n8n-core's own `ExecuteContext` (and `LoadOptionsContext` for list searches) over a
 * real n8n-workflow `Workflow`, set up in ./n8n.ts. So, as in n8n:
 * - parameters get their defaults and go through n8n's expression engine per item
 *   (`={{ $json.vendorId }}`), resource locators through n8n's extraction and type checks;
 * - before the node runs, n8n's check for parameter issues (required values, resource-locator
 *   regexes) can refuse the workflow (`WorkflowHasIssuesError`), as every n8n execution does;
 * - `helpers.httpRequest`, `httpRequestWithAuthentication` (login through the credential's
 *   preAuthentication, HTTP 401 → login again → retry once, errors as `NodeApiError`),
 *   binary data and `continueOnFail` are n8n-core's;
 * - `this.logger` is n8n's container logger; every line is kept in `logLines`.
 * Parameters given as a function of the item become one expression per differing value, so each
 * item reads its own through n8n's expression engine. The end-to-end tests (test/e2e) run the
 * same nodes inside a real n8n.
 */
import { isDeepStrictEqual } from 'util';
import {
	ExecuteContext,
	LoadOptionsContext,
	WorkflowExecute,
	WorkflowHasIssuesError,
} from 'n8n-core';
import type {
	IBinaryKeyData,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { nodeCredentialsOf, type CredentialStore } from './credentials';
import { additionalDataOf, logSink, workflowOf } from './n8n';

export { CredentialStore, credentialTypes } from './credentials';

/** Every line n8n or any node logged through `this.logger` in this test process (tests read it for secrets). */
export const logLines: string[] = [];
logSink((level, message, meta) =>
	logLines.push(`${level} ${message} ${meta === undefined ? '' : JSON.stringify(meta)}`),
);

/** Resolves an expression of a credential (`={{ $credentials.x }}`) as n8n's credential test does. */
export function evaluate(
	expression: unknown,
	credentials: ICredentialDataDecryptedObject,
): unknown {
	if (typeof expression !== 'string' || !expression.startsWith('=')) return expression;
	const workflow = workflowOf({
		nodeType: { description: { name: 'none', properties: [] } } as unknown as INodeType,
		node: { name: 'Credential Test', parameters: {} },
	});
	return workflow.expression.getSimpleParameterValue(
		workflow.nodes['Credential Test'],
		expression,
		'internal',
		{ $credentials: credentials },
	);
}

/**
 * A value as an expression gives it (`={{ "12345" }}`): n8n checks literal values before the
 * run (required, resource-locator regexes) but not expressions, so tests of the node's own
 * checks give bad values this way, as data from an earlier node would come.
 */
export const expr = (value: unknown) => `={{ ${JSON.stringify(value)} }}`;

export type Parameters =
	| INodeParameters
	| ((itemIndex: number, json: IDataObject) => INodeParameters);

export interface RunOptions {
	node: INodeType;
	/** Parameters of the node; a function gives each item its own (through expressions). */
	parameters: Parameters;
	items?: IDataObject[];
	/** Binary data of the items, by item index (as n8n keeps it: base64 `data`, fileName, mimeType). */
	binary?: Array<IBinaryKeyData | undefined>;
	credentials: CredentialStore;
	continueOnFail?: boolean;
	nodeName?: string;
	/** The node's typeVersion (as saved in the workflow); 1 unless given. */
	typeVersion?: number;
}

export interface RunResult {
	output: INodeExecutionData[];
	error?: Error & { context?: IDataObject; description?: string | null; httpCode?: string | null };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One parameter tree for all items: where the items' values differ, an expression picks the
 * item's own by `$itemIndex` (resource locators keep their mode, their value is the expression;
 * a parameter some items leave out is `undefined` for them).
 */
export function perItem(values: unknown[]): unknown {
	const [first] = values;
	if (values.every((value) => isDeepStrictEqual(value, first))) return first;
	if (values.every(isObject)) {
		const keys = [...new Set(values.flatMap((v) => Object.keys(v as IDataObject)))];
		return Object.fromEntries(
			keys.map((key) => [key, perItem(values.map((v) => (v as IDataObject)[key]))]),
		);
	}
	if (values.every((v) => Array.isArray(v) && v.length === (first as unknown[]).length))
		return (first as unknown[]).map((_, i) => perItem(values.map((v) => (v as unknown[])[i])));
	const literals = values.map((v) => (v === undefined ? 'undefined' : JSON.stringify(v)));
	const list = `[${literals.join(', ')}]`;
	if (/\{\{|\}\}|"=/.test(list))
		throw new Error(`per-item values the harness cannot put in an expression: ${list}`);
	return `={{ ${list}[$itemIndex] }}`;
}

function parametersOf(options: RunOptions, items: INodeExecutionData[]): INodeParameters {
	const { parameters } = options;
	if (typeof parameters !== 'function') return structuredClone(parameters);
	const all = items.map((item, i) => parameters(i, item.json));
	for (const name of ['resource', 'operation'])
		if (all.some((p) => p[name] !== all[0][name]))
			throw new Error(`one node has one ${name}: run the items with another ${name} separately`);
	return perItem(all) as INodeParameters;
}

interface Prepared {
	workflow: Workflow;
	additionalData: IWorkflowExecuteAdditionalData;
	node: INode;
	items: INodeExecutionData[];
	context: ExecuteContext;
}

function prepare(options: RunOptions): Prepared {
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json, i) =>
		options.binary?.[i] ? { json, binary: options.binary[i] } : { json },
	);
	const workflow = workflowOf({
		nodeType: options.node,
		node: {
			name: options.nodeName ?? options.node.description.defaults.name ?? 'Node',
			parameters: parametersOf(options, items),
			credentials: nodeCredentialsOf(options.credentials),
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.typeVersion !== undefined ? { typeVersion: options.typeVersion } : {}),
		},
	});
	const node = Object.values(workflow.nodes)[0];
	const additionalData = additionalDataOf(options.credentials);
	const inputData = { main: [items] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		createRunExecutionData(),
		0,
		items,
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	return { workflow, additionalData, node, items, context };
}

/** n8n-core's execute context of the node over the items (what `execute` gets as `this`). */
export function createContext(options: RunOptions): IExecuteFunctions {
	return prepare(options).context;
}

/** n8n-core's context of a list search or load-options method of the node. */
export function loadOptionsContext(
	options: Omit<RunOptions, 'items' | 'binary' | 'continueOnFail'>,
): ILoadOptionsFunctions {
	const { workflow, node } = prepare(options);
	const additionalData = additionalDataOf(options.credentials, {
		currentNodeParameters: node.parameters,
	});
	return new LoadOptionsContext(workflow, node, additionalData, '');
}

/** Runs the node's `execute` once over the items, as n8n's WorkflowExecute runs one node. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	try {
		const { workflow, additionalData, node, context } = prepare(options);
		const engine = new WorkflowExecute(additionalData, 'manual');
		const issues = engine.checkReadyForExecution(workflow, { startNode: node.name });
		if (issues) throw new WorkflowHasIssuesError(issues, workflow.nodes);
		const [output] = (await options.node.execute!.call(context)) as INodeExecutionData[][];
		return { output };
	} catch (error) {
		return { output: [], error: error as RunResult['error'] };
	}
}
