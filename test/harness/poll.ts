/**
 * The BILL Polling Trigger as n8n runs it, for in-process tests against the emulator: each
 * `poll()` builds the workflow from the stored static data on n8n-core's `PollContext` (mode
 * "trigger", or "manual" for a test run) and stores the node's static data again afterwards, as
 * n8n's poll cursor service does (a poll that emitted items, or one that only moved its cursor).
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { BillPollingTrigger } from '../../nodes/BillPollingTrigger/BillPollingTrigger.node';
import { nodeCredentialsOf, type CredentialStore } from './credentials';
import { additionalDataOf, workflowOf } from './n8n';
import { harnessLogger, type LogLine, type Logger } from './webhook';

export const pollingNode = new BillPollingTrigger();

class TestPollContext extends PollContext {
	declare harnessLogger: Logger;
	override get logger(): Logger {
		return this.harnessLogger;
	}
}

export class PollHarness {
	readonly logs: LogLine[] = [];
	/** The workflow's static data as n8n's database holds it. */
	stored: IDataObject = {};

	constructor(
		readonly credentials: CredentialStore,
		readonly parameters: INodeParameters,
	) {}

	/** One poll: the items of the execution it starts, or null (no execution). */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<IDataObject[] | null> {
		const name = pollingNode.description.defaults.name!;
		const workflow = workflowOf({
			nodeType: pollingNode,
			staticData: JSON.parse(JSON.stringify(this.stored)) as IDataObject,
			node: {
				name,
				parameters: structuredClone(this.parameters),
				credentials: nodeCredentialsOf(this.credentials),
			},
		});
		const node = workflow.nodes[name];
		const context = new TestPollContext(
			workflow,
			node,
			additionalDataOf(this.credentials),
			mode,
			'activate',
		);
		context.harnessLogger = harnessLogger(this.logs);
		const result = (await pollingNode.poll!.call(context)) as INodeExecutionData[][] | null;
		if (mode !== 'manual' && workflow.staticData.__dataChanged) {
			const data = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			delete data.__dataChanged;
			this.stored = data;
		}
		return result ? result[0].map((item) => item.json) : null;
	}
}
