/**
 * Bill documents (BILL's Postman folder "documents"): upload (200, `?name=` required, 6 MB at
 * most), the bill's documents, a document's details, and the upload status of upload ids.
 *
 * BILL answers an upload with a temporary id beginning `0du` while it processes the file and
 * gives the document an id beginning `00h` when done (Postman "Upload bill document"). The
 * emulator finishes an upload 60 seconds (emulator clock) after it arrives: until then its status
 * is IN_PROGRESS and it is not in the bill's list. The body is the file itself, as BILL's guide
 * and Postman request send it (`--data-binary`, application/octet-stream or `*\/*`); a
 * multipart/form-data body is taken too, its first file part being the file. No body at all is an
 * empty file: BILL's collection sends its example with no file, and what BILL answers to that is
 * not documented.
 */
import { errors } from '../errors';
import { listPage } from '../list';
import type { Emulator, RequestContext } from '../server';
import { newId, type Json } from '../state';

export const DOCUMENT_LIMIT_BYTES = 6 * 1024 * 1024;
export const UPLOAD_MS = 60_000;

/** The first file part of a multipart/form-data body: its bytes (and file name, if given). */
export function firstFilePart(
	contentType: string,
	body: Buffer,
): { content: Buffer; fileName?: string } | undefined {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	let start = body.indexOf(delimiter);
	while (start >= 0) {
		const headerStart = start + delimiter.length + 2;
		const headerEnd = body.indexOf('\r\n\r\n', headerStart);
		if (headerEnd < 0) return undefined;
		const next = body.indexOf(delimiter, headerEnd);
		if (next < 0) return undefined;
		const headers = body.subarray(headerStart, headerEnd).toString('utf8');
		if (/filename=/i.test(headers) || /name="file"/i.test(headers)) {
			const fileName = /filename="([^"]*)"/i.exec(headers)?.[1];
			return { content: body.subarray(headerEnd + 4, next - 2), fileName };
		}
		start = next;
	}
	return undefined;
}

function finish(context: RequestContext, upload: Json): void {
	if (
		upload.status === 'IN_PROGRESS' &&
		context.clock.ms() - Number(upload.receivedMs) >= UPLOAD_MS
	) {
		upload.status = 'UPLOADED';
		upload.documentId = newId('00h');
	}
}

function uploadsOf(context: RequestContext): Array<Json & { billId: string; content: Buffer }> {
	const all = [...context.state.documents.values()].filter(
		(d) => context.state.owner.get(String(d.uploadId)) === context.organization!.id,
	);
	for (const upload of all) finish(context, upload);
	return all;
}

/** The EICAR test string: a file holding it is scanned as INFECTED. */
const EICAR = 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE';

/**
 * https://developer.bill.com/changelog/2026-02-18-documents-api-improvements: `scanStatus` (NOT_SCANNED,
 * CLEAN, INFECTED, IN_QUEUE, REJECTED, UNDEFINED) and, for a CLEAN document, `numOfPages`. The
 * emulator scans at once: a PDF has as many pages as `/Type /Page` objects, any other file one.
 */
function scanned(upload: Json & { content?: Buffer }): Json {
	const text = upload.content ? upload.content.toString('latin1') : '';
	if (text.includes(EICAR)) return { scanStatus: 'INFECTED' };
	const pages = text.startsWith('%PDF') ? (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length : 1;
	return { scanStatus: 'CLEAN', numOfPages: Math.max(1, pages) };
}

const details = (context: RequestContext, upload: Json): Json => ({
	id: upload.documentId,
	name: upload.name,
	createdTime: upload.createdTime,
	downloadLink: `${context.emulator.baseUrl}/v3/documents/${String(upload.documentId)}/download`,
	...scanned(upload),
});

export function registerDocuments(emulator: Emulator): void {
	emulator.add('POST', '/v3/documents/bills/:billId', (context) => {
		const billId = context.params.billId;
		const bill = context.state.bills.get(billId);
		if (!bill || context.state.owner.get(billId) !== context.organization!.id)
			throw errors.notFound('Bill', billId);
		const name = context.query.name;
		if (!name || !name.trim())
			throw errors.invalid('name: must not be blank (the file name with its extension)');
		let content = Buffer.alloc(0);
		const type = String(context.headers['content-type'] ?? '');
		if (context.rawBody.length && type.toLowerCase().startsWith('multipart/')) {
			const part = firstFilePart(type, context.rawBody);
			if (!part) throw errors.invalid('file: the request has no file');
			content = Buffer.from(part.content);
		} else {
			// As BILL documents it: the body is the file itself (`--data-binary`).
			content = Buffer.from(context.rawBody);
		}
		if (content.length > DOCUMENT_LIMIT_BYTES)
			throw errors.invalid(`file: ${content.length} bytes is more than BILL's 6 MB limit`);
		const uploadId = newId('0du');
		const now = context.clock.timestamp();
		context.state.documents.set(uploadId, {
			uploadId,
			billId,
			name,
			createdTime: now,
			receivedMs: context.clock.ms(),
			status: 'IN_PROGRESS',
			content,
			// What the upload said it was: BILL's Postman request sends `*/*`, its guide a file as is.
			contentType: type,
		});
		context.state.owner.set(uploadId, context.organization!.id);
		return { body: { id: uploadId, name, createdTime: now } };
	});

	emulator.add('GET', '/v3/documents/bills/:billId', (context) => {
		const billId = context.params.billId;
		if (
			!context.state.bills.has(billId) ||
			context.state.owner.get(billId) !== context.organization!.id
		)
			throw errors.notFound('Bill', billId);
		const done = uploadsOf(context).filter((u) => u.billId === billId && u.status === 'UPLOADED');
		return {
			body: listPage(
				done.map((u) => details(context, u)),
				context.query,
				{ filterable: {}, sortable: [] },
			),
		};
	});

	emulator.add('GET', '/v3/documents/upload-status', (context) => {
		const ids = String(context.query.ids ?? '')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean);
		if (!ids.length) throw errors.invalid('ids: must not be blank');
		const uploads = uploadsOf(context);
		return {
			body: ids.map((id) => {
				const upload = uploads.find((u) => u.uploadId === id);
				if (!upload) throw errors.notFound('Document upload', id);
				const entry: Json = { uploadId: id, status: upload.status };
				if (upload.documentId) entry.documentId = upload.documentId;
				return entry;
			}),
		};
	});

	emulator.add('GET', '/v3/documents/:documentId', (context) => {
		const id = context.params.documentId;
		const upload = uploadsOf(context).find((u) => u.documentId === id);
		if (!upload) throw errors.notFound('Document', id);
		return { body: details(context, upload) };
	});
}
