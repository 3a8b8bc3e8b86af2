import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { asNodeError, billApiRequest, errorJson } from '../../../shared/transport';
import { billDownload } from '../../../shared/transport/download';
import { getPaymentId } from './body';
import { paymentIdField } from './descriptions';
import { PAYMENTS_PATH } from './paths';

const properties: INodeProperties[] = [
	{ ...paymentIdField, description: 'The BILL payment sent as a check (starts with stp)' },
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The output binary field each check image is put in',
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['payment'], operation: ['getCheckImage'] } },
	properties,
);

const EXTENSIONS: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/tiff': 'tif',
	'image/gif': 'gif',
	'application/pdf': 'pdf',
};

/**
 * `GET /v3/payments/{paymentId}/check-image` (Postman "Get check image data"), then each
 * `downloadLink` with the session header, as the request's description shows: one output item
 * per image (front, then back), its file in the chosen binary field. BILL has the images once
 * the vendor's bank processed the check; until then it lists none, and the payment's one item
 * says so (`checkImages: 0`) without a file. Runs over the items itself (binary output); with
 * "Continue On Fail" a failed item carries its error and the others go on.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const paymentId = getPaymentId(this, itemIndex);
			const field = String(
				this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '',
			).trim();
			if (!field) throw invalid(this, itemIndex, 'Put Output File in Field', 'is required');
			const answer = await billApiRequest.call(this, {
				method: 'GET',
				path: `${PAYMENTS_PATH}/${paymentId}/check-image`,
				itemIndex,
			});
			const links = (Array.isArray(answer.results) ? answer.results : [])
				.map((r) => String((r as { downloadLink?: unknown }).downloadLink ?? ''))
				.filter(Boolean);
			if (!links.length) {
				out.push({
					json: {
						paymentId,
						checkImages: 0,
						message:
							"BILL has no images of this check yet: they come once the vendor's bank processes it (BILL checks banks every 30 minutes)",
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			const images: INodeExecutionData[] = [];
			for (const [n, link] of links.entries()) {
				const file = await billDownload(this, link, itemIndex);
				// Postman "Get check image data": "the front and back images of the check".
				const side = links.length === 2 ? (n === 0 ? 'front' : 'back') : `image${n + 1}`;
				const extension =
					EXTENSIONS[
						String(file.mimeType ?? '')
							.split(';')[0]
							.trim()
					];
				const binary = await this.helpers.prepareBinaryData(
					file.content,
					`check-${paymentId}-${side}${extension ? `.${extension}` : ''}`,
					file.mimeType,
				);
				images.push({
					json: { paymentId, side, checkImages: links.length },
					binary: { [field]: binary },
					pairedItem: { item: itemIndex },
				});
			}
			out.push(...images);
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error);
			out.push({ json: errorJson(error), pairedItem: { item: itemIndex } });
		}
	}
	return out;
}
