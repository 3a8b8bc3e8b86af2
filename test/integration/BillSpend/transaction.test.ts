/** BILL Spend & Expense → Transaction, in-process against the emulator over HTTP. */
import { startEmulator, type Emulator } from '../../../emulator';
import axios from 'axios';

import {
	SPEND_FIXTURES,
	seedSpendTransactions,
	spendData,
} from '../../../emulator/routes/spendState';
import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { PNG, byId, expr, runSpend, runSpendOk, spendCredentials } from '../../harness/spend';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
});

const anyTransaction = () => [...spendData(emulator).transactions.values()][0];
const budgets = () => [...spendData(emulator).budgets.values()];

describe('BILL Spend & Expense: Transaction', () => {
	it('gets one transaction, whole or simplified', async () => {
		const credentials = spendCredentials(emulator);
		const t = anyTransaction();
		const [whole] = await runSpendOk(credentials, {
			resource: 'transaction',
			operation: 'get',
			transactionId: t.uuid as string,
		});
		expect(whole).toEqual(t);
		const [simple] = await runSpendOk(credentials, {
			resource: 'transaction',
			operation: 'get',
			transactionId: t.uuid as string,
			simplify: true,
		});
		expect(simple).toMatchObject({ uuid: t.uuid, amount: t.amount, merchantName: t.merchantName });
		expect(Object.keys(simple).length).toBeLessThan(20);
		expect(emulator.requests({ route: '/v3/spend/transactions/:transactionId' })).toHaveLength(2);
	});

	it('a new node (typeVersion 1.1) simplifies Get and Get Many unless Simplify is off; a saved one (1) does not', async () => {
		const credentials = spendCredentials(emulator);
		const t = anyTransaction();
		const get = { resource: 'transaction', operation: 'get', transactionId: t.uuid as string };
		const [simple] = await runSpendOk(credentials, get, { typeVersion: 1.1 });
		expect(simple).toMatchObject({ uuid: t.uuid, amount: t.amount, merchantName: t.merchantName });
		expect(Object.keys(simple).length).toBeLessThan(20);
		expect(await runSpendOk(credentials, get, { typeVersion: 1 })).toEqual([t]);
		expect(
			await runSpendOk(credentials, { ...get, simplify: false }, { typeVersion: 1.1 }),
		).toEqual([t]);

		const getMany = { resource: 'transaction', operation: 'getMany', returnAll: true };
		const all = await runSpendOk(credentials, getMany, { typeVersion: 1.1 });
		expect(all.length).toBeGreaterThan(0);
		for (const one of all) expect(Object.keys(one).length).toBeLessThan(20);
		const whole = await runSpendOk(credentials, getMany, { typeVersion: 1 });
		expect(whole).toHaveLength(all.length);
		expect(whole).toContainEqual(t);
	});

	it('lists with date, status, type, amount and budget filters, a limit, and pages of at most 50', async () => {
		seedSpendTransactions(emulator, 200);
		const credentials = spendCredentials(emulator);
		const all = [...spendData(emulator).transactions.values()];
		const [budget] = budgets();
		const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
		const found = await runSpendOk(credentials, {
			resource: 'transaction',
			operation: 'getMany',
			returnAll: true,
			filters: {
				authorizedAfter: since,
				statuses: ['COMPLETE'],
				transactionTypes: ['CLEAR'],
				amountMin: 10,
				budgetIds: String(budget.uuid),
			},
		});
		const expected = all.filter(
			(t) =>
				String(t.authorizedTime) >= since &&
				t.status === 'COMPLETE' &&
				t.transactionType === 'CLEAR' &&
				Number(t.amount) >= 10 &&
				t.budgetUuid === budget.uuid,
		);
		expect(expected.length).toBeGreaterThan(5);
		expect(found.map((t) => t.uuid).sort()).toEqual(expected.map((t) => t.uuid).sort());
		const limited = await runSpendOk(credentials, {
			resource: 'transaction',
			operation: 'getMany',
			returnAll: false,
			limit: 120,
		});
		expect(limited).toHaveLength(120);
		const pages = emulator.log.filter((e) => e.route === '/v3/spend/transactions');
		expect(pages.every((e) => e.status === 200)).toBe(true);
	});

	it('reads 5,000 transactions with Return All inside the per-minute limit, without a refusal', async () => {
		seedSpendTransactions(emulator, 5000 - spendData(emulator).transactions.size);
		// A short "minute" on both sides, so the test does not wait a real one (no timing asserted).
		const { spendLimits } = await import('../../../emulator/routes/spendState');
		const { spendTransportSettings } = await import('../../../nodes/BillSpend/transport');
		const saved = { ...spendTransportSettings };
		spendLimits(emulator, { perWindow: 60, windowMs: 400 });
		Object.assign(spendTransportSettings, { callsPerWindow: 60, windowMs: 400 });
		try {
			const all = await runSpendOk(spendCredentials(emulator), {
				resource: 'transaction',
				operation: 'getMany',
				returnAll: true,
			});
			expect(all).toHaveLength(5000);
			expect(new Set(all.map((t) => t.uuid)).size).toBe(5000);
			const calls = emulator.log.filter((e) => e.route === '/v3/spend/transactions');
			expect(calls).toHaveLength(100);
			expect(spendData(emulator).refused).toBe(0);
			expect(emulator.log.filter((e) => e.status === 429)).toHaveLength(0);
		} finally {
			Object.assign(spendTransportSettings, saved);
			spendLimits(emulator, { perWindow: 60, windowMs: 60_000 });
		}
	});

	it.each(['http429', 'bdc1144'] as const)(
		"waits out BILL's refusal when another app uses the same token, and loses nothing (S&E rate limit answer read %s)",
		async (reading) => {
			emulator.readings.spendRateLimit = reading;
			seedSpendTransactions(emulator, 1000);
			const { spendLimits } = await import('../../../emulator/routes/spendState');
			const { spendTransportSettings } = await import('../../../nodes/BillSpend/transport');
			const saved = { ...spendTransportSettings };
			// BILL allows fewer calls than the node believes: the node meets 429s and waits them out.
			spendLimits(emulator, { perWindow: 3, windowMs: 500 });
			Object.assign(spendTransportSettings, { callsPerWindow: 60, windowMs: 300 });
			try {
				const all = await runSpendOk(spendCredentials(emulator), {
					resource: 'transaction',
					operation: 'getMany',
					returnAll: true,
				});
				expect(all).toHaveLength(spendData(emulator).transactions.size);
				expect(spendData(emulator).refused).toBeGreaterThan(0);
			} finally {
				Object.assign(spendTransportSettings, saved);
				spendLimits(emulator, { perWindow: 60, windowMs: 60_000 });
			}
		},
	);

	it('moves a transaction to another budget', async () => {
		const t = anyTransaction();
		const other = budgets().find((b) => b.uuid !== t.budgetUuid)!;
		const [moved] = await runSpendOk(spendCredentials(emulator), {
			resource: 'transaction',
			operation: 'update',
			transactionId: t.uuid as string,
			budgetId: byId(other.uuid),
		});
		expect(moved).toMatchObject({ budgetUuid: other.uuid, budgetName: other.name });
	});

	it('sets and gets custom fields of a transaction', async () => {
		const credentials = spendCredentials(emulator);
		const { data: field } = await axios.post(
			`${emulator.baseUrl}/v3/spend/custom-fields`,
			{ name: 'Project', values: ['Alpha', 'Beta'] },
			{ headers: { apiToken: SPEND_FIXTURES.apiToken } },
		);
		const values = spendData(emulator).values.get(field.uuid as string)!;
		const t = anyTransaction();
		const [set] = await runSpendOk(credentials, {
			resource: 'transaction',
			operation: 'setCustomFields',
			transactionId: t.uuid as string,
			customFields: {
				field: [{ customFieldId: field.uuid, selectedValues: String(values[1].uuid), note: 'Q3' }],
			},
		});
		expect(set.status).toBe('SUCCESS');
		const got = await runSpendOk(credentials, {
			resource: 'transaction',
			operation: 'getCustomFields',
			transactionId: t.uuid as string,
		});
		expect(got).toEqual([
			expect.objectContaining({
				uuid: field.uuid,
				note: 'Q3',
				selectedValues: [expect.objectContaining({ value: 'Beta' })],
			}),
		]);
	});

	it('uploads a receipt from binary data (upload URL, PUT, attach) and deletes it', async () => {
		const credentials = spendCredentials(emulator);
		const t = anyTransaction();
		const [added] = await runSpendOk(
			credentials,
			{ resource: 'transaction', operation: 'uploadReceipt', transactionId: t.uuid as string },
			{ binary: [PNG] },
		);
		expect(added).toMatchObject({ transactionId: t.uuid, fileName: 'receipt.png' });
		expect(t.receipts).toHaveLength(1);
		expect(t.receiptStatus).toBe('ATTACHED');
		const [upload] = [...spendData(emulator).uploads.values()];
		expect(upload).toEqual({ contentType: 'image/png', size: expect.any(Number) });
		// The storage PUT carried no API token.
		const [deleted] = await runSpendOk(credentials, {
			resource: 'transaction',
			operation: 'deleteReceipt',
			transactionId: t.uuid as string,
			receiptId: added.uuid as string,
		});
		expect(deleted).toEqual({ transactionId: t.uuid, receiptId: added.uuid, deleted: true });
		expect(t.receipts).toHaveLength(0);
	});

	it('refuses a receipt that is not JPG or PNG, or missing, before sending anything', async () => {
		const credentials = spendCredentials(emulator);
		const t = anyTransaction();
		const pdf = { data: { data: 'JVBERi0=', mimeType: 'application/pdf', fileName: 'r.pdf' } };
		const { error } = await runSpend(
			credentials,
			{ resource: 'transaction', operation: 'uploadReceipt', transactionId: t.uuid as string },
			{ binary: [pdf] },
		);
		expect(error?.message).toBe(
			'Input Binary Field: "r.pdf" is application/pdf, not a JPG or PNG image [item 0]',
		);
		const { error: missing } = await runSpend(credentials, {
			resource: 'transaction',
			operation: 'uploadReceipt',
			transactionId: t.uuid as string,
		});
		expect(missing?.message).toBe(
			'Input Binary Field: the item has no binary field "data" [item 0]',
		);
		expect(emulator.log).toHaveLength(0);
	});

	it('refuses bad input naming the parameter and the item, before anything is sent', async () => {
		const credentials = spendCredentials(emulator);
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ operation: 'get', transactionId: expr('') }, 'Transaction: is required [item 0]'],
			[
				{ operation: 'get', transactionId: 'a/b' },
				'Transaction: "a/b" is not a BILL Spend & Expense ID [item 0]',
			],
			[
				{ operation: 'getMany', returnAll: true, filters: { authorizedAfter: 'yesterday' } },
				'Filters → Authorized After: "yesterday" is not a date and time [item 0]',
			],
			[
				{ operation: 'getMany', returnAll: false, limit: 0 },
				'Limit: must be a whole number of 1 or more, not 0 [item 0]',
			],
			[
				{ operation: 'setCustomFields', transactionId: 'x1', customFields: {} },
				'Custom Fields: add at least one custom field to set [item 0]',
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runSpend(credentials, { resource: 'transaction', ...parameters });
			expect(error?.message).toBe(message);
		}
		// n8n itself refuses a required value left empty in the workflow, before the node runs.
		const { error: issues } = await runSpend(credentials, {
			resource: 'transaction',
			operation: 'get',
			transactionId: '',
		});
		expect(issues?.message).toBe(
			`The 'BILL Spend & Expense' node has issues:\n- Parameter "Transaction" is required.`,
		);
		expect(emulator.log).toHaveLength(0);
	});

	it("gives BILL's error with its code and message, and a hint; not found and bad token", async () => {
		const { error } = await runSpend(spendCredentials(emulator), {
			resource: 'transaction',
			operation: 'get',
			transactionId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
		});
		expect(error?.message).toBe(
			'BILL error BDC_1121: Transaction not found: 3fa85f64-5717-4562-b3fc-2c963f66afa6',
		);
		expect(error?.context?.billCode).toBe('BDC_1121');
		const { error: token } = await runSpend(spendCredentials(emulator, { apiToken: 'nope' }), {
			resource: 'transaction',
			operation: 'get',
			transactionId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
		});
		expect(token?.httpCode).toBe('401');
		expect(token?.description).toMatch(/API token/);
		expect(JSON.stringify(token)).not.toContain('nope');
	});

	it('with Continue On Fail, gives the error as the item and goes on', async () => {
		const t = anyTransaction();
		const { output } = await runSpend(
			spendCredentials(emulator),
			(_i, json) => ({
				resource: 'transaction',
				operation: 'get',
				transactionId: json.id as string,
			}),
			{ items: [{ id: 'missing-1' }, { id: t.uuid as string }], continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'BDC_1121', httpCode: '404' });
		expect(output[1].json.uuid).toBe(t.uuid);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
