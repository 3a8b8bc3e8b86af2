import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildFilters, oneOrMany } from '../../helpers/filters';
import { asNodeError, billApiRequestAllItems } from '../../../shared/transport';
import type { Bill } from '../../types';

/** How many vendor ids one lookup puts in its `vendorId:in:` filter (keeps the URL short). */
export const VENDORS_PER_LOOKUP = 50;

/** Invoice numbers are compared trimmed and ignoring case. */
export function invoiceKey(invoiceNumber: unknown): string {
	return String(invoiceNumber ?? '')
		.trim()
		.toLowerCase();
}

export const billKey = (vendorId: unknown, invoiceNumber: unknown) =>
	`${String(vendorId)}|${invoiceKey(invoiceNumber)}`;

/**
 * The active (not archived) bills of some vendors, by vendor and invoice number. BILL cannot
 * filter bills by invoice number (https://developer.bill.com/docs/filterable-fields), so all active bills of the vendors are
 * read (pages of 100) and compared here. Where a vendor has several bills with one invoice
 * number, the first BILL lists is kept.
 */
export async function activeBillsByInvoice(
	context: IExecuteFunctions,
	vendorIds: string[],
	itemIndex?: number,
): Promise<Map<string, IDataObject>> {
	const filters = buildFilters([
		oneOrMany('vendorId', vendorIds),
		{ field: 'archived', op: 'eq', value: false },
	]);
	const bills = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: '/v3/bills', qs: { filters }, itemIndex },
		{ returnAll: true },
	);
	const found = new Map<string, IDataObject>();
	for (const bill of bills) {
		const b = bill as unknown as Bill;
		if (b.archived) continue;
		const key = billKey(b.vendorId, b.invoice?.invoiceNumber);
		if (!found.has(key)) found.set(key, bill);
	}
	return found;
}

/** A bill found or being created in this run, and the item that created it (-1: found in BILL). */
interface Known {
	bill: Promise<IDataObject>;
	itemIndex: number;
}

/**
 * Per run (one node execution = one context): each vendor's active bills, looked up once and
 * shared by all items of that vendor, plus the bills this run creates. So two items with the
 * same vendor and invoice number create one bill even when they run at the same time.
 */
const runs = new WeakMap<object, Map<string, Promise<Map<string, Known>>>>();

async function vendorIndex(
	context: IExecuteFunctions,
	vendorId: string,
	itemIndex: number,
): Promise<Map<string, Known>> {
	let run = runs.get(context);
	if (!run) {
		run = new Map();
		runs.set(context, run);
	}
	let index = run.get(vendorId);
	if (!index) {
		const lookup = activeBillsByInvoice(context, [vendorId], itemIndex).then(
			(bills) =>
				new Map(
					[...bills].map(([key, bill]) => [key, { bill: Promise.resolve(bill), itemIndex: -1 }]),
				),
		);
		index = lookup;
		run.set(vendorId, lookup);
		// A failed lookup is forgotten, so the next item of this vendor tries again.
		lookup.catch(() => run?.get(vendorId) === lookup && run.delete(vendorId));
	}
	return await index;
}

/**
 * Creates the bill unless the vendor already has an active bill with its invoice number, which
 * is then returned with `alreadyExisted: true`.
 */
export async function createUnlessExists(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	create: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const invoiceNumber = (body.invoice as IDataObject).invoiceNumber;
	const index = await vendorIndex(context, String(body.vendorId), itemIndex);
	const key = billKey(body.vendorId, invoiceNumber);
	const known = index.get(key);
	if (known) {
		try {
			return { ...(await known.bill), alreadyExisted: true };
		} catch (error) {
			const uncertain = (error as { context?: IDataObject }).context?.outcomeUnknown === true;
			throw new NodeOperationError(
				context.getNode(),
				`Invoice Number: item ${known.itemIndex} has the same vendor and invoice number "${String(invoiceNumber)}" and its create ${
					uncertain ? 'may have reached BILL before the connection failed' : 'failed'
				}; this item was not sent, so no second bill is made [item ${itemIndex}]`,
				{ itemIndex, description: (error as Error).message },
			);
		}
	}
	// No await between the look and the claim: another item of this run sees this creation.
	const bill = create();
	const claim: Known = { bill, itemIndex };
	index.set(key, claim);
	try {
		return { ...(await bill), alreadyExisted: false };
	} catch (error) {
		// A refused create is forgotten (the next item may create it); one that may have reached
		// BILL stays claimed, so no other item of this run creates it a second time.
		const outcomeUnknown = (error as { context?: IDataObject }).context?.outcomeUnknown === true;
		if (!outcomeUnknown && index.get(key) === claim) index.delete(key);
		throw asNodeError(context.getNode(), error);
	}
}
