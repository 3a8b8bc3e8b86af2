/**
 * Outputs a next node can use: every create and update offers Get's Simplify (flat invoice
 * number, vendor name, totals). On by default for new nodes (typeVersion 1.1); off for nodes
 * saved at typeVersion 1, so saved workflows keep BILL's raw object.
 */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { BillSpend } from '../../../nodes/BillSpend/BillSpend.node';
import { startEmulator, type Emulator } from '../../../emulator';
import { seedVendor } from '../../../emulator/routes/bills';
import { billCredentials, billNode, byId, runBillOk } from '../../harness/bill';
import { workflowOf } from '../../harness/n8n';
import { api, day } from '../Bill/payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const run = async (parameters: INodeParameters, items?: IDataObject[]) =>
	await runBillOk(billCredentials(emulator), parameters, { items });
/** A node of `typeVersion` (a new node is 1.1, a saved one keeps its version). */
const runAt = async (typeVersion: number, parameters: INodeParameters) =>
	await runBillOk(billCredentials(emulator), parameters, { typeVersion });

const billParameters = (vendorId: string, invoiceNumber: string): INodeParameters => ({
	resource: 'bill',
	operation: 'create',
	vendorId: byId(vendorId),
	invoiceNumber,
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	lineItemsInput: 'fields',
	lineItems: { lineItem: [{ pricedBy: 'amount', amount: 120, description: 'Strings' }] },
});

const SIMPLE_BILL = {
	vendorName: 'San Jose Music Supplies',
	invoiceNumber: 'S-1',
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	amount: 120,
	dueAmount: 120,
	paymentStatus: 'UNPAID',
};

