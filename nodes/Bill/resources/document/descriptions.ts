import type { INodeProperties } from 'n8n-workflow';

/** A bill's documents (Postman folder "documents"): `${BILL_DOCUMENTS_PATH}/{billId}`. */
export const BILL_DOCUMENTS_PATH = '/v3/documents/bills';

/** BILL's limit for one document (Postman "Upload bill document"). */
export const MAX_DOCUMENT_BYTES = 6 * 1024 * 1024;

/**
 * A finished document's id starts with 00h; while BILL still processes an upload it has an upload
 * id starting with 0du (Postman "Upload bill document"; REFERENCE.md §8.8).
 */
export const DOCUMENT_ID_PREFIX = '00h';
export const UPLOAD_ID_PREFIX = '0du';

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
