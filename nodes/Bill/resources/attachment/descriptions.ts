// What the editor shows: which object's attachments (the owner), and an attachment by ID.

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
import { ID_PREFIX, getId } from '../../helpers/validation';
import { customerLocator } from '../customer/descriptions';
import { invoiceLocator } from '../invoice/descriptions';
import { vendorLocator } from '../vendor/descriptions';

interface Owner {
	/** Under `/v3/attachments/`. */
	path: string;
	label: string;
	prefix: string;
	parameter: string;
	locator: (description: string) => INodeProperties;
}

/**
 * The objects BILL keeps attachments of, and their path under `/v3/attachments/` (Postman
 * "Upload customer attachment", "Upload invoice attachment", "Upload vendor attachment"; the
 * list, upload and delete calls are the same for each). Another owner is one more entry here
 * (and one in the emulator's routes/attachments.ts).
 */
export const OWNERS: Record<string, Owner> = {
	customer: {
		path: 'customers',
		label: 'Customer',
		prefix: ID_PREFIX.customer,
		parameter: 'customerId',
		locator: customerLocator,
	},
	invoice: {
		path: 'invoices',
		label: 'Invoice',
		prefix: ID_PREFIX.invoice,
		parameter: 'invoiceId',
		locator: invoiceLocator,
	},
	vendor: {
		path: 'vendors',
		label: 'Vendor',
		prefix: ID_PREFIX.vendor,
		parameter: 'vendorId',
		locator: vendorLocator,
	},
};

export const parentFields = (operation: string): INodeProperties[] => [
	{
		displayName: 'Attached To',
		name: 'parentType',
		description: 'Whether the file is attached to a customer, an invoice or a vendor',
		type: 'options',
		options: Object.entries(OWNERS).map(([value, owner]) => ({ name: owner.label, value })),
		default: 'invoice',
	},
	...Object.entries(OWNERS).map(([value, owner]) => ({
		...owner.locator(`The ${value} whose attachments to ${operation}`),
		displayOptions: { show: { parentType: [value] } },
	})),
];

/** `/v3/attachments/{customers|invoices|vendors}/{id}`, the owner's ID checked. */
export function parentPath(
	context: IExecuteFunctions,
	itemIndex: number,
): { path: string; type: string; id: string } {
	const type = context.getNodeParameter('parentType', itemIndex, 'invoice') as string;
	const owner = OWNERS[type] ?? OWNERS.invoice;
	const id = getId(context, itemIndex, owner.parameter, owner.label, owner.prefix);
	return { path: `/v3/attachments/${owner.path}/${id}`, type, id };
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
