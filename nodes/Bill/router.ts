import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemOperation, Operation } from './operation';
import { resources } from './resources';
import {
	BILL_MAX_CONCURRENT_REQUESTS,
	asNodeError,
	errorJson,
	mapWithConcurrency,
} from '../shared/transport';

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
	const limit = operation.concurrent === false ? 1 : BILL_MAX_CONCURRENT_REQUESTS;
	const perItem = await mapWithConcurrency(items, limit, async (_item, itemIndex) => {
		try {
			const result = await operation.execute.call(context, itemIndex);
			const list = Array.isArray(result) ? result : [result];
			return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			if (!context.continueOnFail()) {
				if (error instanceof NodeApiError || error instanceof NodeOperationError) {
					error.context.itemIndex ??= itemIndex;
					throw asNodeError(context.getNode(), error);
				}
				throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
			}
			return [{ json: errorJson(error), pairedItem: { item: itemIndex } }];
		}
	});
	return perItem.flat();
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = findOperation(this);
	const output =
		'executeBatch' in operation
			? await operation.executeBatch.call(this, items)
			: await runItems(this, operation, items);
	return [output];
}
