import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createOnce, matchKey } from '../../helpers/createOnce';
import { billApiRequestAllItems, billApiRequest } from '../../../shared/transport';
import { recurringInvoiceBody } from './body';
import { recurringInvoiceFields } from './recurringDescriptions';

const properties: INodeProperties[] = [
	...recurringInvoiceFields(false),
	{
		displayName: 'Skip Identical Recurring Invoices',
		name: 'skipExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the active recurring invoice the customer already has with the same period, frequency, next due date and description instead of creating a second one, so a re-run creates nothing twice. The output then has alreadyExisted: true.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['create'] } },
	properties,
);

/**
 * What makes two recurring invoices the same for a re-run: BILL gives them no number, so the
 * customer, the schedule's period, frequency and next due date, and the description.
 */
const sameKey = (recurring: IDataObject): string[] => {
	const schedule = (recurring.schedule ?? {}) as IDataObject;
	const key = matchKey(
		'recurring',
		[
			recurring.customerId,
			schedule.period,
			schedule.frequency,
			schedule.nextDueDate,
			recurring.description ?? '',
		]
			.map((part) => String(part ?? ''))
			.join('|'),
	);
	return key ? [key] : [];
};

/** `POST /v3/recurring-invoices` → 201 (BILL's "Create a recurring invoice"). Not repeatable. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = recurringInvoiceBody(this, itemIndex);
	const create = async () =>
		await billApiRequest.call(this, {
			method: 'POST',
			path: '/v3/recurring-invoices',
			body,
			itemIndex,
			uncertainHint:
				'Check the recurring invoices of the customer in BILL (Recurring Invoice → Get Many) before running it again, or run it again with "Skip Identical Recurring Invoices" on.',
		});
	if (!(this.getNodeParameter('skipExisting', itemIndex, true) as boolean)) return await create();
	return await createOnce(this, itemIndex, {
		// BILL documents no filterable fields of recurring invoices: all are read, once per run.
		scope: 'recurringInvoices',
		load: async () =>
			(
				await billApiRequestAllItems.call(
					this,
					{ method: 'GET', path: '/v3/recurring-invoices', itemIndex },
					{ returnAll: true },
				)
			).filter((recurring) => recurring.archived !== true),
		keysOf: sameKey,
		keys: sameKey(body),
		create,
		parameter: 'Schedule',
		object: 'recurring invoice',
	});
}
