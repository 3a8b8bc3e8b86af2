import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	BILL_MAX_CONCURRENT_REQUESTS,
	asNodeError,
	errorJson,
	mapWithConcurrency,
} from '../../../shared/transport';
import { VENDORS_PER_LOOKUP, activeBillsByInvoice, billKey } from './existing';
import { billBodyFromParameters, billFromItem, billsFromJson } from './body';
import {
	BULK_MAX,
	type Entry,
	type FailedChunk,
	type Slot,
	chunk,
	itemRanges,
	sendBills,
} from './bulk';
import { billFields, simplifyCreatedField, skipExistingField } from './descriptions';
import { simplifiedBills } from './simplified';
import { perItemReader } from '../../helpers/itemParameters';
import { wantsSimplified } from '../../helpers/simplify';

const properties: INodeProperties[] = [
	{
		displayName: 'Bills Input',
		name: 'billsInput',
		description:
			"Where the bills come from: fields mapped per item, each item's JSON as it is, or one JSON array",
		type: 'options',
		options: [
			{
				name: 'One Bill per Input Item',
				value: 'items',
				description:
					'Each input item becomes one bill, from the fields below (expressions are evaluated for each item)',
			},
			{
				name: 'Input Items as They Are',
				value: 'itemJson',
				description:
					"Each input item is one bill in BILL's own format (vendorId, invoice, dueDate, billLineItems…), built earlier in the workflow. Fastest for thousands of bills: nothing is evaluated per item.",
			},
			{
				name: 'JSON',
				value: 'json',
				description:
					"Bills in BILL's own format, built earlier in the workflow: one bill or an array of bills per input item",
			},
		],
		default: 'items',
	},
	{
		displayName: 'Bills (JSON)',
		name: 'billsJson',
		type: 'json',
		default: '[]',
		required: true,
		description:
			'One bill or an array of bills, each as BILL takes it: {"vendorId": "009…", "invoice": {"invoiceNumber": "202501", "invoiceDate": "2025-12-01"}, "dueDate": "2025-12-31", "billLineItems": [{"amount": 149, "description": "…"}]}, optionally with description, purchaseOrderNumber, payFromChartOfAccountId, classifications and vendorCredits',
		displayOptions: { show: { billsInput: ['json'] } },
	},
	{
		displayName:
			'Bills are sent 100 per request. BILL creates all bills of a request or none: when it refuses one, the error names its item; with "Continue On Fail" that item gets the error and the other bills of its request are sent again, otherwise none of them is created (the other requests go on).',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
];

// The bill fields of "One Bill per Input Item" (hidden when the bills come as JSON), then
// "Skip Existing Invoice Numbers".
export const description: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['bill'], operation: ['createMany'] } }, properties),
	...updateDisplayOptions(
		{
			show: { resource: ['bill'], operation: ['createMany'] },
			hide: { billsInput: ['json', 'itemJson'] },
		},
		billFields(false),
	),
	...updateDisplayOptions({ show: { resource: ['bill'], operation: ['createMany'] } }, [
		skipExistingField,
		...simplifyCreatedField,
	]),
];

