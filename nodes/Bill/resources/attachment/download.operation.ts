import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ID_PREFIX, getId, invalid } from '../../helpers/validation';
import { asNodeError, billApiRequest, errorJson } from '../../../shared/transport';
import { billDownload } from '../../../shared/transport/download';
import { attachmentLocator } from './descriptions';

const properties: INodeProperties[] = [
	attachmentLocator('The attachment to download'),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		description: "The input item's binary field that holds the file to upload",
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['download'] } },
	properties,
);

/**
 * `GET /v3/attachments/{id}` (BILL's "Get attachment details") for its `downloadLink`, then the
 * file itself, as n8n binary data in the output item (so this operation runs over the items
 * itself: the router's item operations output JSON only). One item at a time; with "Continue On
 * Fail" a failed item carries its error and the others go on.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const id = getId(this, itemIndex, 'attachmentId', 'Attachment', ID_PREFIX.attachment);
			const field = String(
				this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '',
			).trim();
			if (!field) throw invalid(this, itemIndex, 'Put Output File in Field', 'is required');
			const details = await billApiRequest.call(this, {
				method: 'GET',
				path: `/v3/attachments/${id}`,
				itemIndex,
			});
			if (!details.downloadLink)
				throw invalid(
					this,
					itemIndex,
					'Attachment',
					`BILL gave no download link for ${id} (it may still be processing)`,
					'Try again in a few minutes.',
				);
			const file = await billDownload(this, String(details.downloadLink), itemIndex);
			const binary = await this.helpers.prepareBinaryData(
				file.content,
				String(details.name ?? id),
				file.mimeType,
			);
			out.push({ json: details, binary: { [field]: binary }, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error);
			out.push({ json: errorJson(error), pairedItem: { item: itemIndex } });
		}
	}
	return out;
}
