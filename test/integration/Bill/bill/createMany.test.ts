/**
 * Bill → Create Many against the emulator: chunks of 100 through POST /v3/bills/bulk, BILL's
 * all-or-nothing per chunk, a lost answer that must not be re-sent, and re-runs that create
 * nothing twice.
 */
import axios from 'axios';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { seedVendor } from '../../../../emulator/routes/bills';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const vendor = (name: string) => seedVendor(emulator, name);

/** A vendor id of the right shape that BILL does not know: only BILL can refuse it. */
const UNKNOWN_VENDOR = '00902NOSUCHVENDOR000';

/** One bill per input item: the item's json carries vendor and invoice number (as a spreadsheet row would). */
const perItem = (_i: number, json: IDataObject): INodeParameters => ({
	resource: 'bill',
	operation: 'createMany',
	billsInput: 'items',
	vendorId: byId(json.vendorId as string),
	invoiceNumber: json.invoice as string,
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	lineItemsInput: 'fields',
	lineItems: {
		lineItem: [
			{ pricedBy: 'amount', amount: 10 + (Number(String(json.invoice).replace(/\D/g, '')) % 50) },
		],
	},
});

const rows = (vendorId: string, count: number, prefix = 'INV-') =>
	Array.from({ length: count }, (_, i) => ({ vendorId, invoice: `${prefix}${i}` }));

/** Bulk requests BILL received (a cut connection is logged as "/v3/bills/bulk (connection reset after)"). */
const bulkRequests = () => emulator.requests({ method: 'POST', route: /^\/v3\/bills\/bulk\b/ });

async function run(credentials: CredentialStore, items: IDataObject[], continueOnFail = true) {
	return await runBill(credentials, perItem, { items, continueOnFail });
}

