// Re-runs that create nothing twice in BILL Spend & Expense (nodes/shared/createOnce.ts): before a
// create, the objects BILL already lists under the create's key are read (once per run and
// scope, every page), compared here exactly, and one that matches is returned with
// `alreadyExisted: true` instead of creating a second. The filters sent are only those BILL
// documents for the list (https://developer.bill.com/docs/search-op-with-lists and each list's
// reference page, cited where used); where they are coarser than the key, this side decides.

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type FilterCondition, buildFilters } from '../../shared/filters';
import { createOnce, nameKeys } from '../../shared/createOnce';
import { skipExistingByVersion, wantsSkipExisting } from '../../shared/skipExisting';
import { spendApiRequestAllItems } from '../transport';

export { wantsSkipExisting };

export interface SpendExisting {
	/** What one lookup covers, e.g. `cards|<user>|<budget>`; items of one scope share it. */
	scope: string;
	/** The list to read, e.g. `/v3/spend/cards`. */
	path: string;
	/** BILL's documented filters for that list. */
	filters: FilterCondition[];
	/** Which listed objects count at all (e.g. not deleted, of this user): decided here. */
	keep?: (object: IDataObject) => boolean;
	keysOf: (object: IDataObject) => string[];
	/** The keys of the object to create. */
	keys: string[];
	create: () => Promise<IDataObject>;
	/** For the error when an earlier item with the same key failed: "Name". */
	parameter: string;
	/** "budget", "card" */
	object: string;
}

/**
 * Returns the object BILL lists with one of `keys` (`alreadyExisted: true`), or creates it
 * (`alreadyExisted: false`). Two items of one run with one key create one object.
 */
export async function createSpendOnce(
	context: IExecuteFunctions,
	itemIndex: number,
	options: SpendExisting,
): Promise<IDataObject> {
	const { path, filters, keep } = options;
	const load = async () => {
		const listed = await spendApiRequestAllItems.call(
			context,
			{ method: 'GET', path, qs: { filters: buildFilters(filters) }, itemIndex },
			{ returnAll: true },
		);
		return keep ? listed.filter(keep) : listed;
	};
	return await createOnce(context, itemIndex, { ...options, load });
}

/** A name compared as Vendor → Create Many compares it: trimmed, spaces collapsed, ignoring case. */
export const nameKey = nameKeys;

/** Whether a listed object belongs to the user or budget given by ID or UUID (BILL accepts both). */
export const isOf = (object: IDataObject, field: 'user' | 'budget', value: string): boolean =>
	object[`${field}Id`] === value || object[`${field}Uuid`] === value;

/**
 * "Skip Existing …" of a Spend create: on for nodes added now (typeVersion 1.2), off for saved
 * ones (nodes/shared/skipExisting.ts).
 */
export const skipExistingField = (displayName: string, what: string): INodeProperties[] =>
	skipExistingByVersion(
		displayName,
		`Whether to first look for ${what} and, if there is one, output it with "alreadyExisted": true instead of creating a second one, so running the workflow again creates nothing twice. Created ones get "alreadyExisted": false.`,
	);
