/**
 * Every output item carries `pairedItem` back to the input item that produced it, for every
 * operation of both action nodes (the routers' registries), so that `$('Earlier node').item` in a
 * later node finds its item in n8n 1.x and 2.x alike. Walked with 2 input items and Continue On
 * Fail (an operation left at its defaults mostly refuses its parameters: the error items must be
 * paired too), then the paths that answer with items of their own: Create when the object already
 * exists, Create Many, Get Many with Return All, Record Payment, a Spend & Expense list.
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { resources as billResources } from '../../../nodes/Bill/resources';
import { resources as spendResources } from '../../../nodes/BillSpend/resources';
import { startEmulator, type Emulator } from '../../../emulator';
import { billCredentials, byId, runBill, runBillOk } from '../../harness/bill';
import { runSpend, spendCredentials } from '../../harness/spend';
import type { RunResult } from '../../harness/context';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());

const ITEMS: IDataObject[] = [{ row: 1 }, { row: 2 }];

/** What is wrong with the pairing of a run's output over `inputs` items ([] when nothing). */
function pairingProblems({ output, error }: RunResult, inputs: number): string[] {
	if (error) return [];
	return output.flatMap((item: INodeExecutionData, n) => {
		const paired = ([] as IPairedItemData[]).concat(
			(item.pairedItem as IPairedItemData | IPairedItemData[] | undefined) ?? [],
		);
		if (!paired.length) return [`output ${n} has no pairedItem`];
		return paired
			.filter((p) => !Number.isInteger(p.item) || p.item < 0 || p.item >= inputs)
			.map((p) => `output ${n} is paired with item ${p.item} of ${inputs}`);
	});
}

/** The item each output item is paired with. */
const pairedWith = (output: INodeExecutionData[]) =>
	output.map((item) => (item.pairedItem as IPairedItemData).item);

const operationsOf = (registry: Record<string, { operations: Record<string, unknown> }>) =>
	Object.entries(registry).flatMap(([resource, r]) =>
		Object.keys(r.operations).map((operation) => [resource, operation] as const),
	);

describe('pairedItem on every output item', () => {
	it.each(operationsOf(billResources))(
		'BILL %s → %s: 2 items, Continue On Fail',
		async (resource, operation) => {
			const run = await runBill(
				billCredentials(emulator),
				{ resource, operation },
				{ items: ITEMS, continueOnFail: true },
			);
			expect(pairingProblems(run, ITEMS.length)).toEqual([]);
		},
	);

	it.each(operationsOf(spendResources))(
		'BILL Spend & Expense %s → %s: 2 items, Continue On Fail',
		async (resource, operation) => {
			const run = await runSpend(
				spendCredentials(emulator),
				{ resource, operation },
				{ items: ITEMS, continueOnFail: true },
			);
			expect(pairingProblems(run, ITEMS.length)).toEqual([]);
		},
	);
});

describe('pairedItem where operations answer with items of their own', () => {
	const credentials = () => billCredentials(emulator);
	const vendor = (name: string) => ({
		resource: 'vendor',
		operation: 'create',
		name,
		accountType: 'BUSINESS',
		email: 'ap@example.com',
		phone: '1',
	});

	it('Vendor → Create of two vendors, the second already in BILL', async () => {
		await runBillOk(credentials(), vendor('Paired Existing Co'));
		const run = await runBill(
			credentials(),
			(i) => ({ ...vendor(i === 0 ? 'Paired New Co' : 'Paired Existing Co'), skipExisting: true }),
			{ items: ITEMS },
		);
		expect(run.error).toBeUndefined();
		expect(pairingProblems(run, 2)).toEqual([]);
		expect(pairedWith(run.output)).toEqual([0, 1]);
	});

	it('Vendor → Create Many of two vendors', async () => {
		const run = await runBill(
			credentials(),
			(i) => ({ ...vendor(`Paired Many ${i}`), operation: 'createMany' }),
			{ items: ITEMS },
		);
		expect(run.error).toBeUndefined();
		expect(pairingProblems(run, 2)).toEqual([]);
		expect(pairedWith(run.output)).toEqual([0, 1]);
	});

	it('Vendor → Get Many with Return All, for each of two input items', async () => {
		const run = await runBill(
			credentials(),
			{ resource: 'vendor', operation: 'getMany', returnAll: true },
			{ items: ITEMS },
		);
		expect(run.error).toBeUndefined();
		expect(run.output.length).toBeGreaterThan(2);
		expect(pairingProblems(run, 2)).toEqual([]);
		const half = run.output.length / 2;
		expect(pairedWith(run.output)).toEqual([
			...Array<number>(half).fill(0),
			...Array<number>(half).fill(1),
		]);
	});

	it('Bill → Record Payment for two bills', async () => {
		const [made] = await runBillOk(credentials(), vendor('Paired Payee Co'));
		const bills = await runBillOk(
			credentials(),
			(i) => ({
				resource: 'bill',
				operation: 'create',
				vendorId: byId(made.id as string),
				invoiceNumber: `PAIRED-${i}`,
				invoiceDate: '2026-12-01',
				dueDate: '2026-12-31',
				lineItems: { lineItem: [{ amount: 10 + i }] },
			}),
			{ items: ITEMS },
		);
		const run = await runBill(
			credentials(),
			(i) => ({
				resource: 'bill',
				operation: 'recordPayment',
				vendorId: byId(made.id as string),
				processDate: '2026-12-02',
				payments: { payment: [{ billId: bills[i].id as string, amount: 10 + i }] },
			}),
			{ items: ITEMS },
		);
		expect(run.error).toBeUndefined();
		expect(pairingProblems(run, 2)).toEqual([]);
		expect(new Set(pairedWith(run.output))).toEqual(new Set([0, 1]));
	});

	it('Spend & Expense → Budget → Get Many with Return All, for each of two input items', async () => {
		const run = await runSpend(
			spendCredentials(emulator),
			{ resource: 'budget', operation: 'getMany', returnAll: true },
			{ items: ITEMS },
		);
		expect(run.error).toBeUndefined();
		expect(run.output.length).toBeGreaterThanOrEqual(2);
		expect(pairingProblems(run, 2)).toEqual([]);
		expect(new Set(pairedWith(run.output))).toEqual(new Set([0, 1]));
	});
});
