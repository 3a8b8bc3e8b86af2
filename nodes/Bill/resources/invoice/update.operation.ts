import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { optionalInvoiceBody } from './body';
import { checkCreditChange } from './credit';
import { invoiceLineItemsField, invoiceLocator, optionalInvoiceFields } from './descriptions';
import { getInvoiceLineItems } from './lineItems';

const properties: INodeProperties[] = [
	invoiceLocator('The invoice to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...optionalInvoiceFields,
				{
					displayName: 'Invoice Number',
					name: 'invoiceNumber',
					description: 'The invoice number the customer sees; unique per customer',
					type: 'string',
					default: '',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		...invoiceLineItemsField(true, false),
		description:
			'Lines to change, each by its Line Item ID (lines not given stay as they are; a line without ID is added)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['update'] } },
	properties,
);

/** `PATCH /v3/invoices/{id}`: the fields given change; line items keep their ids (BILL's "Update an invoice"). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = getId(this, itemIndex, 'invoiceId', 'Invoice', ID_PREFIX.invoice);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = optionalInvoiceBody(this, itemIndex, fields);
	const lines = getInvoiceLineItems(this, itemIndex, false);
	if (lines.length) body.invoiceLineItems = lines;
	const invoice = await checkCreditChange(this, itemIndex, invoiceId, body);
	// Only the credit was asked for, and the invoice carries it already: nothing to change.
	if (invoice && !Object.keys(body).length) return invoice;
	if (!Object.keys(body).length)
		throw invalid(
			this,
			itemIndex,
			'Update Fields',
			'add at least one field or line item to change',
		);
	return await billApiRequest.call(this, {
		method: 'PATCH',
		path: `/v3/invoices/${invoiceId}`,
		body,
		itemIndex,
	});
}
