/**
 * Saved plain IDs and picked ones, payables side: n8n-core's hand-over, bank accounts and bills.
 * Each field run with a plain ID string, as a workflow saved before holds it, and with the locator
 * the editor saves now, against the emulator; plus the lists added for them.
 */
import type { INodeParameters } from 'n8n-workflow';
import { listSearch } from '../../../../nodes/Bill/listSearch';
import type { Json } from '../../../../emulator/state';
import { billNode, byId, runBill, runBillOk } from '../../../harness/bill';
import { createContext } from '../../../harness/context';
import {
	emulator,
	credentials,
	picked,
	shapes,
	lists,
	classification,
	bankAccount,
	verify,
	verified,
	vendor,
	bill,
	useSavedIdsEmulator,
} from './setup';

useSavedIdsEmulator();

describe('Saved plain IDs and picked ones', () => {
	it('n8n-core hands a saved plain string in a locator parameter to the node as it is', () => {
		// n8n-core's extractValue (utils/extract-value.js, extractValueRLC) returns a value that is
		// not a { mode, value } object unchanged; a locator gives its value.
		const read = (value: unknown) =>
			createContext({
				node: billNode,
				parameters: { resource: 'payment', operation: 'get', paymentId: value } as INodeParameters,
				credentials: credentials(),
			}).getNodeParameter('paymentId', 0, '', { extractValue: true });
		expect(read('stp02ABCDEFGHIJKLMNO')).toBe('stp02ABCDEFGHIJKLMNO');
		expect(read(picked('stp02ABCDEFGHIJKLMNO'))).toBe('stp02ABCDEFGHIJKLMNO');
		// Without extractValue the node gets the locator object; checkId reads both.
		const raw = createContext({
			node: billNode,
			parameters: {
				resource: 'payment',
				operation: 'get',
				paymentId: picked('stp02ABCDEFGHIJKLMNO'),
			},
			credentials: credentials(),
		}).getNodeParameter('paymentId', 0);
		expect(raw).toMatchObject({ mode: 'list', value: 'stp02ABCDEFGHIJKLMNO' });
	});

	it('bank account: chart of account', async () => {
		const coa = await classification('chartOfAccount', { name: 'Cash', accountType: 'BANK' });
		for (const [shape, value] of shapes(coa)) {
			const id = await bankAccount({ chartOfAccountId: value });
			expect([shape, emulator.state.bankAccounts.get(id)?.chartOfAccountId]).toEqual([shape, coa]);
			await verify(id);
			await runBillOk(credentials(), {
				resource: 'bankAccount',
				operation: 'update',
				bankAccountId: byId(id),
				updateFields: { chartOfAccountId: value, bankName: 'Renamed' },
			});
			expect(emulator.state.bankAccounts.get(id)?.bankName).toBe('Renamed');
		}
		// Added but nothing picked: not sent.
		const id = await bankAccount({ chartOfAccountId: { __rl: true, mode: 'list', value: '' } });
		expect(emulator.state.bankAccounts.get(id)?.chartOfAccountId).toBeUndefined();
	});

	it('bank account: user to nominate', async () => {
		const { clerk } = emulator.fixtures;
		for (const [shape, value] of shapes(clerk.userId)) {
			const account = await verified();
			await runBillOk(credentials(), {
				resource: 'bankAccount',
				operation: 'nominateUser',
				bankAccountId: byId(account),
				userId: value,
			});
			const entries = [...emulator.state.bankAccountUsers.values()].filter(
				(e: Json) => e.bankAccountId === account && e.userId === clerk.userId,
			);
			expect([shape, entries.length]).toEqual([shape, 1]);
		}
		const found = await listSearch.searchUsers.call(lists(), 'clerk');
		expect(found.results.map((r) => r.value)).toContain(clerk.userId);
	});

	it('bank account: bank account user to remove', async () => {
		const { admin } = emulator.fixtures;
		for (const [shape, value] of shapes('')) {
			void value;
			const account = await verified();
			const entry = [...emulator.state.bankAccountUsers.values()].find(
				(e: Json) => e.bankAccountId === account && e.userId === admin.userId,
			)!;
			const listed = await listSearch.searchBankAccountUsers.call(lists(), account);
			expect(listed.results).toContainEqual({
				name: expect.stringContaining(account) as string,
				value: entry.id,
			});
			const given = shape === 'saved plain string' ? String(entry.id) : picked(String(entry.id));
			await runBillOk(credentials(), {
				resource: 'bankAccount',
				operation: 'removeUser',
				bankAccountUserId: given,
			});
			expect([shape, emulator.state.bankAccountUsers.get(String(entry.id))?.archived]).toEqual([
				shape,
				true,
			]);
		}
	});

	it('bill: pay-from chart of account and vendor credits', async () => {
		const coa = await classification('chartOfAccount', { name: 'Cash', accountType: 'BANK' });
		const vendorId = await vendor();
		let n = 0;
		for (const [shape, value] of shapes(coa)) {
			const [made] = await runBillOk(
				credentials(),
				bill(vendorId, `PF-${++n}`, { payFromChartOfAccountId: value }),
			);
			expect([shape, emulator.state.bills.get(made.id as string)?.payFromChartOfAccountId]).toEqual(
				[shape, coa],
			);
			await runBillOk(credentials(), {
				resource: 'bill',
				operation: 'update',
				billId: byId(made.id as string),
				updateFields: { payFromChartOfAccountId: value, description: 'updated' },
			});
			expect(emulator.state.bills.get(made.id as string)?.description).toBe('updated');
		}
		// The emulator knows no vendor credits: its refusal names the ID the node sent.
		for (const [shape, value] of shapes('vcr02ABCDEFGHIJKLMNO')) {
			const { error } = await runBill(
				credentials(),
				bill(vendorId, `VC-${++n}`, { vendorCredits: { credit: [{ id: value, amount: 5 }] } }),
			);
			expect([shape, error?.message]).toEqual([
				shape,
				expect.stringContaining('vendor credit vcr02ABCDEFGHIJKLMNO does not exist'),
			]);
		}
	});

	it('bill: bills of a recorded payment', async () => {
		const vendorId = await vendor();
		const [made] = await runBillOk(credentials(), bill(vendorId, 'RP-1'));
		const billId = made.id as string;
		for (const [shape, value] of shapes(billId)) {
			await runBillOk(credentials(), {
				resource: 'bill',
				operation: 'recordPayment',
				vendorId: byId(vendorId),
				processDate: '2026-11-20',
				payments: { payment: [{ billId: value, amount: 10 }] },
			});
			expect([shape, emulator.state.bills.get(billId)?.paidAmount]).toEqual([
				shape,
				shape === 'saved plain string' ? 10 : 20,
			]);
		}
	});
});
