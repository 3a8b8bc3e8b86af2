/**
 * Reading 6: the Content-Type of a document upload.
 */
import { billCredentials, byId } from '../../../harness/bill';
import { billNode } from '../../../harness/bill';
import { runNode } from '../../../harness/context';
import { emulator, admin, useReadingsEmulator } from './setup';

useReadingsEmulator();

describe("6. document upload's Content-Type", () => {
	it("sends */* as BILL's Postman request does; the emulator takes application/octet-stream too", async () => {
		const billId = String((await admin.bill(await admin.vendor(), 120)).id);
		const content = Buffer.from('%PDF-1.4 test');
		const result = await runNode({
			node: billNode,
			credentials: billCredentials(emulator),
			parameters: { resource: 'document', operation: 'upload', billId: byId(billId) },
			items: [{}],
			binary: [
				{
					data: {
						data: content.toString('base64'),
						mimeType: 'application/pdf',
						fileName: 'invoice.pdf',
					},
				},
			],
		});
		expect(result.error).toBeUndefined();
		const uploads = [...emulator.state.documents.values()];
		expect(uploads.map((u) => u.contentType)).toEqual(['*/*']);

		const raw = await admin.call('POST', `/v3/documents/bills/${billId}?name=second.pdf`, content, {
			'Content-Type': 'application/octet-stream',
		});
		expect(raw.status).toBe(200);
	});
});
