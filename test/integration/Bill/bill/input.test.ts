/**
 * Bill resource: bad input refused before anything is sent (naming parameter and item),
 * Continue On Fail, BILL's own refusals, and a session that ends in the middle of a run.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { seedVendor } from '../../../../emulator/routes/bills';
import { billCredentials, byId, expr, runBill } from '../../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const vendor = (name: string) => seedVendor(emulator, name);

const create = (vendorId: string, extra: IDataObject = {}): INodeParameters => ({
	resource: 'bill',
	operation: 'create',
	vendorId: byId(vendorId),
	invoiceNumber: 'INV-1',
	invoiceDate: '2026-11-01',
	dueDate: '2026-12-01',
	lineItemsInput: 'fields',
	lineItems: {
		lineItem: [{ pricedBy: 'amount', amount: 149, description: 'USB audio interface' }],
	},
	...(extra as INodeParameters),
});

/** Nothing reached BILL but the login (and no login either when the input is refused first). */
const billRequests = () => emulator.log.filter((e) => e.route.startsWith('/v3/bills'));

describe('Bill: bad input is refused before sending', () => {
	const cases: Array<[string, (vendorId: string) => INodeParameters, RegExp]> = [
		[
			'a vendor id of the wrong shape',
			() => create(expr('12345')),
			/^Vendor: "12345" is not a BILL vendor ID \[item 0\]$/,
		],
		[
			'a bill id as the vendor',
			() => create(expr('00n02ABCDEFGHIJKLMNO')),
			/^Vendor: .* \[item 0\]$/,
		],
		[
			'a due date that is not a date',
			(v) => create(v, { dueDate: 'next friday' }),
			/^Due Date: "next friday" is not a date \[item 0\]$/,
		],
		[
			'an impossible invoice date',
			(v) => create(v, { invoiceDate: '2026-02-30' }),
			/^Invoice Date: "2026-02-30" is not a date \[item 0\]$/,
		],
		[
			'no line items',
			(v) => create(v, { lineItems: {} }),
			/^Line Items: add at least one line item \[item 0\]$/,
		],
		[
			'a zero amount',
			(v) => create(v, { lineItems: { lineItem: [{ pricedBy: 'amount', amount: 0 }] } }),
			/^Line Items, line 1 → Amount: must be more than 0 \[item 0\]$/,
		],
		[
			'line items JSON that does not parse',
			(v) => create(v, { lineItemsInput: 'json', lineItemsJson: '[{"amount": 1,' }),
			/^Line Items \(JSON\): is not valid JSON .* \[item 0\]$/,
		],
		[
			'an empty line items JSON array',
			(v) => create(v, { lineItemsInput: 'json', lineItemsJson: '[]' }),
			/^Line Items \(JSON\): is empty/,
		],
		[
			'a non-numeric amount in JSON',
			(v) =>
				create(v, { lineItemsInput: 'json', lineItemsJson: '[{"amount": 5}, {"amount": "abc"}]' }),
			/^Line Items \(JSON\), line 2 → amount: "abc" is not a number \[item 0\]$/,
		],
		[
			'a quantity without a price',
			(v) => create(v, { lineItemsInput: 'json', lineItemsJson: '[{"quantity": 2}]' }),
			/^Line Items \(JSON\), line 1 → price: is required with a quantity \[item 0\]$/,
		],
		[
			'an unknown line item field',
			(v) => create(v, { lineItemsInput: 'json', lineItemsJson: '[{"amount": 5, "taxRate": 7}]' }),
			/unknown field "taxRate"/,
		],
		[
			'a blank invoice number',
			(v) => create(v, { invoiceNumber: '  ' }),
			/^Invoice Number: is required \[item 0\]$/,
		],
		[
			'a malformed chart of account id',
			(v) => create(v, { additionalFields: { payFromChartOfAccountId: '009ABC' } }),
			/^Pay From Chart of Account: .* \[item 0\]$/,
		],
	];
	it.each(cases)('%s', async (_name, parameters, message) => {
		const credentials = billCredentials(emulator);
		const { error } = await runBill(credentials, parameters(vendor('Harbor Freight')));
		expect(error?.constructor.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(billRequests()).toHaveLength(0);
		expect(emulator.logins()).toBe(0);
	});

	it('update, record payment and get many check their input too', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const bill = '00n02ABCDEFGHIJKLMNO';
		const refusals: Array<[INodeParameters, RegExp]> = [
			[
				{ resource: 'bill', operation: 'update', billId: byId(bill) },
				/^Update Fields: add at least one field or line item change \[item 0\]$/,
			],
			[
				{
					resource: 'bill',
					operation: 'update',
					billId: byId(bill),
					lineItemChanges: { lineItem: [{ id: expr(''), pricedBy: 'amount', amount: 5 }] },
				},
				/Line Item Changes, line 1 → Line Item ID: is required/,
			],
			[
				{
					resource: 'bill',
					operation: 'recordPayment',
					vendorId: byId(harbor),
					processDate: '2026-11-20',
					payments: {},
				},
				/^Payments: add at least one bill payment/,
			],
			[
				{
					resource: 'bill',
					operation: 'recordPayment',
					vendorId: byId(harbor),
					processDate: 'yesterday',
					payments: { payment: [{ billId: bill, amount: 5 }] },
				},
				/^Process Date: "yesterday" is not a date/,
			],
			[
				{
					resource: 'bill',
					operation: 'recordPayment',
					vendorId: byId(harbor),
					processDate: '2026-11-20',
					payments: { payment: [{ billId: harbor, amount: 5 }] },
				},
				/^Payments, payment 1 → Bill: /,
			],
			[
				{
					resource: 'bill',
					operation: 'getMany',
					returnAll: true,
					filters: { dueDateFrom: 'soon' },
				},
				/^Filters → Due Date From: "soon" is not a date/,
			],
			[
				{
					resource: 'bill',
					operation: 'getMany',
					returnAll: true,
					filters: { vendorId: byId('nope') },
				},
				/^Filters → Vendor: /,
			],
			[
				{ resource: 'bill', operation: 'get', billId: byId(expr('')) },
				/^Bill: is required \[item 0\]$/,
			],
		];
		for (const [parameters, message] of refusals) {
			const { error } = await runBill(credentials, parameters);
			expect(error?.message).toMatch(message);
		}
		expect(billRequests()).toHaveLength(0);
	});

	it('Create Many refuses a bad bill in a JSON array, naming the bill and item, and sends nothing', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const good = {
			vendorId: harbor,
			invoice: { invoiceNumber: 'J-1', invoiceDate: '2026-11-01' },
			dueDate: '2026-12-01',
			billLineItems: [{ amount: 5 }],
		};
		const bad = {
			...good,
			invoice: { invoiceNumber: 'J-2', invoiceDate: '2026-11-01' },
			dueDate: '31/12/2026',
		};
		const { error } = await runBill(
			credentials,
			(i) => ({
				resource: 'bill',
				operation: 'createMany',
				billsInput: 'json',
				billsJson: JSON.stringify(i === 1 ? [good, bad] : [good]),
			}),
			{ items: [{}, {}] },
		);
		expect(error?.message).toBe(
			'Bills (JSON), bill 2 → dueDate: "31/12/2026" is not a date [item 1]',
		);
		expect(billRequests()).toHaveLength(0);
	});
});

