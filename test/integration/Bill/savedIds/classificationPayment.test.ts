/**
 * Saved plain IDs and picked ones: classifications and payments (plain ID and picked locator,
 * against the emulator).
 */
import { listSearch } from '../../../../nodes/Bill/listSearch';
import { billNode, byId, runBillOk } from '../../../harness/bill';
import { loadOptionsContext } from '../../../harness/context';
import { api, day } from '../payment/setup';
import { emulator, credentials, picked, lists, classification, useSavedIdsEmulator } from './setup';

useSavedIdsEmulator();

describe('Saved plain IDs and picked ones', () => {
	it('classification: parent and the charts of account of an item', async () => {
		const retail = await classification('department', { name: 'Retail' });
		const income = await classification('chartOfAccount', { name: 'Sales', accountType: 'INCOME' });
		const expense = await classification('chartOfAccount', {
			name: 'COGS',
			accountType: 'EXPENSE',
		});
		// What BILL holds, read back through the node.
		const stored = async (type: string, id: string) =>
			(
				await runBillOk(credentials(), {
					resource: 'classification',
					operation: 'get',
					classificationType: type,
					classificationId: byId(id),
				})
			)[0];
		let n = 0;
		for (const [shape, pick] of [
			['saved plain string', (id: string) => id],
			['picked from the list', (id: string) => picked(id)],
		] as const) {
			const store = await classification('department', {
				name: `Store ${++n}`,
				additionalFields: { parentId: pick(retail) },
			});
			expect([shape, (await stored('department', store)).parentId]).toEqual([shape, retail]);
			const other = await classification('department', { name: `Other ${n}` });
			await runBillOk(credentials(), {
				resource: 'classification',
				operation: 'update',
				classificationType: 'department',
				classificationId: byId(other),
				updateFields: { parentId: pick(retail) },
			});
			expect([shape, (await stored('department', other)).parentId]).toEqual([shape, retail]);
			const item = await classification('item', {
				name: `Guitar ${n}`,
				itemType: 'INVENTORY',
				additionalFields: {
					chartOfAccountId: pick(income),
					expenseChartOfAccountId: pick(expense),
				},
			});
			expect([shape, await stored('item', item)]).toEqual([
				shape,
				expect.objectContaining({ chartOfAccountId: income, expenseChartOfAccountId: expense }),
			]);
		}
		// The parent's list is of the type chosen.
		const context = loadOptionsContext({
			node: billNode,
			parameters: {
				resource: 'classification',
				operation: 'create',
				classificationType: 'department',
			},
			credentials: credentials(),
		});
		const found = await listSearch.searchClassifications.call(context, 'retail');
		expect(found.results).toEqual([{ name: 'Retail', value: retail }]);
	});

	it('payment: the payment of Get and Cancel, and the bills of Create Bulk', async () => {
		const admin = api(emulator);
		const accountId = await admin.bankAccount();
		const a = String((await admin.bill(await admin.vendor('Harbor Audio'), 300)).id);
		const b = String((await admin.bill(await admin.vendor('Lumen Lighting'), 200)).id);
		const made = await runBillOk(credentials(), {
			resource: 'payment',
			operation: 'createBulk',
			processDate: day(emulator, 1),
			fundingType: 'BANK_ACCOUNT',
			fundingAccountId: byId(accountId),
			payments: {
				payment: [
					{ billId: a, amount: 300 },
					{ billId: picked(b), amount: 200 },
				],
			},
		});
		expect(made.map((p) => [p.billId, p.amount])).toEqual([
			[a, 300],
			[b, 200],
		]);
		const [first, second] = made.map((p) => String(p.id));
		const listed = await listSearch.searchPayments.call(lists(), 'lumen');
		expect(listed.results).toEqual([
			{ name: expect.stringMatching(/^Lumen Lighting · 200 · /) as string, value: second },
		]);
		for (const [shape, value] of [
			['saved plain string', first],
			['picked from the list', picked(second)],
		] as const) {
			const [got] = await runBillOk(credentials(), {
				resource: 'payment',
				operation: 'get',
				paymentId: value,
			});
			expect([shape, got.id]).toEqual([shape, typeof value === 'string' ? value : value.value]);
			const [cancelled] = await runBillOk(credentials(), {
				resource: 'payment',
				operation: 'cancel',
				paymentId: value,
			});
			expect([shape, cancelled.status]).toEqual([shape, 'CANCELLED']);
		}
	});
});
