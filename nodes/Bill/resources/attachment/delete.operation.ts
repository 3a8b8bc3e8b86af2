import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import { attachmentLocator } from './descriptions';

const properties: INodeProperties[] = [attachmentLocator('The attachment to delete (for good)')];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['delete'] } },
	properties,
);

/**
 * `DELETE /v3/attachments/{id}` (BILL's "Delete an attachment") → `{status: "SUCCESS"}`; permanent.
 * Not repeated after a lost answer: a repeat of a delete that happened gets "not found".
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = getId(this, itemIndex, 'attachmentId', 'Attachment', ID_PREFIX.attachment);
	const answer = await billApiRequest.call(this, {
		method: 'DELETE',
		path: `/v3/attachments/${id}`,
		repeatable: false,
		itemIndex,
		uncertainHint: 'Check whether the attachment is still listed (Attachment → Get Many).',
	});
	return { id, deleted: true, ...answer };
}
