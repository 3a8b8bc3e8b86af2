import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { finishRepeats, readItems, sendAll, skipKnown } from '../../helpers/bulk';
import { billBodyFromParameters, billFromItem, billsFromJson } from './body';
import { billBulk, existingBills, keyOfBill } from './bulk';
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
 * `POST /v3/bills/bulk` in chunks of up to 100, up to BILL's 3 at a time, through the bulk
 * engine (helpers/bulk). Every item is checked before anything is sent. A chunk BILL refuses
 * fails as a whole (BILL's bulk is all or nothing), except the bills BILL names, which carry its
 * refusal while the others are sent again under "Continue On Fail"; the other chunks go on.
 * Output: one item per bill, paired with the input item it came from.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const mode = this.getNodeParameter('billsInput', 0, 'items') as string;
	const skipExisting = this.getNodeParameter('skipExisting', 0, true) as boolean;
	const simplify = wantsSimplified(this, 0);
	const reader = perItemReader(this, description);

	// 1. Check every item; with "Continue On Fail" a bad item gets its error and is not sent.
	const { slots, entries } = readItems(this, items, (itemIndex) =>
		(mode === 'itemJson'
			? billFromItem(this, itemIndex, items[itemIndex].json)
			: mode === 'json'
				? billsFromJson(this, itemIndex)
				: [billBodyFromParameters(reader, itemIndex, false)]
		).map((body) => ({ key: keyOfBill(body), body })),
	);

	// 2. Skip invoice numbers the vendors already have, and repeats within this run (the first
	//    one is sent; the others get its bill).
	const { toSend, repeats } =
		skipExisting && entries.length
			? skipKnown(entries, await existingBills(this, entries))
			: { toSend: entries, repeats: [] };

	// 3. Send, 100 per request.
	await sendAll(this, toSend, billBulk(this, { fromParameters: mode === 'items' }));
	finishRepeats(repeats, 'vendor and invoice number');

	const json = slots.map((slot) => slot.json ?? {});
	const out = simplify ? await simplifiedBills(this, 0, json) : json;
	return slots.map((slot, n) => ({ json: out[n], pairedItem: { item: slot.itemIndex } }));
}