describe('Simplify on creates and updates', () => {
	it('Bill → Create: flat invoice number and vendor name (BILL answers a create without it); raw by default', async () => {
		const vendorId = seedVendor(emulator, 'San Jose Music Supplies');
		const [raw] = await run(billParameters(vendorId, 'RAW-1'));
		expect(raw.invoice).toEqual({ invoiceNumber: 'RAW-1', invoiceDate: '2026-11-01' });
		expect(raw.billLineItems).toBeDefined();

		const [simple] = await run({ ...billParameters(vendorId, 'S-1'), simplify: true });
		expect(simple).toMatchObject({ ...SIMPLE_BILL, vendorId, alreadyExisted: false });
		expect(simple.invoice).toBeUndefined();
		expect(simple.billLineItems).toBeUndefined();
		// A re-run finds it: still simplified, still saying so.
		const [again] = await run({ ...billParameters(vendorId, 'S-1'), simplify: true });
		expect(again).toMatchObject({ id: simple.id, invoiceNumber: 'S-1', alreadyExisted: true });
	});

	it('Bill → Create Many, Update and Replace: simplified, one vendor lookup per run', async () => {
		const vendorId = seedVendor(emulator, 'San Jose Music Supplies');
		const items = [{ n: 'S-1' }, { n: 'S-2' }, { n: 'S-3' }];
		const created = await runBillOk(
			billCredentials(emulator),
			(_i, json) => ({
				...billParameters(vendorId, json.n as string),
				operation: 'createMany',
				billsInput: 'items',
				simplify: true,
			}),
			{ items },
		);
		expect(created.map((b) => [b.invoiceNumber, b.vendorName])).toEqual([
			['S-1', 'San Jose Music Supplies'],
			['S-2', 'San Jose Music Supplies'],
			['S-3', 'San Jose Music Supplies'],
		]);
		expect(emulator.requests({ method: 'GET', route: '/v3/vendors' })).toHaveLength(1);

		const [updated] = await run({
			resource: 'bill',
			operation: 'update',
			billId: byId(String(created[0].id)),
			updateFields: { description: 'Corrected' },
			simplify: true,
		});
		expect(updated).toMatchObject({ ...SIMPLE_BILL, id: created[0].id });
		const [replaced] = await run({
			...billParameters(vendorId, 'S-1b'),
			operation: 'replace',
			billId: byId(String(created[0].id)),
			simplify: true,
		});
		expect(replaced).toMatchObject({ ...SIMPLE_BILL, invoiceNumber: 'S-1b' });
	});

	it('Vendor → Create and Update', async () => {
		const base = {
			resource: 'vendor',
			operation: 'create',
			name: 'Harbor Freight',
			accountType: 'BUSINESS',
			email: 'ap@harbor.example',
			phone: '4155550100',
			address: { line1: '1 Main St', city: 'San Jose', country: 'US' },
		};
		const [raw] = await run(base);
		expect(raw.address).toMatchObject({ city: 'San Jose' });
		const [simple] = await run({ ...base, name: 'Lumen Lighting', simplify: true });
		expect(simple).toMatchObject({ name: 'Lumen Lighting', city: 'San Jose', country: 'US' });
		expect(simple.address).toBeUndefined();
		const [updated] = await run({
			resource: 'vendor',
			operation: 'update',
			vendorId: byId(String(simple.id)),
			updateFields: { email: 'new@lumen.example' },
			simplify: true,
		});
		expect(updated).toMatchObject({ id: simple.id, email: 'new@lumen.example', city: 'San Jose' });
	});

	it('Payment → Create: vendor name, bills paid, funding account, flat', async () => {
		const admin = api(emulator);
		const vendorId = await admin.vendor('Harbor Audio');
		const bill = await admin.bill(vendorId, 50);
		const accountId = await admin.bankAccount();
		const [payment] = await run({
			resource: 'payment',
			operation: 'create',
			billId: byId(String(bill.id)),
			amount: 50,
			processDate: day(emulator, 1),
			fundingAccountId: byId(accountId),
			simplify: true,
		});
		expect(payment).toMatchObject({
			vendorId,
			vendorName: 'Harbor Audio',
			amount: 50,
			paidBills: [{ billId: bill.id, amount: 50 }],
			fundingAccountType: 'BANK_ACCOUNT',
			fundingAccountId: accountId,
			alreadyExisted: false,
		});
		expect(payment.billPayments).toBeUndefined();
	});

	it('Bank Account → Create and Update', async () => {
		const [created] = await run({
			resource: 'bankAccount',
			operation: 'create',
			nameOnAccount: 'Emulator Music Co',
			routingNumber: '074000010',
			accountNumber: '555001234',
			bankAccountType: 'CHECKING',
			ownerType: 'BUSINESS',
			bankName: 'Chase operating',
			simplify: true,
		});
		expect(created).toMatchObject({
			bankName: 'Chase operating',
			accountNumberLast4: '1234',
			status: 'PENDING',
			defaultForPayables: false,
			alreadyExisted: false,
		});
		expect(created.accountNumber).toBeUndefined();
		await api(emulator).call('POST', `/v3/funding-accounts/banks/${String(created.id)}/verify`, {
			depositAmount: 0.5,
		});
		const [updated] = await run({
			resource: 'bankAccount',
			operation: 'update',
			bankAccountId: byId(String(created.id)),
			updateFields: { defaultForPayables: true },
			simplify: true,
		});
		expect(updated).toMatchObject({ id: created.id, defaultForPayables: true, status: 'VERIFIED' });
	});
});

