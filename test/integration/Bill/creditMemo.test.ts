/** Credit Memo resource against the emulator: every operation, bulk 50 a request, re-runs, refusals. */
import type { IDataObject } from 'n8n-workflow';

import { searchCreditMemos } from '../../../nodes/Bill/listSearch/creditMemos';
import { startEmulator, type Emulator } from '../../../emulator';
import { receivables } from '../../../emulator/receivables';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../harness/bill';
import { loadOptionsContext, type CredentialStore } from '../../harness/context';

let emulator: Emulator;
let credentials: CredentialStore;
let customerId: string;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(async () => {
	emulator.reset();
	credentials = billCredentials(emulator);
	const [customer] = await runBillOk(credentials, {
		resource: 'customer',
		operation: 'create',
		name: 'Paperless Band',
		email: 'ap@paperless.example',
	});
	customerId = String(customer.id);
});

const memos = () => [...receivables(emulator.state).creditMemos.values()];
const lines = {
	item: [
		{ description: 'Drum sticks', lineType: 'priced', quantity: 2, price: 14.99 },
		{ description: 'Picks', lineType: 'priced', quantity: 1, price: 50 },
		{ description: '10% discount', lineType: 'percent', ratePercent: -10 },
	],
};
const fields = (referenceNumber: string, extra: IDataObject = {}) => ({
	customerId: byId(customerId),
	referenceNumber,
	creditDate: '2026-12-01',
	lineItems: lines,
	additionalFields: { description: 'Returned goods' },
	...extra,
});
const ids = (output: IDataObject[]) => output.map((m) => String(m.id));

