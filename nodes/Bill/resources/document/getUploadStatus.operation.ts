import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { splitList } from '../../helpers/filters';
import { checkId, invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { UPLOAD_ID_PREFIX } from './body';

const properties: INodeProperties[] = [
	{
		displayName: 'Upload IDs',
		name: 'uploadIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '0du02ABCDEFGHIJKLMNO',
		description: 'The upload IDs Document → Upload gave (start with 0du), separated by commas',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['getUploadStatus'] } },
	properties,
);

/**
 * `GET /v3/documents/upload-status?ids=…`: one item per upload, with its status (IN_PROGRESS,
 * UPLOADED…) and, once uploaded, the documentId (00h…) for Document → Get.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const ids = splitList(this.getNodeParameter('uploadIds', itemIndex, '')).map((id) =>
		checkId(this, itemIndex, 'Upload IDs', id, UPLOAD_ID_PREFIX),
	);
	if (!ids.length) throw invalid(this, itemIndex, 'Upload IDs', 'is required');
	const answer = (await billApiRequest.call(this, {
		method: 'GET',
		path: '/v3/documents/upload-status',
		qs: { ids: ids.join(',') },
		itemIndex,
	})) as unknown;
	return Array.isArray(answer) ? (answer as IDataObject[]) : [];
}
