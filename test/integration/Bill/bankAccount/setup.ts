/**
 * Set-up for the Bank Account tests, in-process against the emulator: accounts made and verified
 * through the node, what the emulator stored, and the events it emitted.
 */
import type { IDataObject } from 'n8n-workflow';
import { startEmulator, type Emulator } from '../../../../emulator';
import { byId, runBillOk } from '../../../harness/bill';
import type { CredentialStore } from '../../../harness/context';

export let emulator: Emulator;
export const events: Array<{ type: string; id: unknown }> = [];

export const BANKS = '/v3/funding-accounts/banks';
export const ACCOUNT_NUMBER = '987654321012';

export const createParameters = (overrides: IDataObject = {}) => ({
	resource: 'bankAccount',
	operation: 'create',
	nameOnAccount: 'Emulator Music Co',
	routingNumber: '074000010',
	accountNumber: ACCOUNT_NUMBER,
	bankAccountType: 'CHECKING',
	ownerType: 'BUSINESS',
	bankName: 'Chase operating',
	accessToAdmins: true,
	...overrides,
});

export let accountCounter = 9000;

/** A new account each call (the node returns an existing account with the same numbers instead). */
export async function createAccount(
	credentials: CredentialStore,
	overrides: IDataObject = {},
): Promise<string> {
	const accountNumber = `${ACCOUNT_NUMBER.slice(0, -4)}${String(++accountCounter).padStart(4, '0')}`;
	const [account] = await runBillOk(credentials, createParameters({ accountNumber, ...overrides }));
	return account.id as string;
}

export async function verify(
	credentials: CredentialStore,
	id: string,
	depositAmount = 0.5,
): Promise<IDataObject> {
	const [result] = await runBillOk(credentials, {
		resource: 'bankAccount',
		operation: 'verify',
		bankAccountId: byId(id),
		depositAmount,
	});
	return result;
}

export const stored = (id: string) => emulator.state.bankAccounts.get(id)!;
export const usersOf = (bankAccountId: string) =>
	[...emulator.state.bankAccountUsers.values()].filter((u) => u.bankAccountId === bankAccountId);

/** One emulator for the file, reset before each test; the events it emits are collected in `events`. */
export function useBankAccountEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator();
		emulator.onEvent((event) => events.push({ type: event.type, id: event.entity.id }));
	});
	afterAll(async () => emulator.stop());
	beforeEach(() => {
		emulator.reset();
		events.length = 0;
	});
}
