// The small form of bills that creates and updates return: BILL's create and update answers
// carry no vendor name (Postman "Create a bill" example; only "Get bill details" and "Get list
// of bills" do), so names are looked up, once per vendor and execution.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildFilters, oneOrMany } from '../../helpers/filters';
import { billApiRequestAllItems } from '../../../shared/transport';
import { chunk } from '../../helpers/bulk';
import { VENDORS_PER_LOOKUP } from './existing';
import { simplifyBill } from './output';

/** Per execution (one node run = one context): vendor names by vendor ID, looked up 50 at a time. */
const vendorNames = new WeakMap<object, Map<string, Promise<Map<string, string>>>>();

/**
 * The names of some vendors. Never fails: the bills are made already, so a failed lookup leaves
 * the name out (and is forgotten, so a later item tries again) rather than fail the item.
 */
async function namesOf(
	context: IExecuteFunctions,
	itemIndex: number,
	vendorIds: string[],
): Promise<Map<string, string | undefined>> {
	let run = vendorNames.get(context);
	if (!run) {
		run = new Map();
		vendorNames.set(context, run);
	}
	const known = run;
	const missing = [...new Set(vendorIds)].filter((id) => !known.has(id));
	for (const group of chunk(missing, VENDORS_PER_LOOKUP)) {
		const lookup = billApiRequestAllItems
			.call(
				context,
				{
					method: 'GET',
					path: '/v3/vendors',
					qs: { filters: buildFilters([oneOrMany('id', group)]) },
					itemIndex,
				},
				{ returnAll: true },
			)
			.then((vendors) => new Map(vendors.map((v) => [String(v.id), String(v.name)])))
			.catch(() => {
				for (const id of group) if (known.get(id) === lookup) known.delete(id);
				return new Map<string, string>();
			});
		for (const id of group) known.set(id, lookup);
	}
	const names = new Map<string, string | undefined>();
	for (const id of new Set(vendorIds)) names.set(id, (await known.get(id))?.get(id));
	return names;
}

/**
 * Bills as Get's Simplify shows them (output.ts simplifyBill), with the vendor's name, keeping
 * what the node adds (`alreadyExisted`). Error items (no `id`) are left as they are.
 */
export async function simplifiedBills(
	context: IExecuteFunctions,
	itemIndex: number,
	bills: IDataObject[],
): Promise<IDataObject[]> {
	const unnamed = bills.filter((b) => b.id && !b.vendorName).map((b) => String(b.vendorId));
	const names = unnamed.length ? await namesOf(context, itemIndex, unnamed) : new Map();
	return bills.map((bill) => {
		if (!bill.id) return bill;
		const simple = simplifyBill({
			...bill,
			vendorName: bill.vendorName ?? names.get(String(bill.vendorId)),
		});
		if (bill.alreadyExisted !== undefined) simple.alreadyExisted = bill.alreadyExisted;
		return simple;
	});
}

/** What "Include Approvals" (BILL's billApprovals) adds to the answer, kept in the small form too. */
const APPROVAL_FIELDS = ['approvalStatus', 'approvers'] as const;

/**
 * One bill, simplified when the item's "Simplify" is on; `approvals`: the user asked for the
 * bill's approval data (Include Approvals), so the small form keeps it.
 */
export async function billOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	bill: IDataObject,
	simplify: boolean,
	approvals = false,
): Promise<IDataObject> {
	if (!simplify) return bill;
	const [simple] = await simplifiedBills(context, itemIndex, [bill]);
	if (approvals)
		for (const field of APPROVAL_FIELDS) if (bill[field] !== undefined) simple[field] = bill[field];
	return simple;
}
