/**
 * Bank Account → Nominate User, Remove User and Get Many Users against the emulator.
 */
import type { IDataObject } from 'n8n-workflow';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { emulator, createAccount, verify, usersOf, useBankAccountEmulator } from './setup';

useBankAccountEmulator();

describe('Bank Account: users', () => {
	it('lists, nominates and removes bank-account users', async () => {
		const credentials = billCredentials(emulator);
		const { admin, clerk } = emulator.fixtures;
		const id = await createAccount(credentials);
		const nominate = () =>
			runBill(credentials, {
				resource: 'bankAccount',
				operation: 'nominateUser',
				bankAccountId: byId(id),
				userId: clerk.userId,
			});

		const early = await nominate();
		expect(early.error?.message).toMatch(
			/Nominating a user: the bank account must be VERIFIED first/,
		);
		expect(early.error?.description).toMatch(/Verify first/);
		expect(usersOf(id)).toHaveLength(1);

		await verify(credentials, id);
		expect(usersOf(id)[0].verificationStatus).toBe('VERIFIED');
		const { output } = await nominate();
		expect(output[0].json).toEqual({ status: 'SUCCESS' });
		const clerkEntry = usersOf(id).find((u) => u.userId === clerk.userId)!;
		expect(clerkEntry).toMatchObject({ verificationStatus: 'NOMINATED', archived: false });
		expect(String(clerkEntry.id)).toMatch(/^bau02/);

		const listUsers = (parameters: IDataObject) =>
			runBillOk(credentials, {
				resource: 'bankAccount',
				operation: 'getManyUsers',
				returnAll: true,
				...parameters,
			});
		const all = await listUsers({ filters: { bankAccountId: byId(id) } });
		expect(all.map((u) => u.userId).sort()).toEqual([admin.userId, clerk.userId].sort());
		const mine = await listUsers({ currentUser: true });
		expect(mine.map((u) => u.userId)).toEqual([admin.userId]);

		const [removed] = await runBillOk(credentials, {
			resource: 'bankAccount',
			operation: 'removeUser',
			bankAccountUserId: String(clerkEntry.id),
		});
		expect(removed).toMatchObject({
			id: clerkEntry.id,
			archived: true,
			verificationStatus: 'UNVERIFIED',
		});
		expect(emulator.state.bankAccountUsers.get(clerkEntry.id as string)).toMatchObject({
			archived: true,
			verificationStatus: 'UNVERIFIED',
		});
		const active = await listUsers({ filters: { bankAccountId: byId(id), archived: false } });
		expect(active.map((u) => u.userId)).toEqual([admin.userId]);
		const sorted = await listUsers({ sort: { sortBy: { field: 'archived', direction: 'desc' } } });
		expect(sorted[0].archived).toBe(true);
		const limited = await runBillOk(credentials, {
			resource: 'bankAccount',
			operation: 'getManyUsers',
			returnAll: false,
			limit: 1,
		});
		expect(limited).toHaveLength(1);
	});

	it('refuses a user ID and a bank-account user ID that are not BILL ids, before sending', async () => {
		const credentials = billCredentials(emulator);
		const nominate = await runBill(credentials, {
			resource: 'bankAccount',
			operation: 'nominateUser',
			bankAccountId: byId('bac02ABCDEFGHIJKLMNO'),
			userId: '00902ABCDEFGHIJKLMNO',
		});
		expect(nominate.error?.message).toMatch(/User: .* is not a BILL user ID \[item 0\]/);
		const remove = await runBill(credentials, {
			resource: 'bankAccount',
			operation: 'removeUser',
			bankAccountUserId: 'bau-1',
		});
		expect(remove.error?.message).toMatch(/Bank Account User: .*\[item 0\]/);
		expect(emulator.log).toHaveLength(0);
	});
});