describe('Bill: create many', () => {
	it('sends 250 bills in 3 bulk requests, one output item per bill paired with its input item', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const maple = vendor('Maple Leaf');
		const items = [...rows(harbor, 125, 'H-'), ...rows(maple, 125, 'M-')];
		const { output, error } = await run(credentials, items, false);
		expect(error).toBeUndefined();
		expect(bulkRequests()).toHaveLength(3);
		expect(bulkRequests().every((r) => r.status === 201)).toBe(true);
		expect(emulator.state.bills.size).toBe(250);
		expect(output).toHaveLength(250);
		output.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({
				vendorId: items[i].vendorId,
				invoice: { invoiceNumber: items[i].invoice },
				alreadyExisted: false,
			});
			expect(emulator.state.bills.get(item.json.id as string)).toBeDefined();
		});
		// One lookup of existing invoice numbers for both vendors, before anything is sent.
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(1);
	});

	it("takes input items as they are (BILL's own format, no parameters per item), naming a bad item's field", async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const items = Array.from({ length: 150 }, (_, n) => ({
			vendorId: harbor,
			invoice: { invoiceNumber: `AS-${n}`, invoiceDate: '2026-11-01' },
			dueDate: '2026-12-01',
			billLineItems: [{ amount: 10 + n }],
		}));
		const output = await runBillOk(
			credentials,
			{ resource: 'bill', operation: 'createMany', billsInput: 'itemJson' },
			{ items },
		);
		expect(output).toHaveLength(150);
		expect(bulkRequests()).toHaveLength(2);
		expect(emulator.state.bills.size).toBe(150);
		expect(output[7]).toMatchObject({ amount: 17, invoice: { invoiceNumber: 'AS-7' } });
		const bad = await runBill(
			credentials,
			{ resource: 'bill', operation: 'createMany', billsInput: 'itemJson' },
			{
				items: [
					{
						...items[0],
						invoice: { invoiceNumber: 'AS-X', invoiceDate: '2026-11-01' },
						spreadsheetRow: 4,
					},
				],
			},
		);
		expect(bad.error?.message).toMatch(/Input Item.*spreadsheetRow.*\[item 0\]/);
		expect(bulkRequests()).toHaveLength(2);
	});

	it('takes a JSON array of bills per input item', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const bill = (n: string) => ({
			vendorId: harbor,
			invoice: { invoiceNumber: n, invoiceDate: '2026-11-01' },
			dueDate: '2026-12-01',
			billLineItems: [{ quantity: 2, price: 5 }],
		});
		const output = await runBillOk(
			credentials,
			(i) => ({
				resource: 'bill',
				operation: 'createMany',
				billsInput: 'json',
				billsJson: JSON.stringify(i === 0 ? [bill('J-1'), bill('J-2')] : bill('J-3')),
			}),
			{ items: [{}, {}] },
		);
		expect(output.map((b) => (b.invoice as IDataObject).invoiceNumber)).toEqual([
			'J-1',
			'J-2',
			'J-3',
		]);
		expect(output.every((b) => b.amount === 10)).toBe(true);
		expect(bulkRequests()).toHaveLength(1);
		expect(emulator.state.bills.size).toBe(3);
	});

	it('a bill BILL refuses in chunk 2 fails that bill only (BILL names it); the rest of its chunk is sent again; a re-run creates only what is missing', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const items: IDataObject[] = rows(harbor, 250);
		items[150] = { vendorId: UNKNOWN_VENDOR, invoice: 'BAD-150' };
		const { output } = await run(credentials, items);
		expect(
			bulkRequests()
				.map((r) => r.status)
				.sort(),
		).toEqual([201, 201, 201, 400]);
		expect(emulator.state.bills.size).toBe(249);
		expect(output[150].pairedItem).toEqual({ item: 150 });
		expect(output[150].json.error).toMatch(
			/item 150: Vendor \(vendorId\): vendor 00902NOSUCHVENDOR000 does not exist/,
		);
		expect(output[150].json.code).toBe('BDC_1002');
		for (const i of [0, 99, 100, 149, 151, 199, 200, 249])
			expect(output[i].json).toMatchObject({
				alreadyExisted: false,
				invoice: { invoiceNumber: `INV-${i}` },
			});

		// Fix the row and run again: only item 150 is sent, the others are found.
		items[150] = { vendorId: harbor, invoice: 'INV-150' };
		const again = await run(credentials, items);
		expect(again.output.filter((o) => o.json.alreadyExisted === false)).toHaveLength(1);
		expect(again.output.filter((o) => o.json.alreadyExisted === true)).toHaveLength(249);
		expect(emulator.state.bills.size).toBe(250);
		expect(bulkRequests()).toHaveLength(5);
	});

	it("without Continue On Fail the run fails with the chunk's items named and says which bills were created", async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const items: IDataObject[] = rows(harbor, 250);
		items[150] = { vendorId: UNKNOWN_VENDOR, invoice: 'BAD-150' };
		const { error } = await run(credentials, items, false);
		expect(error?.message).toMatch(/item 150: Vendor \(vendorId\): vendor 00902NOSUCHVENDOR000/);
		expect(error?.description).toMatch(/BILL refused the bulk create of items 100–199/);
		expect(error?.description).toMatch(/The bills of items 0–99, 200–249 were created/);
		expect(emulator.state.bills.size).toBe(150);
	});

	it('does not re-send a bulk request whose answer was lost; its items are marked outcome unknown and a re-run creates nothing twice', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const items = rows(harbor, 150);
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/bills/bulk' });
		const { output } = await run(credentials, items);
		// Both chunks reached BILL once each; the one that lost its answer was not sent again.
		expect(bulkRequests()).toHaveLength(2);
		expect(emulator.state.bills.size).toBe(150);
		const unknown = output.filter((o) => o.json.outcomeUnknown === true);
		const created = output.filter((o) => o.json.alreadyExisted === false);
		expect(unknown.length + created.length).toBe(150);
		expect([50, 100]).toContain(unknown.length);
		for (const item of unknown) {
			expect(item.json.error).toMatch(
				/got no clear answer from BILL, so it may have created all of them or none/,
			);
			expect(item.json.hint).toMatch(/Skip Existing Invoice Numbers/);
		}

		const again = await run(credentials, items);
		expect(again.output.every((o) => o.json.alreadyExisted === true)).toBe(true);
		expect(bulkRequests()).toHaveLength(2);
		expect(emulator.state.bills.size).toBe(150);
	});

	it('sends repeats of one invoice number within a run once', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const items = [
			{ vendorId: harbor, invoice: 'R-1' },
			{ vendorId: harbor, invoice: 'R-2' },
			{ vendorId: harbor, invoice: ' r-1' },
		];
		const { output } = await run(credentials, items);
		expect(output.map((o) => o.json.alreadyExisted)).toEqual([false, false, true]);
		expect(output[2].json.id).toBe(output[0].json.id);
		expect(emulator.state.bills.size).toBe(2);
	});
	it('with Continue On Fail a bad input item gets its error and is not sent; the others are; without it nothing is sent', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const items: IDataObject[] = rows(harbor, 5);
		const parameters = (i: number, json: IDataObject): INodeParameters => ({
			...perItem(i, json),
			...(i === 3 ? { dueDate: '2026-13-01' } : {}),
		});
		const failed = await runBill(credentials, parameters, { items });
		expect(failed.error?.message).toBe('Due Date: "2026-13-01" is not a date [item 3]');
		expect(emulator.log.filter((e) => e.route.startsWith('/v3/bills'))).toHaveLength(0);

		const { output } = await runBill(credentials, parameters, { items, continueOnFail: true });
		expect(output[3].json).toMatchObject({
			error: 'Due Date: "2026-13-01" is not a date [item 3]',
		});
		expect(output[3].pairedItem).toEqual({ item: 3 });
		expect(output.filter((o) => o.json.alreadyExisted === false)).toHaveLength(4);
		expect(bulkRequests()).toHaveLength(1);
		expect(emulator.state.bills.size).toBe(4);
	});

	it('with "Skip Existing Invoice Numbers" off, sends every bill without looking first', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const items = rows(harbor, 3);
		await runBillOk(credentials, (i, json) => ({ ...perItem(i, json), skipExisting: false }), {
			items,
		});
		const again = await runBillOk(
			credentials,
			(i, json) => ({ ...perItem(i, json), skipExisting: false }),
			{ items },
		);
		expect(again.every((b) => b.alreadyExisted === undefined)).toBe(true);
		expect(emulator.state.bills.size).toBe(6);
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(0);
	});
	it('the emulator, like BILL, refuses more than 100 bills in one bulk request and creates none of them', async () => {
		const f = emulator.fixtures;
		const http = axios.create({ baseURL: emulator.baseUrl, validateStatus: () => true });
		const login = await http.post('/v3/login', {
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		});
		const headers = { devKey: f.devKey, sessionId: login.data.sessionId as string };
		const harbor = vendor('Harbor Freight');
		const bill = (n: number) => ({
			vendorId: harbor,
			dueDate: '2026-12-31',
			invoice: { invoiceNumber: `B-${n}`, invoiceDate: '2026-12-01' },
			billLineItems: [{ amount: 1 }],
		});
		const tooMany = await http.post(
			'/v3/bills/bulk',
			Array.from({ length: 101 }, (_, n) => bill(n)),
			{ headers },
		);
		expect(tooMany.status).toBe(400);
		expect(tooMany.data[0]).toMatchObject({
			code: 'BDC_1002',
			message: 'At most 100 bills per bulk request, got 101',
		});
		const hundred = await http.post(
			'/v3/bills/bulk',
			Array.from({ length: 100 }, (_, n) => bill(n)),
			{ headers },
		);
		expect(hundred.status).toBe(201);
		expect(hundred.data).toHaveLength(100);
		expect(emulator.state.bills.size).toBe(100);
	});
});
