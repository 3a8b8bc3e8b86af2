// Re-runs that create nothing twice, for objects BILL gives no idempotency key for (its Postman
// collection documents `X-Idempotent-Key` for webhook subscriptions only): a create first looks
// for an active object with the same key (a name, a vendor's reference number), read once per
// run and shared by the run's items.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

interface Known {
	object: Promise<IDataObject>;
	itemIndex: number;
}

/**
 * Per run (one node execution = one context) and scope (e.g. a classification type): the active
 * objects by key, read once, plus those this run creates, so two items with one key create one.
 */
const createdOnce = new WeakMap<object, Map<string, Promise<Map<string, Known>>>>();

async function runIndex(
	context: IExecuteFunctions,
	scope: string,
	load: () => Promise<Map<string, IDataObject>>,
): Promise<Map<string, Known>> {
	let run = createdOnce.get(context);
	if (!run) {
		run = new Map();
		createdOnce.set(context, run);
	}
	let index = run.get(scope);
	if (!index) {
		const lookup = load().then(
			(found) =>
				new Map(
					[...found].map(([key, object]) => [
						key,
						{ object: Promise.resolve(object), itemIndex: -1 },
					]),
				),
		);
		index = lookup;
		run.set(scope, lookup);
		// A failed lookup is forgotten, so the next item tries again.
		lookup.catch(() => run?.get(scope) === lookup && run.delete(scope));
	}
	return await index;
}

/**
 * Creates it unless `load` (read once per run and scope) has an object with its key, which is then
 * returned with `alreadyExisted: true`; `what` names the key in errors ("name \"Rent\"").
 */
export async function createOnce(
	context: IExecuteFunctions,
	itemIndex: number,
	options: {
		scope: string;
		key: string;
		what: string;
		load: () => Promise<Map<string, IDataObject>>;
		create: () => Promise<IDataObject>;
	},
): Promise<IDataObject> {
	const index = await runIndex(context, options.scope, options.load);
	const known = index.get(options.key);
	if (known) {
		try {
			return { ...(await known.object), alreadyExisted: true };
		} catch (error) {
			throw new NodeOperationError(
				context.getNode(),
				`Item ${known.itemIndex} has the same ${options.what} and its create failed or may have reached BILL; this item was not sent, so no second one is made [item ${itemIndex}]`,
				{ itemIndex, description: (error as Error).message },
			);
		}
	}
	// No await between the look and the claim: another item of this run sees this creation.
	const object = options.create();
	const claim: Known = { object, itemIndex };
	index.set(options.key, claim);
	try {
		return { ...(await object), alreadyExisted: false };
	} catch (error) {
		// A refused create is forgotten; one that may have reached BILL stays claimed.
		const outcomeUnknown = (error as { context?: IDataObject }).context?.outcomeUnknown === true;
		if (!outcomeUnknown && index.get(options.key) === claim) index.delete(options.key);
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a NodeApiError from billApiRequest already
		throw error;
	}
}