describe("Bill: Continue On Fail and BILL's refusals", () => {
	it('gives a bad item its error and creates the others, every output paired with its item', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const items = [{ due: '2026-12-01' }, { due: 'soon' }, { due: '2026-12-03' }];
		const { output } = await runBill(
			credentials,
			(i, json) => create(harbor, { invoiceNumber: `C-${i}`, dueDate: json.due }),
			{ items, continueOnFail: true },
		);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.alreadyExisted).toBe(false);
		expect(output[1].json).toEqual({
			error: 'Due Date: "soon" is not a date [item 1]',
			hint: 'Use the form YYYY-MM-DD, e.g. 2026-12-31.',
		});
		expect(output[2].json.alreadyExisted).toBe(false);
		expect(emulator.state.bills.size).toBe(2);
	});

	it("shows BILL's code and message for a vendor BILL does not know, and goes on with Continue On Fail", async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		const unknown = '00902NOSUCHVENDOR000';
		const { output } = await runBill(
			credentials,
			(_i, json) => create(json.v as string, { invoiceNumber: String(json.n) }),
			{
				items: [
					{ v: unknown, n: 'X-1' },
					{ v: harbor, n: 'X-2' },
				],
				continueOnFail: true,
			},
		);
		expect(output[0].json).toMatchObject({ code: 'BDC_1002', httpCode: '400' });
		expect(output[0].json.error).toMatch(/vendorId: vendor 00902NOSUCHVENDOR000 does not exist/);
		expect(output[1].json.alreadyExisted).toBe(false);
		const { error } = await runBill(credentials, create(unknown));
		expect(error?.message).toMatch(/BDC_1002/);
		expect((error?.context as IDataObject).itemIndex).toBe(0);
	});

	it('a bill of another organization is not found', async () => {
		const credentials = billCredentials(emulator);
		const other = '00n02OTHERORGBILL001';
		emulator.state.bills.set(other, { id: other, archived: false });
		emulator.state.owner.set(other, emulator.fixtures.otherOrganizationId);
		const { error } = await runBill(credentials, {
			resource: 'bill',
			operation: 'get',
			billId: byId(other),
		});
		expect(error?.message).toMatch(/BDC_1121.*not found/);
	});

	it('does not repeat a create whose answer was lost, and says how to check', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/bills' });
		const { output } = await runBill(credentials, create(harbor, { invoiceNumber: 'LOST-1' }), {
			continueOnFail: true,
		});
		expect(output[0].json.outcomeUnknown).toBe(true);
		expect(output[0].json.hint).toMatch(/LOST-1/);
		expect(emulator.requests({ method: 'POST', route: /^\/v3\/bills\b/ })).toHaveLength(1);
		expect(emulator.state.bills.size).toBe(1);
		// The re-run finds the bill instead of creating it again.
		const again = await runBill(credentials, create(harbor, { invoiceNumber: 'LOST-1' }));
		expect(again.output[0].json.alreadyExisted).toBe(true);
		expect(emulator.state.bills.size).toBe(1);
	});
});

