/**
 * Bill → Get Many (filters, pages, thousands of bills) and the bill search list, in-process
 * against the emulator.
 * Create Many, bad input and failures: createMany.test.ts, input.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { searchBills } from '../../../../nodes/Bill/listSearch/bills';
import { seedBills } from '../../../../emulator/routes/bills';
import type { Json } from '../../../../emulator/state';
import { billCredentials, billNode, byId, runBillOk } from '../../../harness/bill';
import { loadOptionsContext, type CredentialStore } from '../../../harness/context';
import { createParameters, emulator, makeVendor, useBillEmulator } from './setup';

useBillEmulator();

describe('Bill: get many', () => {
	async function scenario(credentials: CredentialStore) {
		const harbor = await makeVendor(credentials, 'Harbor Freight');
		const maple = await makeVendor(credentials, 'Maple Leaf Printing');
		const items = [
			{ v: harbor, n: 'H-1', due: '2026-12-01' },
			{ v: harbor, n: 'H-2', due: '2026-12-05' },
			{ v: harbor, n: 'H-3', due: '2026-12-20' },
			{ v: maple, n: 'M-1', due: '2026-12-03' },
			{ v: maple, n: 'M-2', due: '2027-01-10' },
		];
		const bills = await runBillOk(
			credentials,
			(_i, json) => createParameters(json.v as string, json.n as string, { dueDate: json.due }),
			{ items },
		);
		const byNumber: Record<string, string> = Object.fromEntries(
			bills.map((b) => [String((b.invoice as Json).invoiceNumber), String(b.id)]),
		);
		return { harbor, maple, byNumber };
	}
	const getMany = (extra: IDataObject) => ({
		resource: 'bill',
		operation: 'getMany',
		returnAll: true,
		...extra,
	});
	const numbers = (bills: IDataObject[]) =>
		bills.map((b) => (b.invoice as Json).invoiceNumber).sort();

	it('filters by vendor, payment status, due date range and archived', async () => {
		const credentials = billCredentials(emulator);
		const { harbor, maple, byNumber } = await scenario(credentials);
		await runBillOk(credentials, {
			resource: 'bill',
			operation: 'recordPayment',
			vendorId: byId(harbor),
			processDate: '2026-11-20',
			payments: { payment: [{ billId: byNumber['H-1'], amount: 10 }] },
		});
		await runBillOk(credentials, {
			resource: 'bill',
			operation: 'archive',
			billId: byId(byNumber['M-1']),
		});

		expect(
			numbers(await runBillOk(credentials, getMany({ filters: { vendorId: byId(harbor) } }))),
		).toEqual(['H-1', 'H-2', 'H-3']);
		expect(
			numbers(await runBillOk(credentials, getMany({ filters: { paymentStatuses: ['PARTIAL'] } }))),
		).toEqual(['H-1']);
		expect(
			numbers(
				await runBillOk(
					credentials,
					getMany({
						filters: {
							paymentStatuses: ['UNPAID', 'PARTIAL'],
							vendorId: { __rl: true, mode: 'list', value: maple },
						},
					}),
				),
			),
		).toEqual(['M-1', 'M-2']);
		// Unpaid bills due in the first week of December: the morning digest.
		expect(
			numbers(
				await runBillOk(
					credentials,
					getMany({
						filters: {
							dueDateFrom: '2026-12-01',
							dueDateTo: '2026-12-07T00:00:00Z',
							paymentStatuses: ['UNPAID'],
						},
					}),
				),
			),
		).toEqual(['H-2', 'M-1']);
		expect(numbers(await runBillOk(credentials, getMany({ filters: { archived: true } })))).toEqual(
			['M-1'],
		);
		expect(
			numbers(await runBillOk(credentials, getMany({ filters: { archived: false } }))),
		).toEqual(['H-1', 'H-2', 'H-3', 'M-2']);
		expect(
			numbers(
				await runBillOk(
					credentials,
					getMany({ filters: { ids: `${byNumber['H-3']}, ${byNumber['M-2']}` } }),
				),
			),
		).toEqual(['H-3', 'M-2']);
		// One page each (Return All, fewer than 100 bills), plus the lookups of the scenario.
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(7 + 2);
	});

	it("sends BILL's filter and sort syntax in the query", async () => {
		const credentials = billCredentials(emulator);
		const { harbor } = await scenario(credentials);
		const queries: Array<Record<string, string>> = [];
		const route = emulator.routes.find((r) => r.method === 'GET' && r.pattern === '/v3/bills')!;
		const handler = route.handler;
		route.handler = (context) => {
			queries.push(context.query);
			return handler(context);
		};
		try {
			const sorted = await runBillOk(
				credentials,
				getMany({
					filters: {
						vendorId: byId(harbor),
						dueDateFrom: '2026-12-02',
						paymentStatuses: ['UNPAID', 'PARTIAL'],
					},
					sort: { sortBy: { field: 'dueDate', direction: 'desc' } },
				}),
			);
			expect(sorted.map((b) => b.dueDate)).toEqual(['2026-12-20', '2026-12-05']);
		} finally {
			route.handler = handler;
		}
		expect(queries[0]).toEqual({
			filters: `vendorId:eq:${harbor},paymentStatus:in:"UNPAID,PARTIAL",dueDate:gte:2026-12-02`,
			sort: 'dueDate:desc',
			max: '100',
		});
	});

	it('filters by created and updated time', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'Harbor Freight');
		const [old] = await runBillOk(credentials, createParameters(vendorId, 'T-1'));
		emulator.clock.advance(2 * 60 * 60 * 1000);
		const cut = emulator.clock.now().toISOString();
		emulator.clock.advance(60 * 1000);
		const [recent] = await runBillOk(credentials, createParameters(vendorId, 'T-2'));
		const ids = (bills: IDataObject[]) => bills.map((b) => b.id);
		expect(ids(await runBillOk(credentials, getMany({ filters: { createdAfter: cut } })))).toEqual([
			recent.id,
		]);
		expect(ids(await runBillOk(credentials, getMany({ filters: { createdBefore: cut } })))).toEqual(
			[old.id],
		);
		emulator.clock.advance(60 * 1000);
		const touched = emulator.clock.now().toISOString();
		await runBillOk(credentials, {
			resource: 'bill',
			operation: 'archive',
			billId: byId(old.id as string),
		});
		expect(
			ids(await runBillOk(credentials, getMany({ filters: { updatedAfter: touched } }))),
		).toEqual([old.id]);
		expect(
			ids(await runBillOk(credentials, getMany({ filters: { updatedBefore: touched } }))),
		).toEqual([recent.id]);
	});

	it('returns all of more than 100 bills across pages, or only the limit, with the simplified form', async () => {
		const credentials = billCredentials(emulator);
		const vendorId = await makeVendor(credentials, 'Harbor Freight');
		seedBills(emulator, vendorId, 250);
		const all = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all).toHaveLength(250);
		expect(new Set(all.map((b) => b.id)).size).toBe(250);
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(3);
		const limited = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'getMany',
			returnAll: false,
			limit: 120,
			simplify: true,
		});
		expect(limited).toHaveLength(120);
		expect(Object.keys(limited[0]).sort()).toEqual(
			[
				'amount',
				'approvalStatus',
				'archived',
				'dueAmount',
				'dueDate',
				'id',
				'invoiceDate',
				'invoiceNumber',
				'paidAmount',
				'paymentStatus',
				'vendorId',
				'vendorName',
			].sort(),
		);
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(5);
	});
});

describe('Bill: thousands of bills', () => {
	it('reads 2,500 bills of one vendor sorted by due date, 100 a page, each bill once and in order', async () => {
		const credentials = billCredentials(emulator);
		const harbor = await makeVendor(credentials, 'Harbor Freight');
		const maple = await makeVendor(credentials, 'Maple Leaf Printing');
		seedBills(emulator, harbor, 2500);
		seedBills(emulator, maple, 300);
		const bills = await runBillOk(credentials, {
			resource: 'bill',
			operation: 'getMany',
			returnAll: true,
			filters: { vendorId: byId(harbor) },
			sort: { sortBy: { field: 'dueDate', direction: 'desc' } },
			simplify: true,
		});
		expect(bills).toHaveLength(2500);
		expect(new Set(bills.map((b) => b.id)).size).toBe(2500);
		expect(bills.every((b) => b.vendorId === harbor)).toBe(true);
		const dates = bills.map((b) => String(b.dueDate));
		expect(dates).toEqual([...dates].sort().reverse());
		expect(emulator.requests({ method: 'GET', route: '/v3/bills' })).toHaveLength(25);
	});
});

describe('Bill: search list', () => {
	it('finds active bills by invoice number or vendor name, page by page', async () => {
		const credentials = billCredentials(emulator);
		const harbor = await makeVendor(credentials, 'Harbor Freight');
		const maple = await makeVendor(credentials, 'Maple Leaf Printing');
		seedBills(emulator, harbor, 120);
		const [mine] = await runBillOk(credentials, createParameters(maple, 'MAPLE-42'));
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'bill', operation: 'get' },
			credentials,
		});
		const found = await searchBills.call(context, 'maple');
		expect(found.results).toEqual([
			{ name: `#MAPLE-42 · Maple Leaf Printing · 308.98 · due 2026-12-01`, value: mine.id },
		]);
		// The search read the whole list (121 bills) at once: nothing left to scroll to.
		expect(found.paginationToken).toBeUndefined();
		const page1 = await searchBills.call(context);
		expect(page1.results).toHaveLength(100);
		const page2 = await searchBills.call(context, undefined, page1.paginationToken as string);
		expect(page2.results).toHaveLength(21);
		expect(page2.paginationToken).toBeUndefined();
	});
});