describe('Simplify by typeVersion: on for new nodes (1.1), off for saved ones (1)', () => {
	it('new nodes are 1.2 (Simplify on since 1.1), and a node saved at 1 still loads', () => {
		for (const node of [billNode, new BillSpend()] as INodeType[]) {
			expect(node.description.defaultVersion).toBe(1.2);
			expect(node.description.version).toEqual([1, 1.1, 1.2]);
		}
	});

	it.each([
		['BILL', billNode],
		['BILL Spend & Expense', new BillSpend()],
	] as Array<[string, INodeType]>)(
		'%s: every operation with Simplify gets it on at 1.1 and off at 1 when the workflow leaves it out',
		(_name, nodeType) => {
			const scopes = nodeType.description.properties
				.filter((p) => p.name === 'simplify')
				.flatMap((p) =>
					(p.displayOptions!.show!.resource as string[]).flatMap((resource) =>
						(p.displayOptions!.show!.operation as string[]).map((operation) => ({
							resource,
							operation,
						})),
					),
				);
			expect(scopes.length).toBeGreaterThan(1);
			const filled = (typeVersion: number, parameters: INodeParameters) =>
				Object.values(
					workflowOf({ nodeType, node: { name: 'N', parameters, typeVersion } }).nodes,
				)[0].parameters.simplify;
			for (const scope of scopes) {
				expect([scope, filled(1, scope)]).toEqual([scope, false]);
				expect([scope, filled(1.1, scope)]).toEqual([scope, true]);
				expect([scope, filled(1.1, { ...scope, simplify: false })]).toEqual([scope, false]);
				expect([scope, filled(1, { ...scope, simplify: true })]).toEqual([scope, true]);
			}
		},
	);

	it("Bill → Create without Simplify: flat at 1.1, BILL's object at 1; 1.1 with Simplify off: BILL's object", async () => {
		const vendorId = seedVendor(emulator, 'San Jose Music Supplies');
		const [simple] = await runAt(1.1, billParameters(vendorId, 'S-1'));
		expect(simple).toMatchObject({ ...SIMPLE_BILL, vendorId, alreadyExisted: false });
		expect(simple.invoice).toBeUndefined();
		expect(simple.billLineItems).toBeUndefined();

		const [raw] = await runAt(1, billParameters(vendorId, 'RAW-1'));
		expect(raw.invoice).toEqual({ invoiceNumber: 'RAW-1', invoiceDate: '2026-11-01' });
		expect(raw.billLineItems).toBeDefined();
		expect(raw.invoiceNumber).toBeUndefined();

		const [off] = await runAt(1.1, { ...billParameters(vendorId, 'RAW-2'), simplify: false });
		expect(off.invoice).toEqual({ invoiceNumber: 'RAW-2', invoiceDate: '2026-11-01' });
		expect(off.billLineItems).toBeDefined();
	});

	it("Bill → Update without Simplify: flat at 1.1, BILL's object at 1; 1.1 with Simplify off: BILL's object", async () => {
		const vendorId = seedVendor(emulator, 'San Jose Music Supplies');
		const [created] = await runAt(1, billParameters(vendorId, 'S-1'));
		const update = (description: string): INodeParameters => ({
			resource: 'bill',
			operation: 'update',
			billId: byId(String(created.id)),
			updateFields: { description },
		});
		const [simple] = await runAt(1.1, update('Simplified'));
		expect(simple).toMatchObject({ ...SIMPLE_BILL, id: created.id });
		expect(simple.billLineItems).toBeUndefined();

		const [raw] = await runAt(1, update('Raw'));
		expect(raw).toMatchObject({ id: created.id, description: 'Raw' });
		expect(raw.invoice).toMatchObject({ invoiceNumber: 'S-1' });
		expect(raw.billLineItems).toBeDefined();

		const [off] = await runAt(1.1, { ...update('Off'), simplify: false });
		expect(off).toMatchObject({ id: created.id, description: 'Off' });
		expect(off.billLineItems).toBeDefined();
	});

	it('Bill → Get and Get Many without Simplify: the small form at 1.1, the full bill at 1', async () => {
		const vendorId = seedVendor(emulator, 'San Jose Music Supplies');
		const [created] = await runAt(1, billParameters(vendorId, 'S-1'));
		const get: INodeParameters = {
			resource: 'bill',
			operation: 'get',
			billId: byId(String(created.id)),
		};
		const [simple] = await runAt(1.1, get);
		expect(simple).toMatchObject({ id: created.id, invoiceNumber: 'S-1', amount: 120 });
		expect(simple.billLineItems).toBeUndefined();
		const [raw] = await runAt(1, get);
		expect(raw.billLineItems).toBeDefined();

		const getMany: INodeParameters = { resource: 'bill', operation: 'getMany', returnAll: true };
		const simpleList = await runAt(1.1, getMany);
		expect(simpleList).toEqual([expect.objectContaining({ id: created.id, invoiceNumber: 'S-1' })]);
		expect(simpleList[0].billLineItems).toBeUndefined();
		const rawList = await runAt(1, getMany);
		expect(rawList[0].billLineItems).toBeDefined();
	});

	it("Vendor → Create without Simplify: flat at 1.1, BILL's object at 1", async () => {
		const base: INodeParameters = {
			resource: 'vendor',
			operation: 'create',
			accountType: 'BUSINESS',
			email: 'ap@harbor.example',
			phone: '4155550100',
			address: { line1: '1 Main St', city: 'San Jose', country: 'US' },
		};
		const [simple] = await runAt(1.1, { ...base, name: 'Lumen Lighting' });
		expect(simple).toMatchObject({ name: 'Lumen Lighting', city: 'San Jose' });
		expect(simple.address).toBeUndefined();
		const [raw] = await runAt(1, { ...base, name: 'Harbor Freight' });
		expect(raw.address).toMatchObject({ city: 'San Jose' });
	});
});
