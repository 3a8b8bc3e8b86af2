import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../../shared/operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getUploadStatus from './getUploadStatus.operation';
import * as upload from './upload.operation';

const operationSelector: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['document'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get an uploaded document: name, date and download link',
			action: 'Get a document',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the documents of a bill',
			action: 'Get many documents of a bill',
		},
		{
			name: 'Get Upload Status',
			value: 'getUploadStatus',
			description: 'Whether BILL has finished processing uploads, and their document IDs',
			action: 'Get the upload status of documents',
		},
		{
			name: 'Upload',
			value: 'upload',
			description:
				"Attach a file from binary data (at most 6 MB) to a bill, e.g. the vendor's invoice PDF",
			action: 'Upload a document to a bill',
		},
	],
	default: 'upload',
};

export const document: Resource = {
	displayName: 'Document',
	summary:
		"Files attached to bills: upload from binary data, list a bill's documents, details and upload status",
	description: [
		operationSelector,
		...upload.description,
		...getMany.description,
		...get.description,
		...getUploadStatus.description,
	],
	operations: { get, getMany, getUploadStatus, upload },
};
