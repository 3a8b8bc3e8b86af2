// Creates that a re-run must not repeat: the objects BILL already has are read once per run and
// scope, each known by its keys (a customer by name and by email, an invoice by its number, a
// classification by its name, a vendor credit by vendor and reference number), and what this
// run creates claims its keys, so two items with one key create one object even when they run at
// the same time.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from './transport/errors';

/** An object found in BILL (itemIndex -1) or being created by an item of this run. */
interface Known {
	object: Promise<IDataObject>;
	itemIndex: number;
}

type Index = Map<string, Known>;

/**
 * Per run (one node execution = one context), per scope ("customers", "invoices of 0cu…"): the
 * objects BILL has and those this run creates, by key. Dropped with the run.
 */
const createdInRun = new WeakMap<object, Map<string, Promise<Index>>>();

export interface CreateOnce {
	/** What the index covers, e.g. `customers` or `invoices|0cu…`. */
	scope: string;
	/** The active objects of the scope, as BILL lists them. */
	load: () => Promise<IDataObject[]>;
	/** The keys an object of the scope is known by (lower-cased, trimmed; empty ones ignored). */
	keysOf: (object: IDataObject) => string[];
	/** The keys of the object to create. */
	keys: string[];
	create: () => Promise<IDataObject>;
	/** For the error when an earlier item with the same key failed: "Invoice Number". */
	parameter: string;
	/** "customer", "invoice" */
	object: string;
}

/** A key compared trimmed and ignoring case; an empty value gives no key. */
export function matchKey(kind: string, value: unknown): string | undefined {
	const text = String(value ?? '')
		.trim()
		.toLowerCase();
	return text ? `${kind}:${text}` : undefined;
}

/** A name as a key: trimmed, inner spaces collapsed, ignoring case (as Vendor → Create Many compares). */
export const nameKeys = (value: unknown): string[] => {
	const key = matchKey('name', String(value ?? '').replace(/\s+/g, ' '));
	return key ? [key] : [];
};

async function indexOf(
	context: IExecuteFunctions,
	scope: string,
	load: () => Promise<IDataObject[]>,
	keysOf: (object: IDataObject) => string[],
): Promise<Index> {
	let run = createdInRun.get(context);
	if (!run) {
		run = new Map();
		createdInRun.set(context, run);
	}
	let index = run.get(scope);
	if (!index) {
		const lookup = load().then((objects) => {
			const found: Index = new Map();
			for (const object of objects) {
				for (const key of keysOf(object))
					if (!found.has(key)) found.set(key, { object: Promise.resolve(object), itemIndex: -1 });
			}
			return found;
		});
		index = lookup;
		run.set(scope, lookup);
		// A failed lookup is forgotten, so the next item of this scope tries again.
		lookup.catch(() => run?.get(scope) === lookup && run.delete(scope));
	}
	return await index;
}

const outcomeUnknown = (error: unknown) =>
	(error as { context?: IDataObject }).context?.outcomeUnknown === true;

/**
 * Returns the object of the scope that has one of `keys` (with `alreadyExisted: true`), or
 * creates it (`alreadyExisted: false`).
 */
export async function createOnce(
	context: IExecuteFunctions,
	itemIndex: number,
	options: CreateOnce,
): Promise<IDataObject> {
	const index = await indexOf(context, options.scope, options.load, options.keysOf);
	const known = options.keys.map((key) => index.get(key)).find(Boolean);
	if (known) {
		try {
			return { ...(await known.object), alreadyExisted: true };
		} catch (error) {
			throw new NodeOperationError(
				context.getNode(),
				`${options.parameter}: item ${known.itemIndex} has the same ${options.parameter.toLowerCase()} and its create ${
					outcomeUnknown(error) ? 'may have reached BILL before the connection failed' : 'failed'
				}; this item was not sent, so no second ${options.object} is made [item ${itemIndex}]`,
				{ itemIndex, description: (error as Error).message },
			);
		}
	}
	// No await between the look and the claim: another item of this run sees this creation.
	const object = options.create();
	const claim: Known = { object, itemIndex };
	for (const key of options.keys) index.set(key, claim);
	try {
		return { ...(await object), alreadyExisted: false };
	} catch (error) {
		// A refused create is forgotten (the next item may create it); one that may have reached
		// BILL stays claimed, so no other item of this run creates it a second time.
		if (!outcomeUnknown(error))
			for (const key of options.keys) if (index.get(key) === claim) index.delete(key);
		throw asNodeError(context.getNode(), error);
	}
}
