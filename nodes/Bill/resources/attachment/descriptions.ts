// What the editor shows: which object's attachments (the parent), and an attachment by ID.

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { customerLocator } from '../customer/descriptions';
import { invoiceLocator } from '../invoice/descriptions';

/**
 * The objects BILL keeps attachments of, and their path under `/v3/attachments/`
 * (Postman "Upload customer attachment", "Upload invoice attachment"). A vendor's would be one
 * more line here.
 */
export const PARENTS: Record<
	string,
	{ path: string; label: string; prefix: string; parameter: string }
> = {
	customer: {
		path: 'customers',
		label: 'Customer',
		prefix: ID_PREFIX.customer,
		parameter: 'customerId',
	},
	invoice: {
		path: 'invoices',
		label: 'Invoice',
		prefix: ID_PREFIX.invoice,
		parameter: 'invoiceId',
	},
};

export const parentFields = (operation: string): INodeProperties[] => [
	{
		displayName: 'Attached To',
		name: 'parentType',
		description: 'Whether the file is attached to a customer or to an invoice',
		type: 'options',
		options: [
			{ name: 'Customer', value: 'customer' },
			{ name: 'Invoice', value: 'invoice' },
		],
		default: 'invoice',
	},
	{
		...customerLocator(`The customer whose attachments to ${operation}`),
		displayOptions: { show: { parentType: ['customer'] } },
	},
	{
		...invoiceLocator(`The invoice whose attachments to ${operation}`),
		displayOptions: { show: { parentType: ['invoice'] } },
	},
];

/** `/v3/attachments/customers/0cu…` or `/v3/attachments/invoices/00e…`, the parent's ID checked. */
export function parentPath(
	context: IExecuteFunctions,
	itemIndex: number,
): { path: string; type: string; id: string } {
	const type = context.getNodeParameter('parentType', itemIndex, 'invoice') as string;
	const parent = PARENTS[type] ?? PARENTS.invoice;
	const id = getId(context, itemIndex, parent.parameter, parent.label, parent.prefix);
	return { path: `/v3/attachments/${parent.path}/${id}`, type, id };
}

// BILL offers no list of all attachments to search, so an attachment is given by ID (from Get Many).
export const attachmentLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'attachmentId',
		displayName: 'Attachment',
		object: 'attachment',
		prefix: ID_PREFIX.attachment,
		description,
	});
