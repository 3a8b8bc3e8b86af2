import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { billApiError } from '../../shared/transport/errors';
import { putReceiptImage, spendApiRequest } from '../transport';
import { spendLocator } from './fields';
import { checkSpendId, getString, invalid } from './validation';

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

/** The object a receipt belongs to: a reimbursement or a card transaction. */
export interface ReceiptOwner {
	/** Its parameter, e.g. `reimbursementId`; also the key of the output. */
	parameter: string;
	/** Its name in errors, e.g. `Reimbursement`. */
	displayName: string;
	/** Its collection under `/v3/spend`, e.g. `reimbursements`. */
	collection: string;
}

/** The receipt of an owner: pick from the owner's receipts, or give its UUID. */
export const receiptLocator = (owner: string, searchListMethod: string): INodeProperties =>
	spendLocator({
		name: 'receiptId',
		displayName: 'Receipt',
		object: 'receipt',
		searchListMethod,
		description: `A receipt of the ${owner} (by file name), or its UUID (in the ${owner}'s receipts)`,
	});

/** `DELETE /v3/spend/{collection}/{ownerId}/receipts/{receiptId}`, both IDs checked first. */
export async function deleteReceipt(
	context: IExecuteFunctions,
	itemIndex: number,
	owner: ReceiptOwner,
): Promise<IDataObject> {
	const id = checkSpendId(
		context,
		itemIndex,
		owner.displayName,
		context.getNodeParameter(owner.parameter, itemIndex),
	);
	const receiptId = checkSpendId(
		context,
		itemIndex,
		'Receipt',
		context.getNodeParameter('receiptId', itemIndex),
	);
	await spendApiRequest.call(context, {
		method: 'DELETE',
		path: `/v3/spend/${owner.collection}/${encodeURIComponent(id)}/receipts/${encodeURIComponent(receiptId)}`,
		itemIndex,
	});
	return { [owner.parameter]: id, receiptId, deleted: true };
}
