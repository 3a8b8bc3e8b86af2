import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOnce } from '../../helpers/createOnce';
import { billApiRequest, billApiRequestAllItems } from '../../../shared/transport';
import { recurringBillBody, recurringKey } from './body';
import { recurringFields } from './descriptions';

const properties: INodeProperties[] = [
	...recurringFields(false),
	{
		displayName: 'Skip Existing',
		name: 'skipExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether to create nothing where the vendor already has an active recurring bill with the same description, schedule and total, returning it with alreadyExisted: true. Makes a re-run safe.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringBill'], operation: ['create'] } },
	properties,
);

/** The active recurring bills by vendor, description, schedule and total (all read; BILL filters this list by `id` only in its collection). */
async function activeRecurringBills(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<Map<string, IDataObject>> {
	const all = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: '/v3/recurringbills', itemIndex },
		{ returnAll: true },
	);
	const found = new Map<string, IDataObject>();
	for (const bill of all)
		if (bill.archived !== true && !found.has(recurringKey(bill)))
			found.set(recurringKey(bill), bill);
	return found;
}

/**
 * `POST /v3/recurringbills` → 201 (Postman "Create a recurring bill"). Not repeatable: a blind
 * repeat could make a second schedule, and so every bill twice; "Skip Existing" makes a re-run safe.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = recurringBillBody(this, itemIndex, false);
	const create = async () =>
		await billApiRequest.call(this, {
			method: 'POST',
			path: '/v3/recurringbills',
			body,
			itemIndex,
			uncertainHint:
				'Check the vendor\'s recurring bills in BILL (Recurring Bill → Get Many) before running it again, or run it again with "Skip Existing" on.',
		});
	if (!(this.getNodeParameter('skipExisting', itemIndex, true) as boolean)) return await create();
	return await createOnce(this, itemIndex, {
		scope: '/v3/recurringbills',
		load: async () => [...(await activeRecurringBills(this, itemIndex)).values()],
		keysOf: (bill) => [recurringKey(bill)],
		keys: [recurringKey(body)],
		create,
		parameter: 'Description',
		object: 'recurring bill',
	});
}
