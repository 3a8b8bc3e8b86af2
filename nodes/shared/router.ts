import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { lookUpNames, type NameKind } from './byName';
import type { ItemOperation, Operation, Resource } from './operation';
import { asNodeError, closeRequests, errorJson, mapWithConcurrency } from './transport';
import { type ActingNamed, type ActsFor, actFor } from './transport/organizationSession';

function findOperation(
	context: IExecuteFunctions,
	resources: Record<string, Resource>,
): { operation: Operation; acts: ActsFor } {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const found = resources[resource]?.operations[operation];
	if (!found) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" of "${resource}" is not known`,
		);
	}
	return { operation: found, acts: found.actsFor ?? resources[resource].actsFor ?? 'always' };
}

/** How a node runs its operations. */
export interface RouteOptions {
	/** Items at work at once (1 for an operation that is not `concurrent`). */
	concurrentItems: number;
	/**
	 * The context the operation's `execute` gets for every item of the run, e.g. one that reads
	 * parameters mapped from the item without n8n's expression sandbox (Bill/helpers/itemParameters.ts).
	 */
	itemContext?: (context: IExecuteFunctions, operation: ItemOperation) => IExecuteFunctions;
	/** The parameters that may give a name ("By Name"), and what they name. */
	names?: Record<string, NameKind>;
	/**
	 * What an item names for acting for an organization (the BILL node's parameters); the
	 * operation's `actsFor` says whether its requests act for it. Absent: they never do.
	 */
	actingNamed?: (context: IExecuteFunctions, itemIndex: number) => ActingNamed;
}

/** The requests made with `context` act for the organization an item names as `acts` says. */
function handActing(context: IExecuteFunctions, acts: ActsFor, options: RouteOptions): void {
	const named = options.actingNamed;
	actFor(
		context,
		named && acts !== 'never'
			? { acts, named: (itemIndex) => named(context, itemIndex) }
			: undefined,
	);
}

async function runItems(
	run: IExecuteFunctions,
	operation: ItemOperation,
	items: INodeExecutionData[],
	options: RouteOptions & { acts: ActsFor },
) {
	const limit = operation.concurrent === false ? 1 : options.concurrentItems;
	const context = options.itemContext?.(run, operation) ?? run;
	handActing(context, options.acts, options);
	const perItem = await mapWithConcurrency(items, limit, async (_item, itemIndex) => {
		try {
			await lookUpNames(context, itemIndex, options.names ?? {});
			const result = await operation.execute.call(context, itemIndex);
			const list = Array.isArray(result) ? result : [result];
			return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			if (!context.continueOnFail()) {
				// Later items waiting to send do not send: the run stops here, as it did with 3.
				closeRequests(context, itemIndex);
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
 * item by item (`execute`, at most `concurrentItems` at once (the BILL node lets more items
 * prepare than BILL takes requests: its transport keeps BILL's limit on requests in flight), each result paired with its item,
 * "Continue On Fail" giving a failed item its error) or all at once (`executeBatch`).
 */
export async function route(
	context: IExecuteFunctions,
	resources: Record<string, Resource>,
	options: RouteOptions,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const { operation, acts } = findOperation(context, resources);
	const names = options.names ?? {};
	if ('executeBatch' in operation) {
		handActing(context, acts, options);
		// Names are looked up for every item first; where one could not be, that item's check says so.
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++)
			await lookUpNames(context, itemIndex, names).catch(() => undefined);
		return [await operation.executeBatch.call(context, items)];
	}
	const output = await runItems(context, operation, items, { ...options, acts });
	return [output];
}
