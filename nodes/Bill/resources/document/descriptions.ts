// What the editor shows: the document parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

export const documentIdField: INodeProperties = {
	displayName: 'Document ID',
	name: 'documentId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '00h02ABCDEFGHIJKLMNO',
	description:
		'The ID of an uploaded document (starts with 00h; Get Upload Status gives it once BILL has processed the upload)',
};
