/**
 * A webhook trigger of ours (the BILL Trigger unless `nodeType` names another, e.g. the BILL
 * Spend & Expense Trigger, with `credentialType` its credential) as n8n runs it, for in-process
 * tests against the emulator, on n8n-core's own `HookContext` and `WebhookContext` (./n8n.ts):
 * - `activate()` / `deactivate()` call the node's `checkExists` / `create` / `delete` in n8n's
 *   order (ActiveWorkflowManager: create only when checkExists says there is none; a failed
 *   activation runs `delete` on the workflow as stored, then fails);
 * - a local HTTP receiver at the node's webhook URL (n8n's production URL:
 *   `<webhook base>/<webhookId>/webhook`) hands each delivery to the node's `webhook()` with the
 *   request as n8n's webhook server has it (raw body kept, JSON parsed, headers) and answers as
 *   n8n does: what the node wrote itself (`noWebhookResponse`), else 200 with
 *   `webhookResponse`, else 200 and the workflow started (response mode "On Received");
 * - static data is kept as n8n keeps it: each activation, deactivation and delivery builds the
 *   workflow from the stored data and stores it again only when n8n would (its `__dataChanged`
 *   after a call that succeeded: ActiveWorkflowManager after activation and clearWebhooks,
 *   LiveWebhooks after a delivery). `staticData` is the node's stored data (tests may edit it,
 *   as one would edit the database);
 * - what the node logs through `this.logger` is in `logs` (and in context.ts's `logLines`).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookFunctions,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowActivateMode,
} from 'n8n-workflow';

import { BillTrigger } from '../../nodes/BillTrigger/BillTrigger.node';
import { acceptedEventsSettings } from '../../nodes/shared/acceptedEvents';
import { nodeCredentialsOf, type CredentialStore } from './credentials';
import { additionalDataOf, workflowOf } from './n8n';
import {
	harnessLogger,
	responseShim,
	TestHookContext,
	TestWebhookContext,
	webhookDataOf,
	type LogLine,
} from './webhook';

export const triggerNode = new BillTrigger();

// The harness saves static data after each delivery itself; the node's re-marking for n8n's
// save (nodes/shared/acceptedEvents.ts) need not outlive a test.
acceptedEventsSettings.keepMarkedMs = 50;
export type { LogLine } from './webhook';

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
	/** The trigger node (default: the BILL Trigger, `triggerNode`). */
	nodeType?: INodeType;
	credentials: CredentialStore;
	/** The credential type the node is linked to (default: every type in the store). */
	credentialType?: string;
	parameters: INodeParameters;
	/** Use this URL instead of a receiver (for tests that never deliver). */
	webhookUrl?: string;
	workflowName?: string;
}

export class TriggerHarness {
	readonly logs: LogLine[] = [];
	readonly received: ReceivedDelivery[] = [];
	/** The workflow's static data as n8n's database holds it. */
	private stored: IDataObject = {};
	/** Workflows of hook calls made through `hookFunctions()`, saved at the next step. */
	private open: Workflow[] = [];
	private server?: Server;
	private url: string;
	private readonly nodeType: INodeType;
	private readonly nodeName: string;

	constructor(readonly options: TriggerOptions) {
		this.url = options.webhookUrl ?? '';
		this.nodeType = options.nodeType ?? triggerNode;
		this.nodeName = this.nodeType.description.defaults.name!;
	}

	/** The node's webhook methods (checkExists, create, delete). */
	private get methods() {
		const methods = this.nodeType.webhookMethods?.default;
		if (!methods) throw new Error(`${this.nodeName} has no webhook methods`);
		return methods;
	}

	/** The production webhook URL n8n gives the node. */
	get webhookUrl(): string {
		return this.url;
	}

