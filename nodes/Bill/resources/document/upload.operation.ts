import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { billLocator } from '../bill/descriptions';
import { MAX_DOCUMENT_BYTES } from './body';
import { BILL_DOCUMENTS_PATH } from './paths';

const properties: INodeProperties[] = [
	billLocator('The bill to attach the document to'),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
		description:
			'The binary field of the input item that holds the file (e.g. from Read/Write Files from Disk or an email attachment)',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'invoice-1234.pdf',
		description: "The name BILL shows, with its extension; empty: the binary file's own name",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['upload'] } },
	properties,
);

/**
 * `POST /v3/documents/bills/{billId}?name=…` (200). BILL answers with an upload id (0du…) and
 * finishes the upload within minutes: Get Upload Status tells when, and gives the document ID.
 * The file is checked (present, not empty, at most 6 MB) before anything is sent. An upload is
 * not repeated when its outcome is unknown: it could attach the document twice.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const billId = getId(this, itemIndex, 'billId', 'Bill', ID_PREFIX.bill);
	const property = String(
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '',
	).trim();
	if (!property) throw invalid(this, itemIndex, 'Input Binary Field', 'is required');
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	const name =
		String(this.getNodeParameter('fileName', itemIndex, '') ?? '').trim() || binary.fileName || '';
	if (!name)
		throw invalid(
			this,
			itemIndex,
			'File Name',
			'is required: the binary file has no name',
			'Give the name with its extension, e.g. invoice-1234.pdf.',
		);
	if (!/\.[A-Za-z0-9]{1,8}$/.test(name)) {
		throw invalid(
			this,
			itemIndex,
			'File Name',
			`"${name.slice(0, 60)}" has no extension`,
			'BILL wants the name with its extension, e.g. invoice-1234.pdf.',
		);
	}
	const content = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	if (!content.length)
		throw invalid(this, itemIndex, 'Input Binary Field', `the file "${name}" is empty`);
	if (content.length > MAX_DOCUMENT_BYTES) {
		throw invalid(
			this,
			itemIndex,
			'Input Binary Field',
			`the file "${name}" has ${content.length} bytes; BILL takes at most 6 MB`,
		);
	}
	const answer = await billApiRequest.call(this, {
		method: 'POST',
		path: `${BILL_DOCUMENTS_PATH}/${billId}`,
		qs: { name },
		// The file itself is the body, with the Content-Type `*/*` of BILL's Postman request "Upload
		// bill document" (its guide sends the file with `--data-binary` too); billApiRequest passes
		// a Buffer through unchanged.
		body: content as unknown as IDataObject,
		headers: { 'Content-Type': '*/*' },
		itemIndex,
		uncertainHint: `Check the bill's documents (Document → Get Many) before uploading again: a repeat would attach "${name}" twice.`,
	});
	return { ...answer, billId, uploadId: answer.id, fileName: name, size: content.length };
}
