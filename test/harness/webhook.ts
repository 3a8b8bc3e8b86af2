/**
 * The n8n-core pieces of a webhook trigger for the trigger harness (./trigger.ts): n8n-core's
 * `HookContext` and `WebhookContext` with the harness's logger, the webhook data n8n gives
 * them, and the response object the node answers a delivery on (the part of Express's response
 * our node uses).
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	INodeType,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import { logLines } from './context';
import type { LogLevel } from './n8n';

export interface LogLine {
	level: LogLevel;
	message: string;
}

export type Logger = HookContext['logger'];

/** n8n-core's hook context, logging to the harness. */
export class TestHookContext extends HookContext {
	declare harnessLogger: Logger;
	override get logger(): Logger {
		return this.harnessLogger;
	}
}

/** n8n-core's webhook context, logging to the harness. */
export class TestWebhookContext extends WebhookContext {
	declare harnessLogger: Logger;
	override get logger(): Logger {
		return this.harnessLogger;
	}
}

export interface ResponseShim {
	statusCode: number;
	body?: string;
	ended: boolean;
	status(code: number): ResponseShim;
	json(value: unknown): ResponseShim;
	send(value?: unknown): ResponseShim;
	end(value?: unknown): ResponseShim;
}

export function responseShim(): ResponseShim {
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

/** A logger writing to the harness's lines (and to context.ts's `logLines`). */
export function harnessLogger(logs: LogLine[]): Logger {
	const line = (level: LogLevel) => (message: string, meta?: unknown) => {
		logs.push({ level, message });
		logLines.push(`${level} ${message} ${meta === undefined ? '' : JSON.stringify(meta)}`);
	};
	const logger = {
		debug: line('debug'),
		info: line('info'),
		warn: line('warn'),
		error: line('error'),
		scoped: () => logger,
	};
	return logger as unknown as Logger;
}

/** The webhook of the trigger node as n8n registers it (its first `webhooks` entry). */
export function webhookDataOf(
	workflow: Workflow,
	nodeName: string,
	additionalData: IWorkflowExecuteAdditionalData,
): IWebhookData {
	const node = workflow.nodes[nodeName];
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const description = nodeType.description.webhooks![0];
	return {
		httpMethod: 'POST',
		node: nodeName,
		path: `${node.webhookId}/${description.path as string}`,
		webhookDescription: description,
		webhookId: node.webhookId,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
	};
}
