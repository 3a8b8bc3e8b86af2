import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as deleteOperation from './delete.operation';
import * as download from './download.operation';
import * as getMany from './getMany.operation';
import * as upload from './upload.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['attachment'] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete an attachment of a customer, invoice or vendor, for good',
			action: 'Delete an attachment',
		},
		{
			name: 'Download',
			value: 'download',
			description: 'Download an attachment as a file (n8n binary data)',
			action: 'Download an attachment',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the attachments of a customer, an invoice or a vendor',
			action: 'Get many attachments',
		},
		{
			name: 'Upload',
			value: 'upload',
			description:
				'Attach a file (n8n binary data, at most 6 MB) to a customer, an invoice or a vendor, e.g. a contract or a W-9, or the PDF BILL sends as the invoice',
			action: 'Upload an attachment',
		},
	],
	default: 'getMany',
};

export const attachment: Resource = {
	displayName: 'Attachment',
	summary: 'Files attached to customers, invoices and vendors: upload, list, download, delete',
	description: [
		operationSelector,
		...upload.description,
		...getMany.description,
		...download.description,
		...deleteOperation.description,
	],
	operations: { delete: deleteOperation, download, getMany, upload },
};
