/**
 * One bulk engine (issue 30): every bulk operation behaves as bill Create Many and Payment →
 * Create Bulk do. When BILL refuses a request naming an entry ("[1] name: …"), that entry's input
 * item carries the refusal (its item, the field and the value sent); with Continue On Fail the
 * rest of the refused request is sent again without it, and without it the run fails naming
 * that item.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';

let emulator: Emulator;
let credentials: CredentialStore;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	credentials = billCredentials(emulator);
});

async function made(parameters: INodeParameters): Promise<string> {
	const [object] = await runBillOk(credentials, parameters);
	return String(object.id);
}

const vendor = async () =>
	await made({
		resource: 'vendor',
		operation: 'create',
		name: 'Drum Supply Co',
		accountType: 'BUSINESS',
		email: 'ap@drums.example',
		phone: '1',
	});
const customer = async () =>
	await made({
		resource: 'customer',
		operation: 'create',
		name: 'Paperless Band',
		email: 'ap@paperless.example',
	});

interface Case {
	name: string;
	path: string;
	/** The field BILL names in its refusal of entry 1, and how the item's error names it. */
	field: string;
	shown: RegExp;
	parameters: () => Promise<INodeParameters>;
}

const cases: Case[] = [
	{
		name: 'Vendor → Create Many',
		path: '/v3/vendors/bulk',
		field: 'name',
		shown: /item 1: name: taken \(sent: "V1"\)/,
		parameters: async () => ({
			resource: 'vendor',
			operation: 'createMany',
			name: '={{ "V" + $json.n }}',
			accountType: 'BUSINESS',
			email: 'ap@vendor.example',
			phone: '555',
		}),
	},
	{
		name: 'Classification → Create Many',
		path: '/v3/classifications/departments/bulk',
		field: 'name',
		shown: /item 1: name: taken \(sent: "D1"\)/,
		parameters: async () => ({
			resource: 'classification',
			operation: 'createMany',
			classificationType: 'department',
			name: '={{ "D" + $json.n }}',
		}),
	},
	{
		name: 'Vendor Credit → Create Many',
		path: '/v3/vendor-credits/bulk',
		field: 'referenceNumber',
		shown: /item 1: referenceNumber: taken \(sent: "VC-1"\)/,
		parameters: async () => ({
			resource: 'vendorCredit',
			operation: 'createMany',
			vendorId: byId(await vendor()),
			referenceNumber: '={{ "VC-" + $json.n }}',
			creditDate: '2026-12-01',
			lineItems: { lineItem: [{ amount: 10, description: 'Returned' }] },
		}),
	},
	{
		name: 'Credit Memo → Create Many',
		path: '/v3/credit-memos/bulk',
		field: 'referenceNumber',
		shown: /item 1: referenceNumber: taken \(sent: "CM-1"\)/,
		parameters: async () => ({
			resource: 'creditMemo',
			operation: 'createMany',
			customerId: byId(await customer()),
			referenceNumber: '={{ "CM-" + $json.n }}',
			creditDate: '2026-12-01',
			lineItems: {
				item: [{ description: 'Picks', lineType: 'priced', quantity: 1, price: 50 }],
			},
		}),
	},
];

const items: IDataObject[] = [{ n: 0 }, { n: 1 }, { n: 2 }];

function refuseEntry1(path: string, field: string, method: 'POST' | 'PATCH' = 'POST') {
	emulator.addFault({
		kind: 'status',
		method,
		path,
		status: 400,
		code: 'BDC_1002',
		message: `[1] ${field}: taken`,
		times: 1,
	});
}

describe.each(cases)('$name', ({ path, field, shown, parameters }) => {
	it('a refusal names the input item; with Continue On Fail the rest is sent again without it', async () => {
		const node = await parameters();
		refuseEntry1(path, field);
		const { output, error } = await runBill(credentials, node, { items, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toMatch(shown);
		expect(output[1].json.hint).toMatch(/the other entries were sent again without this one/);
		expect(output[0].json.id).toBeTruthy();
		expect(output[2].json.id).toBeTruthy();
		const sent = emulator.requests({ method: 'POST', route: path });
		expect(sent.map((r) => r.status)).toEqual([400, 201]);
	});

	it('without Continue On Fail the run fails naming the item, and nothing of the request is sent again', async () => {
		const node = await parameters();
		refuseEntry1(path, field);
		const { error } = await runBill(credentials, node, { items });
		expect(error?.message).toMatch(shown);
		expect((error as { context?: IDataObject }).context?.itemIndex).toBe(1);
		expect(emulator.requests({ method: 'POST', route: path })).toHaveLength(1);
	});
});

interface UpdateCase {
	name: string;
	/** The create case that makes the objects to update (its items carry their IDs). */
	create: string;
	path: string;
	parameters: () => INodeParameters;
}

const updates: UpdateCase[] = [
	{
		name: 'Classification → Update Many',
		create: 'Classification → Create Many',
		path: '/v3/classifications/departments/bulk',
		parameters: () => ({
			resource: 'classification',
			operation: 'updateMany',
			classificationType: 'department',
			classificationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			updateFields: { description: 'Updated' },
		}),
	},
	{
		name: 'Vendor Credit → Update Many',
		create: 'Vendor Credit → Create Many',
		path: '/v3/vendor-credits/bulk',
		parameters: () => ({
			resource: 'vendorCredit',
			operation: 'updateMany',
			vendorCreditId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			updateFields: { description: 'Updated' },
		}),
	},
	{
		name: 'Credit Memo → Update Many',
		create: 'Credit Memo → Create Many',
		path: '/v3/credit-memos/bulk',
		parameters: () => ({
			resource: 'creditMemo',
			operation: 'updateMany',
			creditMemoId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			updateFields: { description: 'Updated' },
		}),
	},
];

describe.each(updates)('$name', ({ create, path, parameters }) => {
	async function made(): Promise<IDataObject[]> {
		const maker = cases.find((c) => c.name === create)!;
		const objects = await runBillOk(credentials, await maker.parameters(), { items });
		return objects.map((o) => ({ id: o.id }));
	}

	it('a refusal names the input item; with Continue On Fail the rest is sent again without it', async () => {
		const objects = await made();
		refuseEntry1(path, 'description', 'PATCH');
		const { output, error } = await runBill(credentials, parameters(), {
			items: objects,
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toMatch(/item 1: description: taken \(sent: "Updated"\)/);
		expect(output[1].json.hint).toMatch(/the other entries were sent again without this one/);
		expect([output[0].json.description, output[2].json.description]).toEqual([
			'Updated',
			'Updated',
		]);
		const sent = emulator.requests({ method: 'PATCH', route: path });
		expect(sent.map((r) => r.status)).toEqual([400, 200]);
	});

	it('without Continue On Fail the run fails naming the item, and nothing of the request is sent again', async () => {
		const objects = await made();
		refuseEntry1(path, 'description', 'PATCH');
		const { error } = await runBill(credentials, parameters(), { items: objects });
		expect(error?.message).toMatch(/item 1: description: taken/);
		expect((error as { context?: IDataObject }).context?.itemIndex).toBe(1);
		expect(emulator.requests({ method: 'PATCH', route: path })).toHaveLength(1);
	});
});
