/**
 * BILL Spend & Expense: text fields that became resource locators (reimbursement, transaction,
 * receipt, custom field value), each run with a plain ID string as a workflow saved before holds
 * it and with the locator the editor saves now, against the emulator; plus their lists.
 */
import type { INodeParameters } from 'n8n-workflow';

import { resetSpendPacing } from '../../../nodes/BillSpend/transport';
import { startEmulator, type Emulator } from '../../../emulator';
import { spendData } from '../../../emulator/routes/spendState';
import { loadOptionsContext } from '../../harness/context';
import { PNG, byId, runSpendOk, spendCredentials, spendNode } from '../../harness/spend';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
});

const credentials = () => spendCredentials(emulator);
const data = () => spendData(emulator);
const picked = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: 'x' });
const shapes = (id: string): Array<[string, unknown]> => [
	['saved plain string', id],
	['picked from the list', picked(id)],
];
const lists = (parameters: INodeParameters) =>
	loadOptionsContext({ node: spendNode, parameters, credentials: credentials() });
const methods = spendNode.methods!.listSearch!;

async function reimbursement(merchantName: string): Promise<string> {
	const member = [...data().users.values()].find((u) => u.role === 'MEMBER')!;
	const [budget] = [...data().budgets.values()];
	const [made] = await runSpendOk(
		credentials(),
		{
			resource: 'reimbursement',
			operation: 'create',
			userId: byId(member.uuid),
			budgetId: byId(budget.uuid),
			amount: 42.5,
			merchantName,
			occurredDate: '2026-11-20',
			attachReceipt: true,
		},
		{ binary: [PNG] },
	);
	return String(made.uuid);
}

describe('Spend: saved plain IDs and picked ones', () => {
	it('reimbursement and its receipt', async () => {
		const thai = await reimbursement('Jasmine Thai');
		await reimbursement('Hotel Napa');
		const found = await methods.searchReimbursements.call(lists({}), 'jasmine');
		expect(found.results).toEqual([
			{ name: 'Jasmine Thai · 42.5 · 2026-11-20 · AWAITING_APPROVAL', value: thai },
		]);
		for (const [shape, value] of shapes(thai)) {
			const [got] = await runSpendOk(credentials(), {
				resource: 'reimbursement',
				operation: 'get',
				reimbursementId: value as string,
			});
			expect([shape, got.uuid]).toEqual([shape, thai]);
		}
		// The receipt list follows the reimbursement picked above it (saved string or locator).
		const stored = () => data().reimbursements.get(thai)!.receipts as Array<{ uuid: string }>;
		const [receipt] = stored();
		for (const reimbursementId of [thai, picked(thai)]) {
			const receipts = await methods.searchReimbursementReceipts.call(
				lists({ resource: 'reimbursement', operation: 'deleteReceipt', reimbursementId }),
			);
			expect(receipts.results).toEqual([{ name: 'receipt.png', value: receipt.uuid }]);
		}
		const [deleted] = await runSpendOk(credentials(), {
			resource: 'reimbursement',
			operation: 'deleteReceipt',
			reimbursementId: picked(thai),
			receiptId: receipt.uuid,
		});
		expect(deleted).toEqual({ reimbursementId: thai, receiptId: receipt.uuid, deleted: true });
		expect(stored()).toEqual([]);
	});

	it('transaction and its receipt', async () => {
		const t = [...data().transactions.values()][0];
		const id = String(t.uuid);
		const found = await methods.searchTransactions.call(lists({}), String(t.merchantName));
		expect(found.results.map((r) => r.value)).toContain(id);
		for (const [shape, value] of shapes(id)) {
			const [added] = await runSpendOk(
				credentials(),
				{ resource: 'transaction', operation: 'uploadReceipt', transactionId: value as string },
				{ binary: [PNG] },
			);
			expect([shape, added.transactionId]).toEqual([shape, id]);
			const receipts = await methods.searchTransactionReceipts.call(
				lists({
					resource: 'transaction',
					operation: 'deleteReceipt',
					transactionId: value as string,
				}),
			);
			// Named by the file name BILL keeps (here the upload URL's last part).
			const [kept] = t.receipts as Array<{ filename: string }>;
			expect(receipts.results).toEqual([{ name: kept.filename, value: added.uuid }]);
			const [deleted] = await runSpendOk(credentials(), {
				resource: 'transaction',
				operation: 'deleteReceipt',
				transactionId: value as string,
				receiptId: shape === 'saved plain string' ? String(added.uuid) : picked(String(added.uuid)),
			});
			expect([shape, deleted.deleted]).toEqual([shape, true]);
		}
		// Nothing picked yet: an empty list, no request.
		const before = emulator.log.length;
		expect(
			await methods.searchTransactionReceipts.call(
				lists({ resource: 'transaction', operation: 'deleteReceipt' }),
			),
		).toEqual({ results: [] });
		expect(emulator.log).toHaveLength(before);
	});

	it('custom field value', async () => {
		const [field] = await runSpendOk(credentials(), {
			resource: 'customField',
			operation: 'create',
			name: 'Project',
			values: ['Alpha', 'Beta'],
		});
		const fieldId = byId(String(field.uuid));
		const values = await methods.searchCustomFieldValues.call(
			lists({ resource: 'customField', operation: 'getValue', customFieldId: fieldId }),
			'bet',
		);
		expect(values.results).toEqual([{ name: 'Beta', value: expect.any(String) }]);
		const beta = String(values.results[0].value);
		for (const [shape, value] of shapes(beta)) {
			const [got] = await runSpendOk(credentials(), {
				resource: 'customField',
				operation: 'getValue',
				customFieldId: fieldId,
				valueId: value as string,
			});
			expect([shape, got.value]).toEqual([shape, 'Beta']);
		}
	});
});
