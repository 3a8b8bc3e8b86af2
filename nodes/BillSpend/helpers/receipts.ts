import type { IExecuteFunctions } from 'n8n-workflow';

import { billApiError } from '../../shared/transport/errors';
import { putReceiptImage, spendApiRequest } from '../transport';
import { getString, invalid } from './validation';

/** BILL takes receipt images as JPG or PNG only (Postman "Create a transaction upload URL"). */
const IMAGE_TYPES: Record<string, string> = {
	'image/jpeg': 'image/jpeg',
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'image/png': 'image/png',
};
const BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
};

export interface ReceiptImage {
	data: Buffer;
	mimeType: string;
	fileName: string;
}

/** The receipt image of the item's binary field, checked before anything is sent. */
export async function receiptImage(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'binaryPropertyName',
): Promise<ReceiptImage> {
	const property = getString(context, itemIndex, name, 'Input Binary Field');
	let binary;
	try {
		binary = context.helpers.assertBinaryData(itemIndex, property);
	} catch {
		throw invalid(
			context,
			itemIndex,
			'Input Binary Field',
			`the item has no binary field "${property}"`,
			'Read the image first (e.g. with Read/Write Files from Disk or an HTTP Request that downloads it), and give the name of its binary field.',
		);
	}
	const extension = (binary.fileName ?? '').split('.').pop()?.toLowerCase() ?? '';
	const mimeType =
		IMAGE_TYPES[(binary.mimeType ?? '').toLowerCase()] ?? BY_EXTENSION[extension] ?? '';
	if (!mimeType) {
		throw invalid(
			context,
			itemIndex,
			'Input Binary Field',
			`"${binary.fileName ?? property}" is ${binary.mimeType || 'of an unknown type'}, not a JPG or PNG image`,
			'BILL Spend & Expense accepts receipts as JPG or PNG images only.',
		);
	}
	const data = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	if (!data.length) throw invalid(context, itemIndex, 'Input Binary Field', 'the file is empty');
	const fileName = binary.fileName || `receipt.${mimeType === 'image/png' ? 'png' : 'jpg'}`;
	return { data, mimeType, fileName };
}

/**
 * Uploads a receipt image the way BILL's receipt flow has it: ask for an upload URL (`path`,
 * e.g. Postman "Create a reimbursement upload URL"), PUT the image there; the URL is then
 * what the receipt call takes. Asking for a URL again is harmless, so it may be repeated.
 */
export async function uploadReceiptImage(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	image: ReceiptImage,
): Promise<string> {
	const { url } = (await spendApiRequest.call(context, {
		method: 'POST',
		path,
		repeatable: true,
		itemIndex,
	})) as { url?: string };
	if (!url)
		throw billApiError(context.getNode(), { message: 'BILL gave no upload URL' }, itemIndex);
	await putReceiptImage.call(context, url, image.data, image.mimeType, itemIndex);
	return url;
}
