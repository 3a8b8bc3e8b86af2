import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { customerLocator } from '../customer/descriptions';
import { checkInvoiceNumber, optionalInvoiceBody } from './body';
import { checkCreditChange } from './credit';
import { invoiceLineItemsField, invoiceLocator, optionalInvoiceFields } from './descriptions';
import { getInvoiceLineItems } from './lineItems';

const properties: INodeProperties[] = [
	invoiceLocator('The invoice to replace'),
	customerLocator('The customer of the invoice'),
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		description: 'The invoice number the customer sees; unique per customer',
		type: 'string',
		default: '',
	},
	{
		...invoiceLineItemsField(true, true),
		description:
			'All lines of the invoice: a line with its Line Item ID is kept (with these values), a line without ID is added, and lines of the invoice not listed are removed',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalInvoiceFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['replace'] } },
	properties,
);

/**
 * `PUT /v3/invoices/{id}` (BILL's "Replace an invoice"): the whole invoice; lines without `id`
 * are added, lines of the invoice left out are removed. Same result when repeated.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = getId(this, itemIndex, 'invoiceId', 'Invoice', ID_PREFIX.invoice);
	const customerId = getId(this, itemIndex, 'customerId', 'Customer', ID_PREFIX.customer);
	const invoiceNumber = checkInvoiceNumber(
		this,
		itemIndex,
		this.getNodeParameter('invoiceNumber', itemIndex, ''),
	);
	const body: IDataObject = {
		customer: { id: customerId },
		invoiceLineItems: getInvoiceLineItems(this, itemIndex, true),
		...(invoiceNumber ? { invoiceNumber } : {}),
		...optionalInvoiceBody(
			this,
			itemIndex,
			this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		),
	};
	await checkCreditChange(this, itemIndex, invoiceId, body);
	return await billApiRequest.call(this, {
		method: 'PUT',
		path: `/v3/invoices/${invoiceId}`,
		body,
		itemIndex,
	});
}
