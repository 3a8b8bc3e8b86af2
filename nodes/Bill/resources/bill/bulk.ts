// Create Many's plug into the bulk engine (helpers/bulk): bills 100 a request to
// `POST /v3/bills/bulk`, paired by vendor and invoice number, a refused field named by the
// parameter of "One Bill per Input Item" it came from; and the bills the vendors already have.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	BILL_MAX_CONCURRENT_REQUESTS,
	asNodeError,
	errorJson,
	mapWithConcurrency,
} from '../../../shared/transport';
import { type BulkAdapter, type Entry, chunk, listRequest } from '../../helpers/bulk';
import { VENDORS_PER_LOOKUP, activeBillsByInvoice, billKey } from './existing';
import { createHint } from './hints';

/** BILL creates at most 100 bills per bulk request, all or none (Postman "Create multiple bills"; https://developer.bill.com/docs/ap-bills). */
export const BULK_MAX = 100;

export const keyOfBill = (bill: IDataObject) =>
	billKey(bill.vendorId, (bill.invoice as IDataObject | undefined)?.invoiceNumber);

const PARAMETERS: Record<string, string> = {
	vendorId: 'Vendor',
	dueDate: 'Due Date',
	'invoice.invoiceNumber': 'Invoice Number',
	'invoice.invoiceDate': 'Invoice Date',
	description: 'Description',
	purchaseOrderNumber: 'Purchase Order Number',
};

/** The parameter of "One Bill per Input Item" a field of BILL's bill comes from. */
function parameterOf(field: string | undefined): string | undefined {
	if (!field) return undefined;
	const line = /^billLineItems\[(\d+)\]/.exec(field);
	return line ? `Line Items, line ${Number(line[1]) + 1}` : PARAMETERS[field];
}

/** Bills to `POST /v3/bills/bulk` (Postman "Create bulk bills"; https://developer.bill.com/reference/createbulkbills). */
export function billBulk(
	context: IExecuteFunctions,
	options: { fromParameters: boolean },
): BulkAdapter {
	return {
		plural: 'bills',
		what: 'create',
		size: BULK_MAX,
		answerKey: 'bills',
		matchKey: keyOfBill,
		allOrNone: true,
		done: 'created',
		again:
			'Run again with "Skip Existing Invoice Numbers" on to create only the missing bills, or turn on "Continue On Fail" to get one output item per bill.',
		parameterOf: (field) => (options.fromParameters ? parameterOf(field) : undefined),
		send: listRequest(context, { method: 'POST', path: '/v3/bills/bulk', hint: createHint }),
	};
}

/**
 * The active bills of the entries' vendors by vendor and invoice number (one lookup per 50
 * vendors, up to BILL's 3 at a time). With "Continue On Fail" the entries of a vendor whose
 * lookup failed get that error (and are not sent); without, the lookup's error stops the run.
 */
export async function existingBills(
	context: IExecuteFunctions,
	entries: Entry[],
): Promise<Map<string, IDataObject>> {
	const vendorIds = [...new Set(entries.map((e) => String(e.body.vendorId)))];
	const found = new Map<string, IDataObject>();
	const failedVendors = new Map<string, unknown>();
	await mapWithConcurrency(
		chunk(vendorIds, VENDORS_PER_LOOKUP),
		BILL_MAX_CONCURRENT_REQUESTS,
		async (group) => {
			try {
				for (const [key, bill] of await activeBillsByInvoice(context, group)) found.set(key, bill);
			} catch (error) {
				if (!context.continueOnFail()) throw asNodeError(context.getNode(), error);
				for (const vendorId of group) failedVendors.set(vendorId, error);
			}
		},
	);
	for (const entry of entries) {
		const failed = failedVendors.get(String(entry.body.vendorId));
		if (failed) entry.slot.json = errorJson(failed);
	}
	return found;
}
