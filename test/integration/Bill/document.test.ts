/**
 * Document resource against the emulator (issue 10): a file from n8n binary data is uploaded to a
 * bill (the emulator keeps the bytes), its upload status gives the document ID once BILL has
 * processed it, the bill lists it and its details can be read. Files BILL would refuse (none,
 * empty, over 6 MB, no name) are refused before sending; a lost upload answer is not re-sent.
 */
import type { IBinaryKeyData, IDataObject, INodeParameters } from 'n8n-workflow';

import { searchDocuments } from '../../../nodes/Bill/listSearch/documents';
import { startEmulator, type Emulator } from '../../../emulator';
import { UPLOAD_MS } from '../../../emulator/routes/documents';
import { billCredentials, billNode, byId } from '../../harness/bill';
import { loadOptionsContext, runNode, type RunResult } from '../../harness/context';
import { api, type Api } from './payment/setup';

let emulator: Emulator;
let admin: Api;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	admin = api(emulator);
});

const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n\u00ff\u0000binary',
	'latin1',
);

const file = (
	content: Buffer,
	fileName?: string,
	mimeType = 'application/pdf',
): IBinaryKeyData => ({
	data: { data: content.toString('base64'), mimeType, fileName },
});

async function run(
	parameters: INodeParameters,
	binary: Array<IBinaryKeyData | undefined> = [undefined],
	options: { continueOnFail?: boolean; items?: IDataObject[] } = {},
): Promise<RunResult> {
	return await runNode({
		node: billNode,
		parameters,
		credentials: billCredentials(emulator),
		items: options.items ?? binary.map(() => ({})),
		binary,
		continueOnFail: options.continueOnFail,
	});
}

async function ok(
	parameters: INodeParameters,
	binary: Array<IBinaryKeyData | undefined> = [{}],
): Promise<IDataObject[]> {
	const { output, error } = await run(parameters, binary);
	if (error) throw error;
	return output.map((o) => o.json);
}

const uploads = () => [...emulator.state.documents.values()];

