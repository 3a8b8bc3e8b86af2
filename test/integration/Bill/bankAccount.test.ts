/**
 * Bank Account resource, in-process against the emulator: every operation of issue 4 and every
 * refusal (role, MFA trust, bad numbers, update/archive/nominate before verification, three wrong
 * deposits), checked in the emulator's state and request log.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { searchBankAccounts } from '../../../nodes/Bill/listSearch/bankAccounts';
import { startEmulator, type Emulator } from '../../../emulator';
import { billNode, billCredentials, byId, runBill, runBillOk } from '../../harness/bill';
import { loadOptionsContext, type CredentialStore } from '../../harness/context';

let emulator: Emulator;
const events: Array<{ type: string; id: unknown }> = [];
beforeAll(async () => {
	emulator = await startEmulator();
	emulator.onEvent((event) => events.push({ type: event.type, id: event.entity.id }));
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	events.length = 0;
});

const BANKS = '/v3/funding-accounts/banks';
const ACCOUNT_NUMBER = '987654321012';

const createParameters = (overrides: IDataObject = {}) => ({
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

let accountCounter = 9000;

/** A new account each call (the node returns an existing account with the same numbers instead). */
async function createAccount(
	credentials: CredentialStore,
	overrides: IDataObject = {},
): Promise<string> {
	const accountNumber = `${ACCOUNT_NUMBER.slice(0, -4)}${String(++accountCounter).padStart(4, '0')}`;
	const [account] = await runBillOk(credentials, createParameters({ accountNumber, ...overrides }));
	return account.id as string;
}

