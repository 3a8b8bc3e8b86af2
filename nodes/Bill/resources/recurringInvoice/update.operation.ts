import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { invoiceLineItemsField } from '../invoice/descriptions';
import { getInvoiceLineItems } from '../invoice/lineItems';
import { optionalRecurringBody, scheduleOf } from './body';
import { optionalRecurringFields, recurringInvoiceLocator, scheduleFields } from './descriptions';

const properties: INodeProperties[] = [
	recurringInvoiceLocator('The recurring invoice to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...optionalRecurringFields, ...scheduleFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	{
		...invoiceLineItemsField(true, false),
		description: 'Lines to change, each by its Line Item ID (a line without ID is added)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recurringInvoice'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/recurring-invoices/{id}`: the fields given change, for all future invoices. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(
		this,
		itemIndex,
		'recurringInvoiceId',
		'Recurring Invoice',
		ID_PREFIX.recurringInvoice,
	);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = optionalRecurringBody(this, itemIndex, fields);
	const schedule = scheduleOf(this, itemIndex, fields, false);
	if (Object.keys(schedule).length) body.schedule = schedule;
	const lines = getInvoiceLineItems(this, itemIndex, false, null);
	if (lines.length) body.recurringInvoiceLineItems = lines;
	if (!Object.keys(body).length)
		throw invalid(
			this,
			itemIndex,
			'Update Fields',
			'add at least one field or line item to change',
		);
	return await billApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/recurring-invoices/${id}`,
		body,
		itemIndex,
	});
}
