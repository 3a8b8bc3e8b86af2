/**
 * Bank Account → Get Many (and the resource locator's search) against the emulator.
 */
import type { IDataObject } from 'n8n-workflow';
import { searchBankAccounts } from '../../../../nodes/Bill/listSearch/bankAccounts';
import { billNode, billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { loadOptionsContext } from '../../../harness/context';
import {
	emulator,
	BANKS,
	ACCOUNT_NUMBER,
	createParameters,
	createAccount,
	verify,
	stored,
	useBankAccountEmulator,
} from './setup';

useBankAccountEmulator();

describe('Bank Account: Get Many', () => {
	it('reads every page with Return All, stops at the limit, and applies the filters and the sort', async () => {
		const credentials = billCredentials(emulator);
		const items = Array.from({ length: 104 }, (_, i) => ({ i }));
		const created = await runBillOk(
			credentials,
			(_i, json) =>
				createParameters({
					bankName: `Account ${String(json.i).padStart(3, '0')}`,
					accountNumber: `55501234${String(json.i).padStart(4, '0')}`,
					bankAccountType: (json.i as number) % 2 ? 'SAVINGS' : 'CHECKING',
					ownerType: (json.i as number) % 4 === 0 ? 'PERSONAL' : 'BUSINESS',
					accessToAdmins: (json.i as number) < 10,
				}),
			{ items },
		);
		expect(created).toHaveLength(104);
		emulator.clock.advance(60_000);
		const cutoff = emulator.clock.timestamp();
		emulator.clock.advance(60_000);
		const late = await createAccount(credentials, { bankName: 'Late' });
		const ids = created.map((a) => a.id as string);
		await verify(credentials, ids[0]);
		await verify(credentials, ids[1]);
		for (let i = 0; i < 3; i++) await verify(credentials, ids[2], 0.1);

		const list = async (parameters: IDataObject) => {
			const before = emulator.requests({ method: 'GET', route: BANKS }).length;
			const results = await runBillOk(credentials, {
				resource: 'bankAccount',
				operation: 'getMany',
				...parameters,
			});
			return {
				results,
				requests: emulator.requests({ method: 'GET', route: BANKS }).length - before,
			};
		};
		const all = await list({ returnAll: true });
		expect(all.results).toHaveLength(105);
		expect(new Set(all.results.map((a) => a.id)).size).toBe(105);
		expect(all.requests).toBe(2);
		const limited = await list({ returnAll: false, limit: 7 });
		expect(limited.results).toHaveLength(7);
		expect(limited.requests).toBe(1);

		const filtered = async (filters: IDataObject) =>
			(await list({ returnAll: true, filters })).results;
		expect((await filtered({ statuses: ['VERIFIED'] })).map((a) => a.id).sort()).toEqual(
			[ids[0], ids[1]].sort(),
		);
		expect((await filtered({ statuses: ['VERIFIED', 'BLOCKED'] })).map((a) => a.id).sort()).toEqual(
			[ids[0], ids[1], ids[2]].sort(),
		);
		expect(await filtered({ type: 'SAVINGS' })).toHaveLength(52);
		expect(await filtered({ ownerType: 'PERSONAL' })).toHaveLength(26);
		expect(await filtered({ accessToAdmins: true })).toHaveLength(11);
		expect((await filtered({ createdAfter: cutoff })).map((a) => a.id)).toEqual([late]);
		expect(await filtered({ createdBefore: cutoff })).toHaveLength(104);
		expect((await filtered({ ids: `${ids[5]}, ${ids[6]}` })).map((a) => a.id).sort()).toEqual(
			[ids[5], ids[6]].sort(),
		);
		expect((await filtered({ ids: ids[7] })).map((a) => a.id)).toEqual([ids[7]]);
		expect(await filtered({ archived: true })).toHaveLength(0);
		expect(await filtered({ archived: false })).toHaveLength(105);

		const sorted = await list({
			returnAll: false,
			limit: 3,
			sort: { sortBy: { field: 'bankName', direction: 'desc' } },
		});
		expect(sorted.results.map((a) => a.bankName)).toEqual(['Late', 'Account 103', 'Account 102']);
	});

	it('refuses a filter that is not a bank-account ID or a date, before sending', async () => {
		const credentials = billCredentials(emulator);
		const bad = await runBill(credentials, {
			resource: 'bankAccount',
			operation: 'getMany',
			returnAll: true,
			filters: { ids: '00902ABCDEFGHIJKLMNO' },
		});
		expect(bad.error?.message).toMatch(/Filters → IDs: .*\[item 0\]/);
		const date = await runBill(credentials, {
			resource: 'bankAccount',
			operation: 'getMany',
			returnAll: true,
			filters: { createdAfter: 'yesterday' },
		});
		expect(date.error?.message).toMatch(
			/Filters → Created After: "yesterday" is not a date and time \[item 0\]/,
		);
		expect(emulator.log).toHaveLength(0);
	});

	it('lists active accounts for the Bank Account picker, showing only the last four digits', async () => {
		const credentials = billCredentials(emulator);
		const keep = await createAccount(credentials, { bankName: 'Payroll' });
		const gone = await createAccount(credentials, { bankName: 'Old payroll' });
		await createAccount(credentials, { bankName: 'Operating' });
		await verify(credentials, gone);
		await runBillOk(credentials, {
			resource: 'bankAccount',
			operation: 'archive',
			bankAccountId: byId(gone),
		});
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'bankAccount', operation: 'get' },
			credentials,
		});
		const found = await searchBankAccounts.call(context, 'payroll');
		const last4 = String(stored(keep).accountNumber).slice(-4);
		expect(found.results).toEqual([
			{ name: `Payroll · Emulator Music Co · …${last4} · PENDING`, value: keep },
		]);
		const everything = await searchBankAccounts.call(context);
		expect(everything.results).toHaveLength(2);
		expect(JSON.stringify(everything)).not.toContain(ACCOUNT_NUMBER);
	});
});