describe('Document', () => {
	it('document: the document of Get, from the list of recent bills or a saved plain ID', async () => {
		const vendorId = await admin.vendor('Harbor Audio');
		const billId = String((await admin.bill(vendorId, 100, undefined, 'HA-77')).id);
		await admin.bill(vendorId, 50, undefined, 'HA-78');
		await ok({ resource: 'document', operation: 'upload', billId: byId(billId) }, [
			file(PDF, 'invoice-77.pdf'),
		]);
		emulator.clock.advance(UPLOAD_MS);
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'document', operation: 'get' },
			credentials: billCredentials(emulator),
		});
		const listed = await searchDocuments.call(context, 'HA-77');
		expect(listed.results).toEqual([
			{ name: '#HA-77 · Harbor Audio · invoice-77.pdf', value: expect.stringMatching(/^00h/) },
		]);
		expect((await searchDocuments.call(context, 'HA-78')).results).toEqual([]);
		const documentId = String(listed.results[0].value);
		for (const [shape, value] of [
			['saved plain string', documentId],
			[
				'picked from the list',
				{ __rl: true, mode: 'list', value: documentId, cachedResultName: 'x' },
			],
		] as const) {
			const [details] = await ok({ resource: 'document', operation: 'get', documentId: value });
			expect([shape, details.name]).toEqual([shape, 'invoice-77.pdf']);
		}
	});

	it("uploads a file from binary data to a bill, then status, list and details follow BILL's upload steps", async () => {
		const billId = String((await admin.bill(await admin.vendor(), 100)).id);
		const [uploaded] = await ok(
			{ resource: 'document', operation: 'upload', billId: byId(billId) },
			[file(PDF, 'invoice-1234.pdf')],
		);
		expect(uploaded).toMatchObject({
			billId,
			fileName: 'invoice-1234.pdf',
			name: 'invoice-1234.pdf',
			size: PDF.length,
		});
		expect(String(uploaded.uploadId)).toMatch(/^0du/);
		// The bytes arrived intact (binary, not text) and belong to the bill.
		expect(uploads()).toHaveLength(1);
		expect(uploads()[0].content.equals(PDF)).toBe(true);
		expect(uploads()[0].billId).toBe(billId);

		const status = {
			resource: 'document',
			operation: 'getUploadStatus',
			uploadIds: String(uploaded.uploadId),
		};
		expect(await ok(status)).toEqual([{ uploadId: uploaded.uploadId, status: 'IN_PROGRESS' }]);
		expect(
			await ok({
				resource: 'document',
				operation: 'getMany',
				billId: byId(billId),
				returnAll: true,
			}),
		).toEqual([]);

		emulator.clock.advance(UPLOAD_MS);
		const [done] = await ok(status);
		expect(done).toMatchObject({ uploadId: uploaded.uploadId, status: 'UPLOADED' });
		expect(String(done.documentId)).toMatch(/^00h/);

		const listed = await ok({
			resource: 'document',
			operation: 'getMany',
			billId: byId(billId),
			returnAll: true,
		});
		expect(listed).toEqual([
			expect.objectContaining({ id: done.documentId, name: 'invoice-1234.pdf', billId }),
		]);
		const [details] = await ok({
			resource: 'document',
			operation: 'get',
			documentId: String(done.documentId),
		});
		expect(details).toMatchObject({
			id: done.documentId,
			name: 'invoice-1234.pdf',
			downloadLink: expect.any(String),
		});
	});

	it("the File Name parameter replaces the binary file's name", async () => {
		const billId = String((await admin.bill(await admin.vendor(), 100)).id);
		await ok(
			{
				resource: 'document',
				operation: 'upload',
				billId: byId(billId),
				fileName: 'Harbor INV-7.pdf',
			},
			[file(PDF, 'scan0001.pdf')],
		);
		expect(uploads()[0].name).toBe('Harbor INV-7.pdf');
		expect(emulator.requests({ route: '/v3/documents/bills/:billId' })).toHaveLength(1);
	});

	it('refuses before sending: no binary field, an empty file, over 6 MB, a name without extension (Continue On Fail per item)', async () => {
		const billId = String((await admin.bill(await admin.vendor(), 100)).id);
		const before = emulator.log.length;
		const { output } = await run(
			{ resource: 'document', operation: 'upload', billId: byId(billId) },
			[
				undefined,
				file(Buffer.alloc(0), 'empty.pdf'),
				file(Buffer.alloc(6 * 1024 * 1024 + 1, 1), 'huge.pdf'),
				file(PDF, 'README'),
			],
			{ continueOnFail: true },
		);
		const errors = output.map((o) => String(o.json.error));
		expect(errors[0]).toMatch(/binary file 'data'/);
		expect(errors[1]).toBe('Input Binary Field: the file "empty.pdf" is empty [item 1]');
		expect(errors[2]).toMatch(
			/^Input Binary Field: the file "huge.pdf" has 6291457 bytes; BILL takes at most 6 MB \[item 2\]/,
		);
		expect(errors[3]).toMatch(/^File Name: "README" has no extension/);
		expect(emulator.log.slice(before).filter((e) => e.method === 'POST')).toEqual([]);
		expect(uploads()).toEqual([]);
	});

	it("an upload whose answer was lost is not sent again; the item says to check the bill's documents", async () => {
		const billId = String((await admin.bill(await admin.vendor(), 100)).id);
		emulator.addFault({
			kind: 'resetAfter',
			method: 'POST',
			path: `/v3/documents/bills/${billId}`,
		});
		const { output } = await run(
			{ resource: 'document', operation: 'upload', billId: byId(billId) },
			[file(PDF, 'a.pdf')],
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ outcomeUnknown: true });
		expect(String(output[0].json.hint)).toMatch(/Document → Get Many/);
		expect(uploads()).toHaveLength(1);
		expect(emulator.requests({ method: 'POST', route: /^\/v3\/documents\/bills/ })).toHaveLength(1);
	});

	it("BILL's refusals reach the user: an unknown bill, an unknown document", async () => {
		const { error } = await run(
			{ resource: 'document', operation: 'upload', billId: byId('00n02ABCDEFGHIJKLMNO') },
			[file(PDF, 'a.pdf')],
		);
		expect(error?.message).toMatch(/Bill not found/);
		const missing = await run({
			resource: 'document',
			operation: 'get',
			documentId: '00h02ABCDEFGHIJKLMNO',
		});
		expect(missing.error?.message).toMatch(/Document not found/);
		const badId = await run({
			resource: 'document',
			operation: 'getUploadStatus',
			uploadIds: '00h02ABCDEFGHIJKLMNO',
		});
		expect(badId.error?.message).toMatch(
			/^Upload IDs: .*must start with 0du|^Upload IDs: "00h02ABCDEFGHIJKLMNO" is not/,
		);
	});

	it("sends the file itself as the body (BILL's --data-binary), and the emulator also stores a multipart upload's file", async () => {
		const billId = String((await admin.bill(await admin.vendor(), 100)).id);
		await ok({ resource: 'document', operation: 'upload', billId: byId(billId) }, [
			file(PDF, 'raw.pdf'),
		]);
		const boundary = 'XyZboundary';
		const multipart = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="form.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
			),
			PDF,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		const sessionId = [...emulator.state.sessions.keys()][0];
		const response = await fetch(`${emulator.baseUrl}/v3/documents/bills/${billId}?name=form.pdf`, {
			method: 'POST',
			headers: {
				sessionId,
				devKey: emulator.fixtures.devKey,
				'Content-Type': `multipart/form-data; boundary=${boundary}`,
			},
			body: multipart,
		});
		expect(response.status).toBe(200);
		expect(uploads().map((u) => [u.name, u.content.equals(PDF)])).toEqual([
			['raw.pdf', true],
			['form.pdf', true],
		]);
	});
});
