/**
 * Attachments of customers, invoices and vendors against the emulator: upload from n8n binary data (the
 * raw file as the body, 6 MB refused unsent), a re-run attaching nothing twice, list, download as
 * binary data, delete.
 */
import type { IBinaryKeyData, IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { receivables } from '../../../emulator/receivables';
import { seedVendor } from '../../../emulator/routes/bills';
import { billCredentials, billNode, byId, expr, runBillOk } from '../../harness/bill';
import { runNode, type CredentialStore, type RunResult } from '../../harness/context';

let emulator: Emulator;
let credentials: CredentialStore;
let customerId: string;
let invoiceId: string;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(async () => {
	emulator.reset();
	credentials = billCredentials(emulator);
	const [invoice] = await runBillOk(credentials, {
		resource: 'invoice',
		operation: 'create',
		customerMode: 'new',
		customerName: 'Paperless Band',
		customerEmail: 'ap@paperless.example',
		invoiceNumber: 'INV-1',
		lineItems: { item: [{ description: 'Sticks', quantity: 1, price: 10 }] },
	});
	invoiceId = String(invoice.id);
	customerId = String(invoice.customerId);
});

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n\u00ff\u0000binary', 'latin1');
const file = (content: Buffer, fileName?: string): IBinaryKeyData => ({
	data: { data: content.toString('base64'), mimeType: 'application/pdf', fileName },
});
const run = async (
	parameters: INodeParameters,
	binary: Array<IBinaryKeyData | undefined> = [undefined],
	continueOnFail = false,
): Promise<RunResult> =>
	await runNode({
		node: billNode,
		parameters,
		credentials,
		items: binary.map(() => ({})),
		binary,
		continueOnFail,
	});
const ok = async (parameters: INodeParameters, binary?: Array<IBinaryKeyData | undefined>) => {
	const { output, error } = await run(parameters, binary);
	if (error) throw error;
	return output;
};
const stored = () => [...receivables(emulator.state).attachments.values()] as IDataObject[];

describe('Attachment', () => {
	it('uploads a file to an invoice as the raw body, lists, downloads it as binary data and deletes it', async () => {
		const upload = {
			resource: 'attachment',
			operation: 'upload',
			parentType: 'invoice',
			invoiceId: byId(invoiceId),
			replaceInvoicePdf: true,
		};
		const [first] = await ok(upload, [file(PDF, 'invoice.pdf')]);
		expect(first.json).toMatchObject({
			name: 'invoice.pdf',
			alreadyExisted: false,
			size: PDF.length,
		});
		expect(String(first.json.id)).toMatch(/^att/);
		expect((stored()[0].content as Buffer).equals(PDF)).toBe(true);
		// A re-run attaches nothing twice.
		const [again] = await ok(upload, [file(PDF, 'invoice.pdf')]);
		expect(again.json).toMatchObject({ id: first.json.id, alreadyExisted: true });
		expect(stored()).toHaveLength(1);
		const list = await ok({
			resource: 'attachment',
			operation: 'getMany',
			parentType: 'invoice',
			invoiceId: byId(invoiceId),
			returnAll: true,
		});
		expect(list.map((i) => i.json.id)).toEqual([first.json.id]);
		const [download] = await ok({
			resource: 'attachment',
			operation: 'download',
			attachmentId: byId(String(first.json.id)),
			binaryPropertyName: 'file',
		});
		expect(download.json.name).toBe('invoice.pdf');
		expect(download.binary?.file?.fileName).toBe('invoice.pdf');
		// The emulator serves the bytes as application/octet-stream: the type comes from the name.
		expect(download.binary?.file?.mimeType).toBe('application/pdf');
		expect(Buffer.from(String(download.binary?.file?.data), 'base64').equals(PDF)).toBe(true);
		const [deleted] = await ok({
			resource: 'attachment',
			operation: 'delete',
			attachmentId: byId(String(first.json.id)),
		});
		expect(deleted.json).toMatchObject({ deleted: true, status: 'SUCCESS' });
		expect(stored()).toHaveLength(0);
	});

	it("attaches a file to a customer; the customer's list has it", async () => {
		await ok(
			{
				resource: 'attachment',
				operation: 'upload',
				parentType: 'customer',
				customerId: byId(customerId),
				fileName: 'contract.pdf',
			},
			[file(PDF)],
		);
		const list = await ok({
			resource: 'attachment',
			operation: 'getMany',
			parentType: 'customer',
			customerId: byId(customerId),
			returnAll: false,
			limit: 10,
		});
		expect(list.map((i) => i.json.name)).toEqual(['contract.pdf']);
	});

	it("attaches a vendor's W-9 as the raw body, once on a re-run; lists, downloads and deletes it", async () => {
		const vendorId = seedVendor(emulator, 'Paper Supplies Co');
		const upload = {
			resource: 'attachment',
			operation: 'upload',
			parentType: 'vendor',
			vendorId: byId(vendorId),
			fileName: 'w9.pdf',
		};
		const before = emulator.log.length;
		const [first] = await ok(upload, [file(PDF)]);
		const sent = emulator.log
			.slice(before)
			.find((r) => r.method === 'POST' && r.route.startsWith('/v3/attachments/'));
		expect(sent).toMatchObject({ path: `/v3/attachments/vendors/${vendorId}`, status: 200 });
		expect(first.json).toMatchObject({ name: 'w9.pdf', alreadyExisted: false, size: PDF.length });
		expect(stored()).toHaveLength(1);
		expect(stored()[0]).toMatchObject({ parent: `vendors/${vendorId}` });
		expect((stored()[0].content as Buffer).equals(PDF)).toBe(true);
		const [again] = await ok(upload, [file(PDF)]);
		expect(again.json).toMatchObject({ id: first.json.id, alreadyExisted: true });
		expect(stored()).toHaveLength(1);
		const list = await ok({
			resource: 'attachment',
			operation: 'getMany',
			parentType: 'vendor',
			vendorId: byId(vendorId),
			returnAll: true,
		});
		expect(list.map((i) => i.json.name)).toEqual(['w9.pdf']);
		// The vendor's list holds only its own files: the invoice's are elsewhere.
		await ok({ ...upload, parentType: 'invoice', invoiceId: byId(invoiceId) }, [file(PDF)]);
		const still = await ok({
			resource: 'attachment',
			operation: 'getMany',
			parentType: 'vendor',
			vendorId: byId(vendorId),
			returnAll: true,
		});
		expect(still).toHaveLength(1);
		const [download] = await ok({
			resource: 'attachment',
			operation: 'download',
			attachmentId: byId(String(first.json.id)),
		});
		expect(Buffer.from(String(download.binary?.data?.data), 'base64').equals(PDF)).toBe(true);
		await ok({
			resource: 'attachment',
			operation: 'delete',
			attachmentId: byId(String(first.json.id)),
		});
		expect(stored().map((f) => f.parent)).toEqual([`invoices/${invoiceId}`]);
	});

	it('refuses a vendor file over 6 MB and a vendor ID that is not one, before sending', async () => {
		const vendorId = seedVendor(emulator, 'Paper Supplies Co');
		const before = emulator.log.length;
		const big = await run(
			{
				resource: 'attachment',
				operation: 'upload',
				parentType: 'vendor',
				vendorId: byId(vendorId),
			},
			[file(Buffer.alloc(6 * 1024 * 1024 + 1, 1), 'big.pdf')],
		);
		expect(big.error?.message).toMatch(/Input Binary Field: .*BILL takes at most 6 MB \[item 0\]/);
		const wrong = await run({
			resource: 'attachment',
			operation: 'getMany',
			parentType: 'vendor',
			vendorId: byId(expr(customerId)),
			returnAll: true,
		});
		expect(wrong.error?.message).toMatch(/Vendor: .* is not a BILL vendor/);
		expect(emulator.log.slice(before).filter((r) => r.route !== '/v3/login')).toHaveLength(0);
		// BILL's own refusal of an unknown vendor reaches the user with BILL's code.
		const unknown = await run({
			resource: 'attachment',
			operation: 'getMany',
			parentType: 'vendor',
			vendorId: byId('00902ABCDEFGHIJKLMNO'),
			returnAll: true,
		});
		expect(unknown.error?.message).toMatch(/BDC_1121|not found/i);
	});

	it('refuses a file over 6 MB, an empty file and a name without extension before sending', async () => {
		const before = emulator.log.length;
		const upload = {
			resource: 'attachment',
			operation: 'upload',
			parentType: 'invoice',
			invoiceId: byId(invoiceId),
		};
		const cases: Array<[IBinaryKeyData, RegExp]> = [
			[
				file(Buffer.alloc(6 * 1024 * 1024 + 1, 1), 'big.pdf'),
				/Input Binary Field: the file "big.pdf" has 6291457 bytes; BILL takes at most 6 MB \[item 0\]/,
			],
			[file(Buffer.alloc(0), 'empty.pdf'), /Input Binary Field: the file "empty.pdf" is empty/],
			[file(PDF, 'noextension'), /File Name: "noextension" has no extension/],
		];
		for (const [binary, message] of cases) {
			const { error } = await run(upload, [binary]);
			expect(error?.message).toMatch(message);
		}
		const { error } = await run({
			resource: 'attachment',
			operation: 'download',
			attachmentId: byId(expr('00e02ABCDEFGHIJKLMNO')),
		});
		expect(error?.message).toMatch(/Attachment: .* is not a BILL attachment/);
		expect(emulator.log.slice(before).filter((r) => r.route !== '/v3/login')).toHaveLength(0);
	});

	it('with Continue On Fail, a download BILL refuses carries its error and the others go on', async () => {
		const [uploaded] = await ok(
			{
				resource: 'attachment',
				operation: 'upload',
				parentType: 'invoice',
				invoiceId: byId(invoiceId),
			},
			[file(PDF, 'a.pdf')],
		);
		const result = await runNode({
			node: billNode,
			parameters: {
				resource: 'attachment',
				operation: 'download',
				attachmentId: byId('={{ $json.id }}'),
				binaryPropertyName: 'data',
			},
			credentials,
			items: [{ id: 'att02ABCDEFGHIJKLMNO' }, { id: uploaded.json.id }],
			continueOnFail: true,
		});
		expect(result.output[0].json).toMatchObject({ code: 'BDC_1121', httpCode: '404' });
		expect(result.output[1].binary?.data).toBeDefined();
	});

	it('does not follow a download link to another host (the session would go with it)', async () => {
		const [uploaded] = await ok(
			{
				resource: 'attachment',
				operation: 'upload',
				parentType: 'invoice',
				invoiceId: byId(invoiceId),
			},
			[file(PDF, 'a.pdf')],
		);
		stored()[0].downloadLink = 'https://files.elsewhere.example/a.pdf';
		const { error } = await run({
			resource: 'attachment',
			operation: 'download',
			attachmentId: byId(String(uploaded.json.id)),
		});
		expect(error?.message).toMatch(
			/points to https:\/\/files.elsewhere.example, not to BILL's host: it was not followed/,
		);
	});
});
