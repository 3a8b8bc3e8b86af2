/** Vendor Credit resource, in-process against the emulator: every operation and refusal. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { searchVendorCredits } from '../../../nodes/Bill/listSearch/vendorCredits';
import { vendorCredit } from '../../../nodes/Bill/resources/vendorCredit';
import { startEmulator, type Emulator } from '../../../emulator';
import { loadOptionsContext } from '../../harness/context';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = () => billCredentials(emulator);
const sent = (method: string, route: string) => emulator.requests({ method, route }).length;

async function makeVendor(name = 'Drum Supply Co'): Promise<string> {
	const [vendor] = await runBillOk(credentials(), {
		resource: 'vendor',
		operation: 'create',
		name,
		accountType: 'BUSINESS',
		email: 'ap@drums.example',
		phone: '1',
	});
	return vendor.id as string;
}

const credit = (vendorId: string, extra: IDataObject = {}): INodeParameters =>
	({
		resource: 'vendorCredit',
		operation: 'create',
		vendorId: byId(vendorId),
		referenceNumber: 'CM-100',
		creditDate: '2026-12-01',
		lineItems: {
			lineItem: [
				{ amount: 14.99, description: 'Returned drum sticks' },
				{
					amount: 50,
					description: 'Guitar picks',
					classifications: { jobId: 'job02ABCDEFGHIJKLMNO' },
				},
			],
		},
		...extra,
	}) as INodeParameters;

describe('Vendor Credit', () => {
	it('creates a credit with its lines as BILL has them, and a re-run creates nothing twice', async () => {
		const vendorId = await makeVendor();
		const [made] = await runBillOk(
			credentials(),
			credit(vendorId, {
				additionalFields: {
					description: 'Returns',
					applyToChartOfAccountId: byId('0ca02ABCDEFGHIJKLMNO'),
				},
			}),
		);
		expect(made).toMatchObject({
			vendorId,
			referenceNumber: 'CM-100',
			creditDate: '2026-12-01',
			amount: 64.99,
			status: 'NOT_APPLIED',
			description: 'Returns',
			applyToChartOfAccountId: '0ca02ABCDEFGHIJKLMNO',
			alreadyExisted: false,
		});
		expect(made.id).toMatch(/^vcr02/);
		expect((made.vendorCreditLineItems as IDataObject[])[1]).toMatchObject({
			amount: 50,
			classifications: { jobId: 'job02ABCDEFGHIJKLMNO' },
		});
		const again = await runBillOk(
			credentials(),
			credit(vendorId, { referenceNumber: ' cm-100 ' }),
			{
				items: [{}, {}],
			},
		);
		expect(again.map((o) => [o.id, o.alreadyExisted])).toEqual([
			[made.id, true],
			[made.id, true],
		]);
		expect(sent('POST', '/v3/vendor-credits')).toBe(1);
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const vendorId = await makeVendor();
		const cases: Array<[INodeParameters, RegExp]> = [
			[credit(vendorId, { lineItems: {} }), /^Line Items: add at least one line \[item 0\]/],
			[
				credit(vendorId, { creditDate: expr('31/12/2026') }),
				/^Credit Date: "31\/12\/2026" is not a date \[item 0\]/,
			],
			[
				credit(vendorId, { referenceNumber: expr(' ') }),
				/^Reference Number: is required \[item 0\]/,
			],
			[credit(vendorId, { vendorId: byId(expr('0ca02ABCDEFGHIJKLMNO')) }), /^Vendor: .*\[item 0\]/],
			[
				credit(vendorId, { lineItems: { lineItem: [{ amount: expr(-5) }] } }),
				/^Line Items, line 1 → amount: must not be negative \[item 0\]/,
			],
			[
				credit(vendorId, {
					additionalFields: { applyToBankAccountId: byId(expr('0ca02ABCDEFGHIJKLMNO')) },
				}),
				/^Additional Fields → Apply to Bank Account: .*\[item 0\]/,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials(), parameters);
			expect(error?.message).toMatch(message);
		}
		expect(sent('POST', '/v3/vendor-credits')).toBe(0);
	});

	it('gets, updates a field and a line, replaces the lines, archives; BILL has no restore', async () => {
		const vendorId = await makeVendor();
		const [made] = await runBillOk(credentials(), credit(vendorId));
		const id = made.id as string;
		const [first, second] = made.vendorCreditLineItems as Array<{ id: string }>;
		const base = { resource: 'vendorCredit', vendorCreditId: byId(id) };
		const [got] = await runBillOk(credentials(), { ...base, operation: 'get' });
		expect(got.usage).toEqual([]);
		const [updated] = await runBillOk(credentials(), {
			...base,
			operation: 'update',
			updateFields: { description: 'Corrected' },
			lineItemChanges: { lineItem: [{ id: first.id, amount: 20 }] },
		});
		expect(updated).toMatchObject({ description: 'Corrected', amount: 70 });
		expect((updated.vendorCreditLineItems as IDataObject[]).map((l) => l.id)).toEqual([
			first.id,
			second.id,
		]);
		const [replaced] = await runBillOk(credentials(), {
			...credit(vendorId),
			...base,
			operation: 'replace',
			lineItems: {
				lineItem: [
					{ id: second.id, amount: 50, description: 'Guitar picks' },
					{ amount: 5, description: 'New' },
				],
			},
		});
		const lines = replaced.vendorCreditLineItems as IDataObject[];
		expect(lines.map((l) => l.amount)).toEqual([50, 5]);
		expect(lines[0].id).toBe(second.id);
		expect(replaced.amount).toBe(55);
		const [archived] = await runBillOk(credentials(), { ...base, operation: 'archive' });
		expect(archived.archived).toBe(true);
		expect(Object.keys(vendorCredit.operations)).not.toContain('restore');
		const archiveOption = (
			vendorCredit.description[0].options as Array<{ value: string; description: string }>
		).find((o) => o.value === 'archive');
		expect(archiveOption?.description).toMatch(/cannot restore/);
		// BILL refuses to change an archived credit: its code and message reach the user.
		const { error } = await runBill(credentials(), {
			...base,
			operation: 'update',
			updateFields: { description: 'x' },
		});
		expect(error?.message).toMatch(/archived vendor credit cannot be changed/);
		expect(JSON.stringify(error)).toContain('BDC_1002');
	});

	it('refuses an update with nothing to change, and a line change without its ID', async () => {
		const base = {
			resource: 'vendorCredit',
			operation: 'update',
			vendorCreditId: byId('vcr02ABCDEFGHIJKLMNO'),
		};
		const empty = await runBill(credentials(), base);
		expect(empty.error?.message).toMatch(
			/^Update Fields: add at least one field or line item change \[item 0\]/,
		);
		const noId = await runBill(credentials(), {
			...base,
			lineItemChanges: { lineItem: [{ amount: 5 }] },
		});
		expect(noId.error?.message).toMatch(/^Line Item Changes, line 1 → id: is required \[item 0\]/);
		expect(sent('PATCH', '/v3/vendor-credits/:vendorCreditId')).toBe(0);
	});

	it("lists a vendor's credits by status, and searches them by reference number", async () => {
		const a = await makeVendor('A');
		const b = await makeVendor('B');
		await runBillOk(credentials(), (i) => credit(i < 2 ? a : b, { referenceNumber: `CM-${i}` }), {
			items: [{}, {}, {}],
		});
		const ofA = await runBillOk(credentials(), {
			resource: 'vendorCredit',
			operation: 'getMany',
			returnAll: true,
			filters: { vendorId: byId(a), status: ['NOT_APPLIED'], archived: false },
		});
		expect(ofA.map((c) => c.referenceNumber).sort()).toEqual(['CM-0', 'CM-1']);
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'vendorCredit', operation: 'get' },
			credentials: credentials(),
		});
		const found = await searchVendorCredits.call(context, 'cm-2');
		expect(found.results).toHaveLength(1);
		expect(found.results[0].name).toMatch(/^CM-2 · 2026-12-01 · 64.99 · NOT_APPLIED$/);
	});
});

describe('Vendor Credit: Many operations', () => {
	it('creates 55 in two requests of at most 50; a re-run creates nothing twice', async () => {
		const vendorId = await makeVendor();
		const items = Array.from({ length: 55 }, (_, i) => ({ ref: `CM-${i}` }));
		const parameters = {
			...credit(vendorId),
			operation: 'createMany',
			referenceNumber: '={{ $json.ref }}',
		};
		const out = await runBillOk(credentials(), parameters, { items });
		expect(out.map((o) => o.referenceNumber)).toEqual(items.map((i) => i.ref));
		expect(sent('POST', '/v3/vendor-credits/bulk')).toBe(2);
		const again = await runBillOk(credentials(), parameters, { items });
		expect(again.every((o) => o.alreadyExisted === true)).toBe(true);
		expect(sent('POST', '/v3/vendor-credits/bulk')).toBe(2);
	});

	it("takes BILL's JSON for Create, Update and Replace Many, checked before sending", async () => {
		const vendorId = await makeVendor();
		const json = (operation: string, value: unknown) => ({
			resource: 'vendorCredit',
			operation,
			vendorCreditsInput: 'json',
			vendorCreditsJson: JSON.stringify(value),
		});
		const made = await runBillOk(
			credentials(),
			json('createMany', [
				{
					vendorId,
					referenceNumber: 'J-1',
					creditDate: '2026-12-01',
					vendorCreditLineItems: [{ amount: 10 }],
				},
				{
					vendorId,
					referenceNumber: 'J-2',
					creditDate: '2026-12-01',
					vendorCreditLineItems: [{ amount: 20 }],
				},
			]),
		);
		expect(made.map((c) => c.amount)).toEqual([10, 20]);
		const changed = await runBillOk(
			credentials(),
			json(
				'updateMany',
				made.map((c) => ({ id: c.id, description: `about ${String(c.referenceNumber)}` })),
			),
		);
		expect(changed.map((c) => c.description)).toEqual(['about J-1', 'about J-2']);
		const replaced = await runBillOk(
			credentials(),
			json('replaceMany', [
				{
					id: made[0].id,
					vendorId,
					referenceNumber: 'J-1',
					creditDate: '2026-12-02',
					vendorCreditLineItems: [{ amount: 15 }],
				},
			]),
		);
		expect(replaced[0]).toMatchObject({ creditDate: '2026-12-02', amount: 15 });
		const bad = await runBill(
			credentials(),
			json('replaceMany', [{ vendorId, referenceNumber: 'X' }]),
		);
		expect(bad.error?.message).toMatch(/^Vendor Credits \(JSON\) → id: is required \[item 0\]/);
		const noLines = await runBill(
			credentials(),
			json('createMany', { vendorId, referenceNumber: 'X', creditDate: '2026-12-01' }),
		);
		expect(noLines.error?.message).toMatch(
			/^Vendor Credits \(JSON\) → vendorCreditLineItems: must be a non-empty array/,
		);
	});

	it('with Continue On Fail, a refused request fails its own credits and the others go on', async () => {
		const vendorId = await makeVendor();
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'referenceNumber: taken',
			method: 'POST',
			path: '/v3/vendor-credits/bulk',
			times: 1,
		});
		const { output } = await runBill(
			credentials(),
			{
				...credit(vendorId),
				operation: 'createMany',
				referenceNumber: '={{ $json.ref }}',
				skipExisting: false,
			},
			{ items: [{ ref: 'A' }, { ref: '' }], continueOnFail: true },
		);
		expect(output[1].json.error).toMatch(/Reference Number: is required \[item 1\]/);
		expect(output[0].json.error).toMatch(
			/BILL refused the bulk create of item 0 \(1 vendor credits\): .*referenceNumber: taken/,
		);
	});

	it('updates, replaces and archives many by the IDs of the input items', async () => {
		const vendorId = await makeVendor();
		const made = await runBillOk(
			credentials(),
			(i) => credit(vendorId, { referenceNumber: `R-${i}` }),
			{ items: [{}, {}] },
		);
		const byItem = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
		const updated = await runBillOk(
			credentials(),
			{
				resource: 'vendorCredit',
				operation: 'updateMany',
				vendorCreditId: byItem,
				updateFields: { description: 'batch' },
			},
			{ items: made },
		);
		expect(updated.map((c) => c.description)).toEqual(['batch', 'batch']);
		expect(sent('PATCH', '/v3/vendor-credits/bulk')).toBe(1);
		const replaced = await runBillOk(
			credentials(),
			{
				...credit(vendorId),
				operation: 'replaceMany',
				vendorCreditId: byItem,
				referenceNumber: '={{ $json.referenceNumber }}',
				lineItems: { lineItem: [{ amount: 1 }] },
			},
			{ items: made },
		);
		expect(replaced.map((c) => c.amount)).toEqual([1, 1]);
		const archived = await runBillOk(
			credentials(),
			{ resource: 'vendorCredit', operation: 'archiveMany', vendorCreditId: byItem },
			{ items: [...made, made[1]] },
		);
		expect(archived.map((c) => c.archived)).toEqual([true, true, true]);
		expect(sent('POST', '/v3/vendor-credits/bulk/archive')).toBe(1);
	});
});
