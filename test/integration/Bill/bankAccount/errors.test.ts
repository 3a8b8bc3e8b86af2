/**
 * Bank Account: BILL's refusals and bad input, with the item and parameter named.
 */
import type { IDataObject } from 'n8n-workflow';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import {
	emulator,
	BANKS,
	ACCOUNT_NUMBER,
	createParameters,
	createAccount,
	useBankAccountEmulator,
} from './setup';

useBankAccountEmulator();

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
