import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { DOCUMENT_ID_PREFIX } from './body';
import { documentIdField } from './descriptions';

const properties: INodeProperties[] = [documentIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['get'] } },
	properties,
);

/** `GET /v3/documents/{documentId}`: name, createdTime and downloadLink (needs the session header). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const documentId = checkId(
		this,
		itemIndex,
		'Document',
		this.getNodeParameter('documentId', itemIndex, '', { extractValue: true }),
		DOCUMENT_ID_PREFIX,
	);
	return await billApiRequest.call(this, {
		method: 'GET',
		path: `/v3/documents/${documentId}`,
		itemIndex,
	});
}