describe('Credit Memo', () => {
	it('creates a credit memo (percent line on the lines above: $71.98); a re-run returns it', async () => {
		const parameters = { resource: 'creditMemo', operation: 'create', ...fields('CM-1') };
		const [memo] = await runBillOk(credentials, parameters);
		expect(memo).toMatchObject({ amount: 71.98, referenceNumber: 'CM-1', alreadyExisted: false });
		expect(memo.id).toMatch(/^ccr/);
		const [again] = await runBillOk(credentials, parameters);
		expect(again).toMatchObject({ id: memo.id, alreadyExisted: true });
		await runBillOk(credentials, { ...parameters, skipExisting: false });
		expect(memos()).toHaveLength(2);
	});

	it("creates many 50 a request with BILL's wrapped answer, skipping existing numbers and repeats", async () => {
		await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'create',
			...fields('CM-0'),
		});
		const items = Array.from({ length: 60 }, (_, i) => ({ n: `CM-${i}` }));
		items.push({ n: 'CM-5' });
		const parameters = (_i: number, json: IDataObject) => ({
			resource: 'creditMemo',
			operation: 'createMany',
			...fields(String(json.n)),
		});
		const output = await runBillOk(credentials, parameters, { items });
		expect(output).toHaveLength(61);
		expect(output[0].alreadyExisted).toBe(true);
		expect(output[1]).toMatchObject({ referenceNumber: 'CM-1', alreadyExisted: false });
		expect(output[60]).toMatchObject({ id: output[5].id, alreadyExisted: true });
		expect(memos()).toHaveLength(60);
		const bulk = emulator.requests({ method: 'POST', route: '/v3/credit-memos/bulk' });
		expect(bulk.map((r) => r.status)).toEqual([201, 201]);
		const again = await runBillOk(credentials, parameters, { items });
		expect(again.every((m) => m.alreadyExisted === true)).toBe(true);
		expect(memos()).toHaveLength(60);
	});

	// BILL does all of a bulk request or none; a refusal that names an entry ("[1] Customer not
	// found: …") names that input item. With Continue On Fail the rest of the refused request is
	// sent again without it (issue 30); without, the run stops with one error naming the item.
	const refusedItems = [{ c: 'good' }, { c: '0cu02ABCDEFGHIJKLMNO' }];
	const refusedParameters = (_i: number, json: IDataObject) => ({
		resource: 'creditMemo',
		operation: 'createMany',
		...fields(`CM-${String(json.c)}`, {
			customerId: byId(json.c === 'good' ? customerId : String(json.c)),
		}),
	});

	it('a refused bulk request names the refused item; with Continue On Fail the rest is sent again without it', async () => {
		const output = await runBillOk(credentials, refusedParameters, {
			items: refusedItems,
			continueOnFail: true,
		});
		expect(output[0]).toMatchObject({ referenceNumber: 'CM-good', alreadyExisted: false });
		expect(output[1].code).toBe('BDC_1121');
		expect(String(output[1].error)).toMatch(/item 1: .*0cu02ABCDEFGHIJKLMNO/);
		expect(memos()).toHaveLength(1);
		const bulk = emulator.requests({ method: 'POST', route: '/v3/credit-memos/bulk' });
		expect(bulk.map((r) => r.status)).toEqual([404, 201]);
	});

	it("without Continue On Fail a refused bulk request creates none of its credit memos (BILL's all or none) and the run fails naming the item", async () => {
		const { error } = await runBill(credentials, refusedParameters, { items: refusedItems });
		expect(error?.message).toMatch(/item 1: .*0cu02ABCDEFGHIJKLMNO/);
		expect((error as { context?: IDataObject }).context?.itemIndex).toBe(1);
		expect(memos()).toHaveLength(0);
		expect(emulator.requests({ method: 'POST', route: '/v3/credit-memos/bulk' })).toHaveLength(1);
	});

	it('gets, lists, updates, replaces, archives and restores one credit memo', async () => {
		const [memo] = await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'create',
			...fields('CM-1'),
		});
		const id = String(memo.id);
		const [got] = await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'get',
			creditMemoId: byId(id),
		});
		const lineId = String((got.creditMemoLineItems as IDataObject[])[0].id);
		const list = await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'getMany',
			returnAll: true,
			filters: { customerId: byId(customerId), archived: false },
		});
		expect(ids(list)).toEqual([id]);
		const [updated] = await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'update',
			creditMemoId: byId(id),
			updateFields: { description: 'Updated' },
			lineItems: { item: [{ id: lineId, lineType: 'priced', quantity: 2, price: 19.99 }] },
		});
		expect(updated).toMatchObject({ description: 'Updated', amount: 80.98 });
		const [replaced] = await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'replace',
			creditMemoId: byId(id),
			...fields('CM-1', {
				lineItems: { item: [{ lineType: 'priced', quantity: 1, price: 29.99 }] },
			}),
		});
		expect(replaced).toMatchObject({ amount: 29.99 });
		expect(replaced.creditMemoLineItems).toHaveLength(1);
		const [archived] = await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'archive',
			creditMemoId: byId(id),
		});
		expect(archived.archived).toBe(true);
		const [restored] = await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'restore',
			creditMemoId: byId(id),
		});
		expect(restored.archived).toBe(false);
	});

	it('updates, archives and restores many, one output item per input item', async () => {
		const items = Array.from({ length: 3 }, (_, i) => ({ n: `CM-${i}` }));
		const created = await runBillOk(
			credentials,
			(_i, json) => ({
				resource: 'creditMemo',
				operation: 'createMany',
				...fields(String(json.n)),
			}),
			{ items },
		);
		const byMemo = created.map((m) => ({ id: String(m.id) }));
		const updated = await runBillOk(
			credentials,
			(_i, json) => ({
				resource: 'creditMemo',
				operation: 'updateMany',
				creditMemoId: byId(String(json.id)),
				updateFields: { description: 'Bulk' },
			}),
			{ items: byMemo },
		);
		expect(updated.map((m) => [m.id, m.description])).toEqual(byMemo.map((m) => [m.id, 'Bulk']));
		const archived = await runBillOk(
			credentials,
			(_i, json) => ({
				resource: 'creditMemo',
				operation: 'archiveMany',
				creditMemoId: byId(String(json.id)),
			}),
			{ items: byMemo },
		);
		expect(archived.map((m) => m.archived)).toEqual([true, true, true]);
		const restored = await runBillOk(
			credentials,
			(_i, json) => ({
				resource: 'creditMemo',
				operation: 'restoreMany',
				creditMemoId: byId(String(json.id)),
			}),
			{ items: byMemo },
		);
		expect(restored.map((m) => m.archived)).toEqual([false, false, false]);
		expect(
			emulator.requests({ method: 'POST', route: '/v3/credit-memos/bulk/archive' }),
		).toHaveLength(1);
		expect(emulator.requests({ method: 'PATCH', route: '/v3/credit-memos/bulk' })).toHaveLength(1);
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const before = emulator.log.length;
		const cases: Array<[IDataObject, RegExp]> = [
			[
				{
					resource: 'creditMemo',
					operation: 'create',
					...fields('CM-1', { lineItems: { item: [] } }),
				},
				/Line Items: add at least one line item \[item 0\]/,
			],
			[
				{
					resource: 'creditMemo',
					operation: 'create',
					...fields('CM-1', { creditDate: expr('yesterday') }),
				},
				/Credit Date: "yesterday" is not a date/,
			],
			[
				{
					resource: 'creditMemo',
					operation: 'createMany',
					...fields('CM-1', { additionalFields: { salesTaxItemId: 'x' } }),
				},
				/Sales Tax Item: "x" is not a BILL item ID/,
			],
			[
				{
					resource: 'creditMemo',
					operation: 'archiveMany',
					creditMemoId: byId(expr('00e02ABCDEFGHIJKLMNO')),
				},
				/Credit Memo: .* is not a BILL credit memo/,
			],
			[
				{
					resource: 'creditMemo',
					operation: 'updateMany',
					creditMemoId: byId('ccr02ABCDEFGHIJKLMNO'),
					updateFields: {},
				},
				/Update Fields: add at least one field or line item/,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials, parameters as never);
			expect(error?.message).toMatch(message);
		}
		expect(emulator.log.slice(before).filter((r) => r.route !== '/v3/login')).toHaveLength(0);
	});

	it('searches credit memos by reference number for the resource locator', async () => {
		await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'create',
			...fields('CM-1'),
		});
		await runBillOk(credentials, {
			resource: 'creditMemo',
			operation: 'create',
			...fields('RET-2'),
		});
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'creditMemo', operation: 'get' },
			credentials,
		});
		const found = await searchCreditMemos.call(context, 'ret');
		expect(found.results).toEqual([
			{ name: 'RET-2 · 71.98 · 2026-12-01', value: expect.stringMatching(/^ccr/) },
		]);
	});
});
