// Re-runs that create nothing twice: BILL has no idempotency key for classifications (its
// Postman collection documents `X-Idempotent-Key` for webhook subscriptions only), so a create
// first looks for an active classification of the same type with the same name.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { billApiRequestAllItems } from '../../../shared/transport';
import { nameOf, type KindInfo } from './kinds';

/** Names are compared trimmed, ignoring case and repeated spaces. */
export function nameKey(info: KindInfo, object: IDataObject): string {
	return nameOf(info, object).trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The active classifications of a kind, by name. BILL's collection shows no filter but `id` on
 * these lists, so all of them are read (pages of 100) and the archived ones dropped here; a BILL
 * that also filters by `archived` answers the same.
 */
export async function activeByName(
	context: IExecuteFunctions,
	info: KindInfo,
	itemIndex: number,
): Promise<Map<string, IDataObject>> {
	const all = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: `/v3/classifications/${info.path}`, itemIndex },
		{ returnAll: true },
	);
	const found = new Map<string, IDataObject>();
	for (const object of all) {
		if (object.archived === true) continue;
		const key = nameKey(info, object);
		if (key && !found.has(key)) found.set(key, object);
	}
	return found;
}

interface Known {
	object: Promise<IDataObject>;
	itemIndex: number;
}

/**
 * Per run (one node execution = one context) and kind: the active classifications, read once and
 * shared by all items, plus those this run creates, so two items with one name create one.
 */
const classificationRuns = new WeakMap<object, Map<string, Promise<Map<string, Known>>>>();

async function runIndex(
	context: IExecuteFunctions,
	info: KindInfo,
	itemIndex: number,
): Promise<Map<string, Known>> {
	let run = classificationRuns.get(context);
	if (!run) {
		run = new Map();
		classificationRuns.set(context, run);
	}
	let index = run.get(info.path);
	if (!index) {
		const lookup = activeByName(context, info, itemIndex).then(
			(found) =>
				new Map(
					[...found].map(([key, object]) => [
						key,
						{ object: Promise.resolve(object), itemIndex: -1 },
					]),
				),
		);
		index = lookup;
		run.set(info.path, lookup);
		// A failed lookup is forgotten, so the next item tries again.
		lookup.catch(() => run?.get(info.path) === lookup && run.delete(info.path));
	}
	return await index;
}

/** Creates it unless an active one of the kind has its name, returned with `alreadyExisted: true`. */
export async function createUnlessExists(
	context: IExecuteFunctions,
	itemIndex: number,
	info: KindInfo,
	body: IDataObject,
	create: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const index = await runIndex(context, info, itemIndex);
	const key = nameKey(info, body);
	const known = index.get(key);
	if (known) {
		try {
			return { ...(await known.object), alreadyExisted: true };
		} catch (error) {
			throw new NodeOperationError(
				context.getNode(),
				`Item ${known.itemIndex} has the same name "${nameOf(info, body)}" and its create failed or may have reached BILL; this item was not sent, so no second one is made [item ${itemIndex}]`,
				{ itemIndex, description: (error as Error).message },
			);
		}
	}
	// No await between the look and the claim: another item of this run sees this creation.
	const object = create();
	const claim: Known = { object, itemIndex };
	index.set(key, claim);
	try {
		return { ...(await object), alreadyExisted: false };
	} catch (error) {
		// A refused create is forgotten; one that may have reached BILL stays claimed.
		const outcomeUnknown = (error as { context?: IDataObject }).context?.outcomeUnknown === true;
		if (!outcomeUnknown && index.get(key) === claim) index.delete(key);
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a NodeApiError from billApiRequest already
		throw error;
	}
}

/** How a user checks whether an uncertain create made them. */
export function createHint(info: KindInfo, bodies: IDataObject[]): string {
	const names = bodies.map((b) => `"${nameOf(info, b)}"`);
	const shown =
		names.length > 5
			? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`
			: names.join(', ');
	return `Check in BILL whether the ${info.plural} ${shown} exist (Classification → Get Many), or run it again with "Skip Existing Names" on, which creates only what is missing.`;
}
