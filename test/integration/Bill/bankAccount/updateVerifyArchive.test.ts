/**
 * Bank Account → Update, Verify and Archive against the emulator: nothing before verification,
 * three wrong deposits, checked in the emulator's state and request log.
 */
import type { INodeParameters } from 'n8n-workflow';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import {
	emulator,
	BANKS,
	createAccount,
	verify,
	stored,
	usersOf,
	useBankAccountEmulator,
} from './setup';

useBankAccountEmulator();

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