async function verify(
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

const stored = (id: string) => emulator.state.bankAccounts.get(id)!;
const usersOf = (bankAccountId: string) =>
	[...emulator.state.bankAccountUsers.values()].filter((u) => u.bankAccountId === bankAccountId);

describe('Bank Account: create', () => {
	it('returns the account the organization already has (same routing number, type and account number) instead of adding it twice', async () => {
		const credentials = billCredentials(emulator);
		const [first] = await runBillOk(credentials, createParameters());
		const [again] = await runBillOk(
			credentials,
			createParameters({ bankName: 'Renamed nickname' }),
		);
		expect(first.alreadyExisted).toBe(false);
		expect(again).toMatchObject({ id: first.id, alreadyExisted: true });
		expect(emulator.state.bankAccounts.size).toBe(1);
		const [savings] = await runBillOk(
			credentials,
			createParameters({ bankAccountType: 'SAVINGS' }),
		);
		expect(savings.id).not.toBe(first.id);
		expect(emulator.state.bankAccounts.size).toBe(2);
	});

	it('adds an account every administrator may use, verifies it with the micro-deposit and makes it the default for payables', async () => {
		const credentials = billCredentials(emulator);
		const [created] = await runBillOk(credentials, createParameters());
		const id = created.id as string;
		expect(id).toMatch(/^bac02[0-9A-Za-z]{15}$/);
		expect(created).toMatchObject({
			status: 'PENDING',
			archived: false,
			accessToAdmins: true,
			default: { payables: false, receivables: false },
			routingNumber: '074000010',
			type: 'CHECKING',
			ownerType: 'BUSINESS',
			bankName: 'Chase operating',
			createdBy: emulator.fixtures.admin.userId,
		});
		// The output is BILL's answer as it is: the emulator keeps only the last four digits.
		expect(created.accountNumber).toBe(stored(id).accountNumber);
		expect(String(created.accountNumber)).toMatch(/1012$/);
		expect(JSON.stringify(created)).not.toContain(ACCOUNT_NUMBER);
		expect(events).toEqual([{ type: 'bank-account.created', id }]);
		// The creator is the account's first user.
		expect(usersOf(id)).toMatchObject([
			{ userId: emulator.fixtures.admin.userId, archived: false, verificationStatus: 'UNVERIFIED' },
		]);

		expect(await verify(credentials, id)).toEqual({ verified: true });
		expect(stored(id).status).toBe('VERIFIED');

		const [updated] = await runBillOk(credentials, {
			resource: 'bankAccount',
			operation: 'update',
			bankAccountId: byId(id),
			updateFields: { defaultForPayables: true, bankName: 'Chase payables' },
		});
		expect(updated).toMatchObject({
			default: { payables: true, receivables: false },
			bankName: 'Chase payables',
			accessToAdmins: true,
		});
		expect(stored(id)).toMatchObject({
			default: { payables: true, receivables: false },
			bankName: 'Chase payables',
		});
		const [got] = await runBillOk(credentials, {
			resource: 'bankAccount',
			operation: 'get',
			bankAccountId: byId(id),
		});
		expect(got).toEqual(stored(id));
		expect(emulator.logins()).toBe(1);
		expect(JSON.stringify(emulator.log)).not.toContain(ACCOUNT_NUMBER);
		expect(events.map((e) => e.type)).toEqual([
			'bank-account.created',
			'bank-account.updated',
			'bank-account.updated',
		]);
	});

	it('sends every field BILL takes, with Access to Admins off and a chart of accounts', async () => {
		const credentials = billCredentials(emulator);
		const id = await createAccount(credentials, {
			accessToAdmins: false,
			bankAccountType: 'SAVINGS',
			ownerType: 'PERSONAL',
			routingNumber: '0210 0002 1',
			accountNumber: '1234-5678',
			additionalFields: { chartOfAccountId: '0ca02ABCDEFGHIJKLMNO' },
		});
		expect(stored(id)).toMatchObject({
			accessToAdmins: false,
			type: 'SAVINGS',
			ownerType: 'PERSONAL',
			routingNumber: '021000021',
			accountNumber: '****5678',
			chartOfAccountId: '0ca02ABCDEFGHIJKLMNO',
		});
	});

	it('with an untrusted session: BILL refuses, and the error says an MFA-trusted session is needed and how to get one', async () => {
		const credentials = billCredentials(emulator, { untrusted: true });
		const { error } = await runBill(credentials, createParameters());
		expect(error?.message).toMatch(/BDC_1361/);
		expect(error?.message).toMatch(/MFA-trusted session/);
		expect(error?.description).toMatch(/MFA ID/);
		expect(error?.description).toMatch(/credential/);
		expect(emulator.state.bankAccounts.size).toBe(0);
		expect(emulator.requests({ method: 'POST', route: BANKS }).map((r) => r.status)).toEqual([403]);
	});

	it('as a non-administrator: BILL refuses, and the error says the ADMINISTRATOR role is needed', async () => {
		const credentials = billCredentials(emulator, { clerk: true });
		const { error } = await runBill(credentials, createParameters());
		expect(error?.message).toMatch(/ADMINISTRATOR role/);
		expect(error?.description).toMatch(/ADMINISTRATOR role/);
		expect(error?.description).toMatch(/administrator/i);
		expect(emulator.state.bankAccounts.size).toBe(0);
		expect(emulator.requests({ method: 'POST', route: BANKS })).toHaveLength(1);
	});

	it.each([
		[
			'a wrong check digit',
			{ routingNumber: '074000011' },
			/Routing Number.*074000011.*not a valid ABA routing number/,
		],
		['8 digits', { routingNumber: '07400001' }, /Routing Number.*not 9 digits/],
		['an unknown first pair of digits', { routingNumber: '990000013' }, /Routing Number/],
		[
			'letters in the account number',
			{ accountNumber: '12AB5678' },
			/Account Number: must contain digits only/,
		],
		['a 3-digit account number', { accountNumber: '123' }, /Account Number: has 3 digits/],
		[
			'an 18-digit account number',
			{ accountNumber: '123456789012345678' },
			/Account Number: has 18 digits/,
		],
	])('refuses %s before sending anything, naming the item', async (_what, overrides, message) => {
		const credentials = billCredentials(emulator);
		const { error } = await runBill(credentials, createParameters(overrides));
		expect(error?.message).toMatch(message);
		expect(error?.message).toMatch(/\[item 0\]/);
		const accountNumber = (overrides as IDataObject).accountNumber as string | undefined;
		if (accountNumber)
			expect(`${error?.message} ${error?.description}`).not.toContain(accountNumber);
		expect(emulator.log).toHaveLength(0);
	});

	it('with Continue On Fail: the item with a bad routing number carries its error, the others are created', async () => {
		const credentials = billCredentials(emulator);
		const items = [{ routing: '074000010' }, { routing: '074000019' }, { routing: '021000021' }];
		const { output, error } = await runBill(
			credentials,
			(_i, json) => createParameters({ routingNumber: json.routing }),
			{
				items,
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		expect(output[0].json.status).toBe('PENDING');
		expect(String(output[1].json.error)).toMatch(/Routing Number.*\[item 1\]/);
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[2].json.routingNumber).toBe('021000021');
		expect(emulator.requests({ method: 'POST', route: BANKS })).toHaveLength(2);
		expect(emulator.state.bankAccounts.size).toBe(2);
	});
});

describe('Bank Account: update, verify, archive', () => {
	it('refuses an update before verification with a clear message, and changes nothing', async () => {
		const credentials = billCredentials(emulator);
		const id = await createAccount(credentials);
		const before = JSON.stringify(stored(id));
		const { error } = await runBill(credentials, {
			resource: 'bankAccount',
			operation: 'update',
			bankAccountId: byId(id),
			updateFields: { nameOnAccount: 'Someone Else' },
		});
		expect(error?.message).toMatch(/must be VERIFIED first; its status is PENDING/);
		expect(error?.description).toMatch(/Bank Account → Verify/);
		expect(JSON.stringify(stored(id))).toBe(before);
	});

	it('refuses an update with no field to change, before sending', async () => {
		const credentials = billCredentials(emulator);
		const id = await createAccount(credentials);
		const { error } = await runBill(credentials, {
			resource: 'bankAccount',
			operation: 'update',
			bankAccountId: byId(id),
			updateFields: {},
		});
		expect(error?.message).toMatch(/Update Fields: add at least one field to change \[item 0\]/);
		expect(emulator.requests({ method: 'PATCH' })).toHaveLength(0);
	});

	it('updates every updatable field of a verified account, and the emulator keeps one default account for receivables', async () => {
		const credentials = billCredentials(emulator);
		const first = await createAccount(credentials);
		const second = await createAccount(credentials, { bankName: 'Second' });
		await verify(credentials, first);
		await verify(credentials, second);
		const update = (id: string, updateFields: INodeParameters) =>
			runBillOk(credentials, {
				resource: 'bankAccount',
				operation: 'update',
				bankAccountId: byId(id),
				updateFields,
			});
		await update(first, { defaultForReceivables: true });
		await update(second, {
			nameOnAccount: 'Emulator Music Co LLC',
			ownerType: 'PERSONAL',
			accessToAdmins: false,
			defaultForReceivables: true,
			chartOfAccountId: '0ca02ABCDEFGHIJKLMN1',
		});
		expect(stored(second)).toMatchObject({
			nameOnAccount: 'Emulator Music Co LLC',
			ownerType: 'PERSONAL',
			accessToAdmins: false,
			default: { payables: false, receivables: true },
			chartOfAccountId: '0ca02ABCDEFGHIJKLMN1',
			routingNumber: '074000010',
			type: 'CHECKING',
		});
		expect(stored(first).default).toEqual({ payables: false, receivables: false });
	});

	it('the emulator refuses a change of routing number, account number or type, even on a verified account', async () => {
		const credentials = billCredentials(emulator);
		const id = await createAccount(credentials);
		await verify(credentials, id);
		const before = stored(id).accountNumber;
		// The node offers no such field; straight to the emulator, as another client would send it.
		const sessionId = credentials.data.billApi.sessionId as string;
		for (const field of ['routingNumber', 'accountNumber', 'type']) {
			const response = await fetch(`${emulator.baseUrl}${BANKS}/${id}`, {
				method: 'PATCH',
				headers: {
					sessionId,
					devKey: emulator.fixtures.devKey,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({ [field]: field === 'type' ? 'SAVINGS' : '021000021' }),
			});
			expect(response.status).toBe(400);
			expect(JSON.stringify(await response.json())).toContain(`${field}: cannot be changed`);
		}
		expect(stored(id)).toMatchObject({
			routingNumber: '074000010',
			type: 'CHECKING',
			accountNumber: before,
		});
	});

	it('answers verified: false to a wrong amount, blocks the account after the third, and then refuses every try', async () => {
		const credentials = billCredentials(emulator);
		const id = await createAccount(credentials);
		expect(await verify(credentials, id, 0.49)).toEqual({ verified: false });
		expect(stored(id).status).toBe('PENDING');
		expect(await verify(credentials, id, 0.05)).toEqual({ verified: false });
		expect(stored(id).status).toBe('PENDING');
		expect(await verify(credentials, id, 0.51)).toEqual({ verified: false });
		expect(stored(id).status).toBe('BLOCKED');
		const { error } = await runBill(credentials, {
			resource: 'bankAccount',
			operation: 'verify',
			bankAccountId: byId(id),
			depositAmount: 0.5,
		});
		expect(error?.message).toMatch(/could not be verified after 3 attempts/);
		expect(error?.message).toMatch(/create a new bank account/);
		expect(error?.description).toMatch(/Bank Account → Create/);
		expect(stored(id).status).toBe('BLOCKED');
		// Each try was sent once: a verify is never repeated (each wrong one counts).
		expect(
			emulator.requests({ method: 'POST', route: `${BANKS}/:bankAccountId/verify` }),
		).toHaveLength(4);
	});

	it('refuses a deposit amount that cannot be a test deposit, before sending', async () => {
		const credentials = billCredentials(emulator);
		const id = await createAccount(credentials);
		for (const [depositAmount, message] of [
			[1.5, /Deposit Amount: 1.5 is not a test deposit/],
			[0.555, /Deposit Amount: has more than 2 decimals/],
			[0, /Deposit Amount: must be more than 0/],
		] as const) {
			const { error } = await runBill(credentials, {
				resource: 'bankAccount',
				operation: 'verify',
				bankAccountId: byId(id),
				depositAmount,
			});
			expect(error?.message).toMatch(message);
		}
		expect(
			emulator.requests({ method: 'POST', route: `${BANKS}/:bankAccountId/verify` }),
		).toHaveLength(0);
	});

	it('archives only a verified account, and a second archive changes nothing', async () => {
		const credentials = billCredentials(emulator);
		const id = await createAccount(credentials);
		const archive = () =>
			runBill(credentials, {
				resource: 'bankAccount',
				operation: 'archive',
				bankAccountId: byId(id),
			});
		const refused = await archive();
		expect(refused.error?.message).toMatch(/must be VERIFIED first; its status is PENDING/);
		expect(refused.error?.description).toMatch(/only once it is verified/);
		expect(stored(id).archived).toBe(false);
		await verify(credentials, id);
		const { output } = await archive();
		expect(output[0].json).toMatchObject({ id, archived: true, status: 'VERIFIED' });
		expect(stored(id).archived).toBe(true);
		const again = await archive();
		expect(again.output[0].json.archived).toBe(true);
	});

	it('refuses to archive when the signed-in user has lost access to the account', async () => {
		const credentials = billCredentials(emulator);
		const id = await createAccount(credentials);
		await verify(credentials, id);
		const [own] = usersOf(id);
		await runBillOk(credentials, {
			resource: 'bankAccount',
			operation: 'removeUser',
			bankAccountUserId: String(own.id),
		});
		const { error } = await runBill(credentials, {
			resource: 'bankAccount',
			operation: 'archive',
			bankAccountId: byId(id),
		});
		expect(error?.message).toMatch(/you must be a VERIFIED user of it/);
		expect(stored(id).archived).toBe(false);
	});
});

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

describe('Bank Account: errors', () => {
	it("shows BILL's code for an unknown account, and with Continue On Fail keeps going", async () => {
		const credentials = billCredentials(emulator);
		const id = await createAccount(credentials);
		const missing = 'bac02AAAAAAAAAAAAAAA';
		const { output } = await runBill(
			credentials,
			(_i, json) => ({
				resource: 'bankAccount',
				operation: 'get',
				bankAccountId: byId(json.id as string),
			}),
			{
				items: [{ id: missing }, { id }, { id: 'not-an-id' }],
				continueOnFail: true,
			},
		);
		expect(output[0].json).toMatchObject({ code: 'BDC_1121', httpCode: '404' });
		expect(String(output[0].json.error)).toMatch(/not found/);
		expect(output[1].json.id).toBe(id);
		expect(String(output[2].json.error)).toMatch(/Bank Account: .*\[item 2\]/);
		expect(emulator.requests({ method: 'GET', route: `${BANKS}/:bankAccountId` })).toHaveLength(2);
	});

	it("keeps each organization's accounts to itself", async () => {
		const id = await createAccount(billCredentials(emulator));
		const other = billCredentials(emulator, {
			overrides: {
				organizationId: emulator.fixtures.otherOrganizationId,
				mfaId: '',
				deviceName: '',
			},
		});
		const { error } = await runBill(other, {
			resource: 'bankAccount',
			operation: 'get',
			bankAccountId: byId(id),
		});
		expect(error?.message).toMatch(/BDC_1121.*not found/);
		expect(
			await runBillOk(other, { resource: 'bankAccount', operation: 'getMany', returnAll: true }),
		).toHaveLength(0);
		expect(
			await runBillOk(other, {
				resource: 'bankAccount',
				operation: 'getManyUsers',
				returnAll: true,
			}),
		).toHaveLength(0);
	});

	it('never puts an account number or a secret in an error', async () => {
		const admin = billCredentials(emulator);
		const id = await createAccount(admin);
		const secrets = [
			ACCOUNT_NUMBER,
			emulator.fixtures.admin.password,
			emulator.fixtures.devKey,
			emulator.fixtures.mfaId,
			admin.data.billApi.sessionId as string,
		];
		const texts: string[] = [];
		let failures = 0;
		const collect = (result: {
			output: Array<{ json: IDataObject }>;
			error?: { message: string; description?: string | null; context?: IDataObject };
		}) => {
			if (result.error)
				texts.push(
					JSON.stringify({
						message: result.error.message,
						description: result.error.description,
						context: result.error.context,
					}),
				);
			for (const item of result.output) texts.push(JSON.stringify(item.json));
			if (result.error || result.output.some((item) => item.json.error)) failures++;
		};
		collect(await runBill(billCredentials(emulator, { untrusted: true }), createParameters()));
		collect(await runBill(billCredentials(emulator, { clerk: true }), createParameters()));
		collect(await runBill(admin, createParameters({ accountNumber: `${ACCOUNT_NUMBER}X` })));
		collect(
			await runBill(admin, createParameters({ accountNumber: `${ACCOUNT_NUMBER}123456` }), {
				continueOnFail: true,
			}),
		);
		collect(
			await runBill(admin, {
				resource: 'bankAccount',
				operation: 'update',
				bankAccountId: byId(id),
				updateFields: { bankName: 'x' },
			}),
		);
		for (let i = 0; i < 4; i++)
			collect(
				await runBill(admin, {
					resource: 'bankAccount',
					operation: 'verify',
					bankAccountId: byId(id),
					depositAmount: 0.2,
				}),
			);
		// Three wrong amounts are answers, not errors; the fourth try meets the blocked account.
		expect(failures).toBe(6);
		for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
		expect(JSON.stringify(emulator.log)).not.toContain(ACCOUNT_NUMBER);
	});
});
