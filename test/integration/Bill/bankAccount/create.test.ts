/**
 * Bank Account → Create against the emulator: what is sent, the account returned when the numbers
 * exist, and every refusal (role, MFA trust, bad numbers).
 */
import type { IDataObject } from 'n8n-workflow';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import {
	emulator,
	events,
	BANKS,
	ACCOUNT_NUMBER,
	createParameters,
	createAccount,
	verify,
	stored,
	usersOf,
	useBankAccountEmulator,
} from './setup';

useBankAccountEmulator();

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
