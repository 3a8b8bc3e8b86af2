// What the editor shows: the document parameters several operations share.

import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';

export const documentIdField: INodeProperties = idLocator({
	name: 'documentId',
	displayName: 'Document',
	object: 'document',
	prefix: '00h',
	searchListMethod: 'searchDocuments',
	description:
		'An uploaded document, from the list of documents of recent bills (search by invoice number, vendor or file name), or its ID (Get Upload Status gives it once BILL has processed the upload)',
});
