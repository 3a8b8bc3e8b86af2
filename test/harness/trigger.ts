/**
 * A BILL Trigger as n8n runs it, for in-process tests against the emulator:
 * - the hook functions n8n gives `checkExists` / `create` / `delete` (the node's webhook URL,
 *   its static data, parameters, credentials and the authenticated request helper of
 *   context.ts), and `activate()` / `deactivate()` calling them in n8n's order;
 * - a local HTTP receiver at that URL that hands each delivery to the node's `webhook()` with
 *   the request as n8n's webhook server has it (raw body kept, JSON parsed, headers) and answers
 *   as n8n does: what the node wrote itself (`noWebhookResponse`), else 200 with
 *   `webhookResponse`, else 200 and the workflow started (response mode "On Received").
 * Static data is one object shared by both, as n8n keeps it with the workflow.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeParameters,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { BillTrigger } from '../../nodes/BillTrigger/BillTrigger.node';
import { createContext, type CredentialStore } from './context';

export const triggerNode = new BillTrigger();

export interface LogLine {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
}

export interface ReceivedDelivery {
	headers: IncomingHttpHeaders;
	body: string;
	/** What the receiver answered BILL. */
	status: number;
	response: string;
	/** The items of the execution this delivery started, if it started one. */
	execution?: IDataObject[];
}

export interface TriggerOptions {
	credentials: CredentialStore;
	parameters: INodeParameters;
	/** Use this URL instead of a receiver (for tests that never deliver). */
	webhookUrl?: string;
	workflowName?: string;
}

interface ResponseShim {
	statusCode: number;
	body?: string;
	ended: boolean;
	status(code: number): ResponseShim;
	json(value: unknown): ResponseShim;
	send(value?: unknown): ResponseShim;
	end(value?: unknown): ResponseShim;
}

function responseShim(): ResponseShim {
	const res: ResponseShim = {
		statusCode: 200,
		ended: false,
		status(code) {
			res.statusCode = code;
			return res;
		},
		json(value) {
			return res.end(JSON.stringify(value));
		},
		send(value) {
			return res.end(value);
		},
		end(value) {
			if (value !== undefined) res.body = typeof value === 'string' ? value : JSON.stringify(value);
			res.ended = true;
			return res;
		},
	};
	return res;
}

export class TriggerHarness {
	readonly staticData: IDataObject = {};
	readonly logs: LogLine[] = [];
	readonly received: ReceivedDelivery[] = [];
	private server?: Server;
	private url: string;

	constructor(readonly options: TriggerOptions) {
		this.url = options.webhookUrl ?? '';
	}

	/** The production webhook URL n8n would give the node. */
	get webhookUrl(): string {
		return this.url;
	}

	/** Items of each execution the trigger started, in order. */
	get executions(): IDataObject[][] {
		return this.received.filter((r) => r.execution).map((r) => r.execution!);
	}

	async start(): Promise<this> {
		if (this.options.webhookUrl) return this;
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				void this.receive(req.headers, Buffer.concat(chunks)).then(({ status, body }) => {
					res.writeHead(status, { 'Content-Type': 'application/json' });
					res.end(body);
				});
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/bill-trigger-test/webhook`;
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private logger() {
		const line = (level: LogLine['level']) => (message: string) =>
			this.logs.push({ level, message });
		return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
	}

	private base() {
		return createContext({
			node: triggerNode,
			parameters: this.options.parameters,
			credentials: this.options.credentials,
		}) as unknown as {
			getNode: IHookFunctions['getNode'];
			getCredentials: IHookFunctions['getCredentials'];
			getNodeParameter(
				name: string,
				itemIndex: number,
				fallback?: unknown,
				options?: IDataObject,
			): unknown;
			helpers: IDataObject;
		};
	}

	private common() {
		const base = this.base();
		return {
			getNode: base.getNode,
			getCredentials: base.getCredentials,
			// Hook and webhook functions have no item index: (name, fallback, options).
			getNodeParameter: (name: string, fallback?: unknown, options?: IDataObject) =>
				base.getNodeParameter(name, 0, fallback, options),
			getWorkflowStaticData: (type: string) => {
				if (type !== 'node')
					throw new Error(`the trigger should use node static data, not ${type}`);
				return this.staticData;
			},
			getWorkflow: () => ({
				id: 'workflow-1',
				name: this.options.workflowName ?? 'Bill approvals',
				active: true,
			}),
			getMode: () => 'trigger',
			getWebhookName: () => 'default',
			getNodeWebhookUrl: () => this.url,
			logger: this.logger(),
			helpers: base.helpers,
		};
	}

	/** What n8n passes to checkExists / create / delete. */
	hookFunctions(): IHookFunctions {
		return { ...this.common(), getActivationMode: () => 'activate' } as unknown as IHookFunctions;
	}

	/** n8n's activation of a webhook trigger: create only when checkExists says there is none. */
	async activate(): Promise<void> {
		const methods = triggerNode.webhookMethods.default;
		if (!(await methods.checkExists.call(this.hookFunctions())))
			await methods.create.call(this.hookFunctions());
	}

	async deactivate(): Promise<boolean> {
		return await triggerNode.webhookMethods.default.delete.call(this.hookFunctions());
	}

	/** One request to the webhook URL, through the node's webhook(), answered as n8n would. */
	async receive(
		headers: IncomingHttpHeaders,
		rawBody: Buffer,
	): Promise<{ status: number; body: string }> {
		let parsed: IDataObject = {};
		try {
			parsed = JSON.parse(rawBody.toString('utf8')) as IDataObject;
		} catch {
			// n8n's body parser leaves an unparsable body empty; the node must still answer.
		}
		const res = responseShim();
		const request = { headers, body: parsed, rawBody, method: 'POST' };
		const context = {
			...this.common(),
			getRequestObject: () => request,
			getResponseObject: () => res,
			getBodyData: () => parsed,
			getHeaderData: () => headers,
		} as unknown as IWebhookFunctions;
		const delivery: ReceivedDelivery = {
			headers,
			body: rawBody.toString('utf8'),
			status: 500,
			response: '',
		};
		try {
			const result: IWebhookResponseData = await triggerNode.webhook.call(context);
			if (result.noWebhookResponse) {
				if (!res.ended) throw new Error('webhook() returned noWebhookResponse without answering');
				delivery.status = res.statusCode;
				delivery.response = res.body ?? '';
			} else if (result.workflowData) {
				delivery.execution = (result.workflowData[0] as INodeExecutionData[]).map(
					(item) => item.json,
				);
				delivery.status = 200;
				delivery.response = JSON.stringify({ message: 'Workflow was started' });
			} else {
				delivery.status = 200;
				delivery.response = JSON.stringify(
					result.webhookResponse ?? { message: 'Webhook call received' },
				);
			}
		} catch (error) {
			delivery.status = 500;
			delivery.response = JSON.stringify({ message: (error as Error).message });
		}
		this.received.push(delivery);
		return { status: delivery.status, body: delivery.response };
	}
}

/** A started trigger harness (stop it in afterEach). */
export async function startTrigger(options: TriggerOptions): Promise<TriggerHarness> {
	return await new TriggerHarness(options).start();
}
