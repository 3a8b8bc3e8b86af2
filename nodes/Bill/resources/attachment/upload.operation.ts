import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest, billApiRequestAllItems } from '../../../shared/transport';
import { parentFields, parentPath } from './descriptions';

/** BILL takes attachments of at most 6 MB (https://developer.bill.com/docs/documents-attachments). */
export const MAX_ATTACHMENT_BYTES = 6 * 1024 * 1024;

const properties: INodeProperties[] = [
	...parentFields('upload to'),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		description: "The input item's binary field that holds the file to upload",
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'contract.pdf',
		description: "The name BILL shows, with its extension; empty: the binary file's own name",
	},
	{
		displayName: 'Use as Invoice PDF',
		name: 'replaceInvoicePdf',
		type: 'boolean',
		default: false,
		description:
			'Whether this PDF replaces the invoice PDF BILL emails and shows on the payment link',
		displayOptions: { show: { parentType: ['invoice'] } },
	},
	{
		displayName: 'Skip Existing File Names',
		name: 'skipExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the attachment the object already has with this file name instead of uploading it again, so a re-run attaches nothing twice',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['upload'] } },
	properties,
);

/**
 * `POST /v3/attachments/{customers|invoices|vendors}/{id}?name=…` with the file itself as the
 * body (BILL's "Upload invoice attachment", "Upload vendor attachment", 200). The file is checked (present, not empty, at most
 * 6 MB) before anything is sent; an upload whose outcome is unknown is not repeated.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const parent = parentPath(this, itemIndex);
	const property = String(
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '',
	).trim();
	if (!property) throw invalid(this, itemIndex, 'Input Binary Field', 'is required');
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	const name =
		String(this.getNodeParameter('fileName', itemIndex, '') ?? '').trim() || binary.fileName || '';
	if (!/\.[A-Za-z0-9]{1,8}$/.test(name))
		throw invalid(
			this,
			itemIndex,
			'File Name',
			name ? `"${name.slice(0, 60)}" has no extension` : 'is required: the binary file has no name',
			'BILL wants the name with its extension, e.g. contract.pdf.',
		);
	const content = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	if (!content.length)
		throw invalid(this, itemIndex, 'Input Binary Field', `the file "${name}" is empty`);
	if (content.length > MAX_ATTACHMENT_BYTES)
		throw invalid(
			this,
			itemIndex,
			'Input Binary Field',
			`the file "${name}" has ${content.length} bytes; BILL takes at most 6 MB`,
		);
	const qs: IDataObject = { name };
	if (parent.type === 'invoice' && this.getNodeParameter('replaceInvoicePdf', itemIndex, false))
		qs.replaceInvoicePdf = true;
	if (this.getNodeParameter('skipExisting', itemIndex, true) as boolean) {
		const existing = await billApiRequestAllItems.call(
			this,
			{ method: 'GET', path: parent.path, itemIndex },
			{ returnAll: true },
		);
		const same = existing.find((a) => String(a.name).toLowerCase() === name.toLowerCase());
		if (same) return { ...same, alreadyExisted: true };
	}
	const answer = await billApiRequest.call(this, {
		method: 'POST',
		path: parent.path,
		qs,
		body: content as unknown as IDataObject,
		headers: { 'Content-Type': 'application/octet-stream' },
		itemIndex,
		uncertainHint: `Check the attachments (Attachment → Get Many) before uploading again: a repeat would attach "${name}" twice.`,
	});
	return { ...answer, alreadyExisted: false, size: content.length };
}
