/**
 * Smaller 2026 fields (issue 27 §6) in the node's outputs: vendor `transferMethod`, document
 * `scanStatus` and `numOfPages`, vendor bank account `status`.
 */
import type { IBinaryKeyData } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../emulator';
import { UPLOAD_MS } from '../../../emulator/routes/documents';
import { billCredentials, billNode, byId, runBillOk } from '../../harness/bill';
import { runNode } from '../../harness/context';
import { api } from './payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const pdf = (pages: number) =>
	Buffer.from(
		`%PDF-1.4\n1 0 obj << /Type /Pages /Count ${pages} >> endobj\n${Array.from(
			{ length: pages },
			(_, n) => `${n + 2} 0 obj << /Type /Page >> endobj\n`,
		).join('')}%%EOF\n`,
		'latin1',
	);

async function documentOf(content: Buffer, fileName: string) {
	const admin = api(emulator);
	const billId = String((await admin.bill(await admin.vendor(), 100)).id);
	const binary: IBinaryKeyData = {
		data: { data: content.toString('base64'), mimeType: 'application/pdf', fileName },
	};
	const upload = await runNode({
		node: billNode,
		parameters: { resource: 'document', operation: 'upload', billId: byId(billId) },
		credentials: billCredentials(emulator),
		items: [{}],
		binary: [binary],
	});
	if (upload.error) throw upload.error;
	emulator.clock.advance(UPLOAD_MS);
	const documents = await runBillOk(billCredentials(emulator), {
		resource: 'document',
		operation: 'getMany',
		billId: byId(billId),
		returnAll: true,
	});
	const [details] = await runBillOk(billCredentials(emulator), {
		resource: 'document',
		operation: 'get',
		documentId: byId(String(documents[0].id)),
	});
	return { listed: documents[0], details };
}

describe('2026 fields in outputs', () => {
	it('documents carry scanStatus and, when CLEAN, numOfPages (Get and Get Many)', async () => {
		const clean = await documentOf(pdf(3), 'three-pages.pdf');
		for (const shown of [clean.listed, clean.details])
			expect(shown).toMatchObject({ scanStatus: 'CLEAN', numOfPages: 3 });
		const infected = await documentOf(
			Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'),
			'eicar.pdf',
		);
		expect(infected.details.scanStatus).toBe('INFECTED');
		expect(infected.details.numOfPages).toBeUndefined();
	});

	it('a vendor paid by several methods shows its transferMethod, also in the simplified output', async () => {
		const admin = api(emulator);
		const created = await admin.call('POST', '/v3/vendors', {
			name: 'Kobenhavn Strings',
			accountType: 'BUSINESS',
			email: 'ap@strings.example',
			address: { line1: '1 Nyhavn', city: 'Copenhagen', country: 'DK' },
			paymentInformation: { payByType: 'ACH', payBySubType: 'MULTIPLE' },
		});
		const vendorId = String(created.data.id);
		const [got] = await runBillOk(billCredentials(emulator), {
			resource: 'vendor',
			operation: 'get',
			vendorId: byId(vendorId),
		});
		expect(got.transferMethod).toBe('LOCAL');
		const [simple] = await runBillOk(billCredentials(emulator), {
			resource: 'vendor',
			operation: 'update',
			vendorId: byId(vendorId),
			updateFields: { phone: '4155550100' },
			simplify: true,
		});
		expect(simple).toMatchObject({ id: vendorId, transferMethod: 'LOCAL' });
		const domestic = await admin.vendor('Plain Vendor');
		const [plain] = await runBillOk(billCredentials(emulator), {
			resource: 'vendor',
			operation: 'update',
			vendorId: byId(domestic),
			updateFields: { phone: '4155550100' },
			simplify: true,
		});
		expect(plain).not.toHaveProperty('transferMethod');
	});

	it("a vendor's bank account shows its verification status", async () => {
		const vendorId = await api(emulator).vendor();
		const [set] = await runBillOk(billCredentials(emulator), {
			resource: 'vendor',
			operation: 'setBankAccount',
			vendorId: byId(vendorId),
			nameOnAccount: 'Drum Supply Co',
			routingNumber: '074000010',
			accountNumber: '123456789012',
			type: 'CHECKING',
			ownerType: 'BUSINESS',
			paymentCurrency: 'usd',
		});
		expect(set).toMatchObject({ vendorId, status: 'PENDING', accountNumberLast4: '9012' });
	});
});
