import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { lookUpNames, type NameKind } from './byName';
import type { ItemOperation, Operation, Resource } from './operation';
import { asNodeError, errorJson, mapWithConcurrency } from './transport';

function findOperation(context: IExecuteFunctions, resources: Record<string, Resource>): Operation {
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
	concurrentItems: number,
	names: Record<string, NameKind>,
) {
	const limit = operation.concurrent === false ? 1 : concurrentItems;
	const perItem = await mapWithConcurrency(items, limit, async (_item, itemIndex) => {
		try {
			await lookUpNames(context, itemIndex, names);
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

/**
 * Runs the operation the node's Resource and Operation parameters name over the input items:
 * item by item (`execute`, at most `concurrentItems` at once, each result paired with its item,
 * "Continue On Fail" giving a failed item its error) or all at once (`executeBatch`).
 */
export async function route(
	context: IExecuteFunctions,
	resources: Record<string, Resource>,
	concurrentItems: number,
	names: Record<string, NameKind> = {},
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const operation = findOperation(context, resources);
	if ('executeBatch' in operation) {
		// Names are looked up for every item first; where one could not be, that item's check says so.
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++)
			await lookUpNames(context, itemIndex, names).catch(() => undefined);
		return [await operation.executeBatch.call(context, items)];
	}
	const output = await runItems(context, operation, items, concurrentItems, names);
	return [output];
}
