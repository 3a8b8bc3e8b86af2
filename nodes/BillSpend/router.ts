import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemOperation, Operation } from '../Bill/operation';
import { errorJson } from '../shared/transport/errors';
import { mapWithConcurrency } from '../shared/transport/concurrency';
import { resources } from './resources';

/** Items in flight at once; the per-minute limit is kept by the transport. */
const CONCURRENT_ITEMS = 3;

function findOperation(context: IExecuteFunctions): Operation {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const found = resources[resource]?.operations[operation];
	if (!found) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" of "${resource}" is not known`,
		);
	}
	return found;
}

async function runItems(
	context: IExecuteFunctions,
	operation: ItemOperation,
	items: INodeExecutionData[],
) {
	const limit = operation.concurrent === false ? 1 : CONCURRENT_ITEMS;
	const perItem = await mapWithConcurrency(items, limit, async (_item, itemIndex) => {
		try {
			const result = await operation.execute.call(context, itemIndex);
			const list = Array.isArray(result) ? result : [result];
			return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			if (!context.continueOnFail()) {
				if (error instanceof NodeApiError || error instanceof NodeOperationError) {
					error.context.itemIndex ??= itemIndex;
					// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- it is one already
					throw error;
				}
				throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
			}
			return [{ json: errorJson(error), pairedItem: { item: itemIndex } }];
		}
	});
	return perItem.flat();
}

/** Runs the chosen operation over the items (Continue On Fail, pairedItem), as the BILL node does. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = findOperation(this);
	const output =
		'executeBatch' in operation
			? await operation.executeBatch.call(this, items)
			: await runItems(this, operation, items);
	return [output];
}
