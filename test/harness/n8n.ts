/**
 * The pieces of n8n that the test harness runs our nodes in, from n8n-core 2.41.1 and
 * n8n-workflow 2.41.0 themselves (the versions of scripts/n8n-runtime.mjs):
 * - n8n's dependency container gets what n8n's server would register: the logger (here one
 *   that records, see `logSink`), the instance settings (an ID, no files in ~/.n8n) and the
 *   binary data service (files inline in the items, no storage);
 * - `workflowOf` builds n8n-workflow's `Workflow` around one node of ours from a small
 *   `INodeTypes`: n8n fills in the parameters' defaults, evaluates expressions and keeps static
 *   data as it does for any workflow;
 * - `additionalDataOf` is the `IWorkflowExecuteAdditionalData` of an execution, as n8n's server
 *   builds it (workflow-execute-additional-data.ts), with the fields n8n-core reads for our
 *   nodes: URLs, variables and the credentials helper of ./credentials.ts.
 */
import { createRequire } from 'module';
import { BinaryDataService, InstanceSettings } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, setSafeRegexEngine } from 'n8n-workflow';

import { TestCredentialsHelper, type CredentialStore } from './credentials';

/** The package name n8n prefixes our node types with. */
export const PACKAGE = 'n8n-nodes-billcom';

/*
 * n8n-workflow checks parameter values against their regexes (resource locator IDs) in a
 * `node:vm` with a 250 ms watchdog. On a loaded 2-core test machine that watchdog fired on plain
 * 20-character ID patterns ("Regular expression execution timed out", reliability matrix).
 * The same regexes run natively here: the tests check what a value is accepted for, not timing.
 */
setSafeRegexEngine({
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) =>
		input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) =>
		Array.from(
			input.matchAll(new RegExp(pattern, flags?.includes('g') ? flags : `${flags ?? ''}g`)),
		),
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
});

// n8n-core takes its container, logger and settings from its own copies of these packages.
const fromCore = createRequire(require.resolve('n8n-core'));
const { Container } = fromCore('@n8n/di') as {
	Container: { set(token: unknown, value: unknown): void };
};
const { Logger } = fromCore('@n8n/backend-common') as { Logger: unknown };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
type LogSink = (level: LogLevel, message: string, meta?: unknown) => void;
const sinks = new Set<LogSink>();

/** Receives every line n8n or a node logs through `this.logger` until the returned function is called. */
export function logSink(sink: LogSink): () => void {
	sinks.add(sink);
	return () => sinks.delete(sink);
}

const logger = {
	...Object.fromEntries(
		(['debug', 'info', 'warn', 'error'] as const).map((level) => [
			level,
			(message: string, meta?: unknown) => sinks.forEach((sink) => sink(level, message, meta)),
		]),
	),
	scoped: () => logger,
};
Container.set(Logger, logger);
Container.set(InstanceSettings, { instanceId: 'test-instance', hmacSignatureSecret: 'test' });
// Items carry their files inline (base64 `data`), which n8n's binary data service reads as they
// are; no storage (filesystem, S3) is set up for files kept by ID.
Container.set(
	BinaryDataService,
	new BinaryDataService(
		{ mode: 'default' } as ConstructorParameters<typeof BinaryDataService>[0],
		{ error: () => {} } as unknown as ConstructorParameters<typeof BinaryDataService>[1],
		logger as unknown as ConstructorParameters<typeof BinaryDataService>[2],
	),
);

/** n8n's node types, reduced to ours: what `Workflow` and the contexts look node types up in. */
export class NodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = {};

	constructor(nodes: INodeType[]) {
		for (const node of nodes) this.types[`${PACKAGE}.${node.description.name}`] = node;
	}

	getByName(type: string): INodeType {
		return this.types[type];
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.types[type], version) as INodeType;
	}

	getKnownTypes() {
		return {};
	}
}

/** A workflow of one node of ours (as saved: n8n adds the parameters' defaults) and its static data. */
export function workflowOf(options: {
	nodeType: INodeType;
	node: Omit<INode, 'type' | 'typeVersion' | 'position' | 'id'> & Partial<INode>;
	staticData?: IDataObject;
	name?: string;
}): Workflow {
	const node: INode = {
		id: 'node-1',
		type: `${PACKAGE}.${options.nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		...options.node,
	};
	return new Workflow({
		id: 'workflow-1',
		name: options.name ?? 'Bill approvals',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new NodeTypes([options.nodeType]),
		staticData: options.staticData,
		settings: {},
	});
}

const N8N_URL = 'http://localhost:5678';

/** What n8n's server passes n8n-core for one execution (workflow-execute-additional-data.ts). */
export function additionalDataOf(
	store: CredentialStore,
	overrides: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async () => {
		throw new Error(`the test harness does not support ${what}`);
	};
	return {
		credentialsHelper: new TestCredentialsHelper(store),
		executeWorkflow: unsupported('sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: unsupported('task runners'),
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		executionId: 'execution-1',
		workflowId: 'workflow-1',
		userId: 'user-1',
		variables: {},
		restApiUrl: `${N8N_URL}/rest`,
		instanceBaseUrl: `${N8N_URL}/`,
		formBaseUrl: `${N8N_URL}/form`,
		formWaitingBaseUrl: `${N8N_URL}/form-waiting`,
		formTestBaseUrl: `${N8N_URL}/form-test`,
		webhookBaseUrl: `${N8N_URL}/webhook`,
		webhookWaitingBaseUrl: `${N8N_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${N8N_URL}/webhook-test`,
		mcpBaseUrl: `${N8N_URL}/mcp`,
		mcpTestBaseUrl: `${N8N_URL}/mcp-test`,
		...overrides,
	} as IWorkflowExecuteAdditionalData;
}