describe('Bill: session expiry', () => {
	it('logs in again once when BILL ends the session in the middle of a run', async () => {
		const credentials = billCredentials(emulator);
		const harbor = vendor('Harbor Freight');
		let created = 0;
		emulator.onEvent((event) => {
			// 36 idle minutes pass after the third bill: BILL ends the session.
			if (event.type === 'bill.created' && ++created === 3) emulator.clock.advance(36 * 60 * 1000);
		});
		const items = Array.from({ length: 8 }, (_, i) => ({ n: `S-${i}` }));
		const { output, error } = await runBill(
			credentials,
			(_i, json) => create(harbor, { invoiceNumber: json.n }),
			{ items },
		);
		expect(error).toBeUndefined();
		expect(output.every((o) => o.json.alreadyExisted === false)).toBe(true);
		expect(emulator.state.bills.size).toBe(8);
		expect(emulator.logins()).toBe(2);
		expect(
			emulator.requests({ method: 'POST', route: '/v3/bills' }).filter((r) => r.status === 201),
		).toHaveLength(8);
	});
	it('a run that starts after the session ended (the next morning) logs in once, not once per request in flight', async () => {
		const credentials = billCredentials(emulator);
		const vendors = ['Harbor Freight', 'Maple Leaf', 'San Jose Music'].map(vendor);
		await runBill(credentials, { resource: 'bill', operation: 'getMany', returnAll: true });
		expect(emulator.logins()).toBe(1);
		emulator.clock.advance(12 * 60 * 60 * 1000);
		// Three items at once, each for another vendor: three lookups in flight meet the ended session together.
		const { output, error } = await runBill(
			credentials,
			(i) => create(vendors[i], { invoiceNumber: `N-${i}` }),
			{ items: [{}, {}, {}] },
		);
		expect(error).toBeUndefined();
		expect(output.every((o) => o.json.alreadyExisted === false)).toBe(true);
		expect(emulator.logins()).toBe(2);
		expect(emulator.log.filter((e) => e.status === 401).length).toBeGreaterThanOrEqual(2);
	});
});
