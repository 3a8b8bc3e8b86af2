import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	finishRepeats,
	listRequest,
	readItems,
	sendAll,
	skipKnown,
	toOutput,
} from '../../helpers/bulk';
import { buildFilters } from '../../helpers/filters';
import { perItemReader } from '../../helpers/itemParameters';
import { billApiRequestAllItems } from '../../../shared/transport';
import { vendorFields, vendorFromItem } from './create.operation';

/** BILL creates up to 20 vendors a request, all or none (Postman "Create multiple vendors"). */
const VENDORS_PER_REQUEST = 20;

const show = { resource: ['vendor'], operation: ['createMany'] };

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, [
		...vendorFields,
		{
			displayName: 'Skip Existing Names',
			name: 'skipExisting',
			type: 'boolean',
			default: true,
			description:
				'Whether to create nothing where an active vendor already has the name (ignoring case), returning it with alreadyExisted: true. Makes a re-run safe.',
		},
		{
			displayName:
				'Each input item is one vendor. Vendors are sent 20 per request; BILL creates all of a request or none, so when it refuses one, the other vendors of the same 20 are not created either (with "Continue On Fail" each gets an error item; the other requests go on).',
			name: 'bulkNotice',
			type: 'notice',
			default: '',
		},
	]),
];

const nameKey = (vendor: IDataObject) =>
	String(vendor.name ?? '')
		.trim()
		.replace(/\s+/g, ' ')
		.toLowerCase();

/**
 * `POST /v3/vendors/bulk` → 201 `{ vendors }`, 20 a request, up to BILL's 3 at a time; every item
 * is checked before anything is sent. Not repeatable; "Skip Existing Names" reads the active
 * vendors once and sends only the missing ones, so a re-run creates nothing twice.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const reader = perItemReader(this, description);
	const { slots, entries } = readItems(this, items, (itemIndex) => {
		const body = vendorFromItem(reader, itemIndex);
		return [{ key: nameKey(body), body }];
	});
	let found = new Map<string, IDataObject>();
	if (this.getNodeParameter('skipExisting', 0, true) && entries.length) {
		const vendors = await billApiRequestAllItems.call(
			this,
			{
				method: 'GET',
				path: '/v3/vendors',
				qs: { filters: buildFilters([{ field: 'archived', op: 'eq', value: false }]) },
				itemIndex: entries[0].slot.itemIndex,
			},
			{ returnAll: true },
		);
		found = new Map(vendors.map((v) => [nameKey(v), v]));
	}
	const { toSend, repeats } = skipKnown(entries, found);
	await sendAll(this, toSend, {
		plural: 'vendors',
		answerKey: 'vendors',
		what: 'create',
		size: VENDORS_PER_REQUEST,
		allOrNone: true,
		again:
			'Run again with "Skip Existing Names" on to create only the missing vendors, or turn on "Continue On Fail" to get one output item per vendor.',
		matchKey: nameKey,
		send: listRequest(this, {
			method: 'POST',
			path: '/v3/vendors/bulk',
			hint: () =>
				'Search the vendors for these names before running it again (Vendor → Get Many, Name Starts With), or run it again with "Skip Existing Names" on.',
		}),
	});
	finishRepeats(repeats, 'name');
	return toOutput(slots);
}