	/** The node's static data as stored (`getWorkflowStaticData('node')` of the next call). */
	get staticData(): IDataObject {
		this.saveOpen();
		return ((this.stored[`node:${this.nodeName}`] as IDataObject | undefined) ??= {});
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
		// Started again after stop(): the same port, so BILL's subscription still points here.
		const port = Number(/^http:\/\/127\.0\.0\.1:(\d+)\//.exec(this.url)?.[1] ?? 0);
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/bill-trigger-test/webhook`;
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** The workflow as n8n builds it from the database for each activation or delivery. */
	private load(): Workflow {
		this.saveOpen();
		const [, base, webhookId] = /^(.*)\/([^/]+)\/webhook$/.exec(this.url) ?? [];
		if (!base) throw new Error(`not a webhook URL of this node: ${this.url}`);
		const { credentials, credentialType } = this.options;
		const linked = nodeCredentialsOf(credentials);
		return workflowOf({
			nodeType: this.nodeType,
			name: this.options.workflowName,
			staticData: JSON.parse(JSON.stringify(this.stored)) as IDataObject,
			node: {
				name: this.nodeName,
				webhookId,
				parameters: structuredClone(this.options.parameters),
				credentials: credentialType ? { [credentialType]: linked![credentialType] } : linked,
			},
		});
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: only what changed, as JSON. */
	private save(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged !== true) return;
		const data = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		delete data.__dataChanged;
		this.stored = data;
		workflow.staticData.__dataChanged = false;
	}

	private saveOpen(): void {
		for (const workflow of this.open.splice(0)) this.save(workflow);
	}

	private additionalData(extra: Partial<IWorkflowExecuteAdditionalData> = {}) {
		const base = this.url.replace(/\/[^/]+\/webhook$/, '');
		return additionalDataOf(this.options.credentials, { webhookBaseUrl: base, ...extra });
	}

	private hookContext(workflow: Workflow, activation: WorkflowActivateMode): IHookFunctions {
		const additionalData = this.additionalData();
		const node = workflow.nodes[this.nodeName];
		const context = new TestHookContext(
			workflow,
			node,
			additionalData,
			'trigger',
			activation,
			webhookDataOf(workflow, this.nodeName, additionalData),
		);
		context.harnessLogger = harnessLogger(this.logs);
		return context;
	}

	/** What n8n passes to checkExists / create / delete (static data saved at the next step). */
	hookFunctions(): IHookFunctions {
		const workflow = this.load();
		this.open.push(workflow);
		return this.hookContext(workflow, 'activate');
	}

	/** n8n's activation of a webhook trigger: create only when checkExists says there is none. */
	async activate(): Promise<void> {
		const methods = this.methods;
		const workflow = this.load();
		try {
			if (!(await methods.checkExists.call(this.hookContext(workflow, 'activate'))))
				await methods.create.call(this.hookContext(workflow, 'activate'));
		} catch (error) {
			// ActiveWorkflowManager.addWebhooks: clearWebhooks (delete on the stored workflow).
			await this.deactivate().catch(() => undefined);
			throw error;
		}
		this.save(workflow);
	}

	/** n8n's deactivation (clearWebhooks): delete on the workflow as stored, then save. */
	async deactivate(): Promise<boolean> {
		const workflow = this.load();
		const deleted = await this.methods.delete.call(this.hookContext(workflow, 'update'));
		this.save(workflow);
		return deleted;
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
		const request = { headers, body: parsed, rawBody, method: 'POST', params: {}, query: {} };
		const workflow = this.load();
		const additionalData = this.additionalData({
			httpRequest: request as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
			httpResponse: res as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
		});
		const context = new TestWebhookContext(
			workflow,
			workflow.nodes[this.nodeName],
			additionalData,
			'webhook',
			webhookDataOf(workflow, this.nodeName, additionalData),
			[],
			null,
		);
		context.harnessLogger = harnessLogger(this.logs);
		const delivery: ReceivedDelivery = {
			headers,
			body: rawBody.toString('utf8'),
			status: 500,
			response: '',
		};
		try {
			if (!this.nodeType.webhook) throw new Error(`${this.nodeName} has no webhook()`);
			const result: IWebhookResponseData = await this.nodeType.webhook.call(
				context as IWebhookFunctions,
			);
			this.save(workflow); // n8n's live webhooks save static data after a delivery
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