/**
 * `POST /v3/bills/bulk` in chunks of up to 100, up to BILL's 3 at a time. Every item is checked
 * before anything is sent. A chunk BILL refuses fails as a whole (BILL's bulk is all or nothing);
 * the other chunks go on. Output: one item per bill, paired with the input item it came from.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const mode = this.getNodeParameter('billsInput', 0, 'items') as string;
	const skipExisting = this.getNodeParameter('skipExisting', 0, true) as boolean;
	const simplify = wantsSimplified(this, 0);
	const slots: Slot[] = [];
	const entries: Entry[] = [];
	const reader = perItemReader(this, description);

	// 1. Check every item; with "Continue On Fail" a bad item gets its error and is not sent.
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let bodies: IDataObject[];
		try {
			bodies =
				mode === 'itemJson'
					? billFromItem(this, itemIndex, items[itemIndex].json)
					: mode === 'json'
						? billsFromJson(this, itemIndex)
						: [billBodyFromParameters(reader, itemIndex, false)];
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this.getNode(), error);
			slots.push({ itemIndex, json: errorJson(error) });
			continue;
		}
		for (const body of bodies) {
			const slot: Slot = { itemIndex };
			slots.push(slot);
			entries.push({ slot, body });
		}
	}

	// 2. Skip invoice numbers the vendors already have (one lookup per 50 vendors), and repeats
	//    within this run (the first one is sent; the others get its bill).
	let toSend = entries;
	const repeats: Array<{ entry: Entry; of: Entry }> = [];
	if (skipExisting && entries.length) {
		const vendorIds = [...new Set(entries.map((e) => String(e.body.vendorId)))];
		const found = new Map<string, IDataObject>();
		const failedVendors = new Map<string, unknown>();
		await mapWithConcurrency(
			chunk(vendorIds, VENDORS_PER_LOOKUP),
			BILL_MAX_CONCURRENT_REQUESTS,
			async (group) => {
				try {
					for (const [key, bill] of await activeBillsByInvoice(this, group)) found.set(key, bill);
				} catch (error) {
					if (!continueOnFail) throw asNodeError(this.getNode(), error);
					for (const vendorId of group) failedVendors.set(vendorId, error);
				}
			},
		);
		toSend = [];
		const firstOfKey = new Map<string, Entry>();
		for (const entry of entries) {
			const vendorError = failedVendors.get(String(entry.body.vendorId));
			if (vendorError) {
				entry.slot.json = errorJson(vendorError);
				continue;
			}
			const key = billKey(entry.body.vendorId, (entry.body.invoice as IDataObject).invoiceNumber);
			const existing = found.get(key);
			if (existing) {
				entry.slot.json = { ...existing, alreadyExisted: true };
				continue;
			}
			const first = firstOfKey.get(key);
			if (first) {
				repeats.push({ entry, of: first });
				continue;
			}
			firstOfKey.set(key, entry);
			toSend.push(entry);
		}
	}

	// 3. Send, 100 per request; a failed request fails its own bills only (or, where BILL names
	//    the bill it refused, that bill only: bill/bulk.ts).
	const failedChunks: FailedChunk[] = [];
	const sending = { continueOnFail, fromParameters: mode === 'items', failed: failedChunks };
	await mapWithConcurrency(chunk(toSend, BULK_MAX), BILL_MAX_CONCURRENT_REQUESTS, async (part) => {
		await sendBills(this, part, sending);
	});

	for (const entry of toSend) {
		if (entry.created)
			entry.slot.json = skipExisting ? { ...entry.created, alreadyExisted: false } : entry.created;
		else if (entry.error) {
			const failed = failedChunks.find((f) => f.entries.includes(entry));
			entry.slot.json = {
				...errorJson(entry.error),
				error: failed?.text ?? (entry.error as Error).message,
			};
		}
	}
	for (const { entry, of } of repeats) {
		if (of.created) entry.slot.json = { ...of.created, alreadyExisted: true };
		else {
			entry.error = of.error;
			entry.slot.json = {
				...errorJson(of.error),
				error: `Item ${of.slot.itemIndex} has the same vendor and invoice number and its bill was not created, so this one was not sent either: ${
					(of.error as Error)?.message ?? ''
				}`,
			};
		}
	}

	if (failedChunks.length && !continueOnFail) {
		const [first] = failedChunks;
		const error = first.error as Error & { context?: IDataObject; description?: string | null };
		const createdItems = toSend.filter((e) => e.created).map((e) => e.slot.itemIndex);
		error.message =
			failedChunks.length > 1
				? `${first.text} (and ${failedChunks.length - 1} more bulk requests failed)`
				: first.text;
		if (error.context) error.context.itemIndex ??= first.entries[0].slot.itemIndex;
		error.description = [
			error.description,
			createdItems.length
				? `The bills of ${itemRanges(createdItems)} were created. Run again with "Skip Existing Invoice Numbers" on to create only the missing bills, or turn on "Continue On Fail" to get one output item per bill.`
				: undefined,
		]
			.filter(Boolean)
			.join(' ');
		throw error;
	}

	const json = slots.map((slot) => slot.json ?? {});
	const out = simplify ? await simplifiedBills(this, 0, json) : json;
	return slots.map((slot, n) => ({ json: out[n], pairedItem: { item: slot.itemIndex } }));
}
