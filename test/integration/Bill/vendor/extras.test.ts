/** Vendor bank account, configuration and audit trail, against the emulator. */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, byId, expr, runBill, runBillOk } from '../../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = (untrusted = false) => billCredentials(emulator, { untrusted });
const sent = (method: string, route: string) => emulator.requests({ method, route }).length;
const ACCOUNT = '123456789012';

async function makeVendor(country = 'US'): Promise<string> {
	const [vendor] = await runBillOk(credentials(), {
		resource: 'vendor',
		operation: 'create',
		name: 'Drum Supply Co',
		accountType: 'BUSINESS',
		email: 'ap@drums.example',
		phone: '1',
		address: { line1: '1 Main St', city: 'Copenhagen', zipOrPostalCode: '1000', country },
	});
	return vendor.id as string;
}

const setAccount = (vendorId: string, extra: Record<string, unknown> = {}): INodeParameters =>
	({
		resource: 'vendor',
		operation: 'setBankAccount',
		vendorId: byId(vendorId),
		nameOnAccount: 'Drum Supply Co',
		routingNumber: '074000010',
		accountNumber: ACCOUNT,
		type: 'CHECKING',
		ownerType: 'BUSINESS',
		paymentCurrency: 'usd',
		...extra,
	}) as INodeParameters;

describe('Vendor bank account', () => {
	it('sets, gets and removes it; never outputs the account number, only its last four digits', async () => {
		const vendorId = await makeVendor();
		const [set] = await runBillOk(credentials(), setAccount(vendorId));
		expect(set).toMatchObject({
			vendorId,
			accountNumberLast4: '9012',
			routingNumber: '074000010',
			paymentCurrency: 'USD',
			alreadyExisted: false,
		});
		expect(JSON.stringify(set)).not.toContain(ACCOUNT);
		const [got] = await runBillOk(credentials(), {
			resource: 'vendor',
			operation: 'getBankAccount',
			vendorId: byId(vendorId),
		});
		expect(got.accountNumberLast4).toBe('9012');
		expect(JSON.stringify(got)).not.toContain(ACCOUNT);
		const [removed] = await runBillOk(credentials(), {
			resource: 'vendor',
			operation: 'removeBankAccount',
			vendorId: byId(vendorId),
		});
		expect(removed).toEqual({ vendorId, bankAccountRemoved: true });
		expect(emulator.requests({ method: 'DELETE' }).map((r) => r.status)).toEqual([204]);
	});

	it('a re-run changes nothing; another account replaces the old one (removed, then added)', async () => {
		const vendorId = await makeVendor();
		await runBillOk(credentials(), setAccount(vendorId));
		const [again] = await runBillOk(credentials(), setAccount(vendorId));
		expect(again.alreadyExisted).toBe(true);
		expect(sent('POST', '/v3/vendors/:vendorId/bank-account')).toBe(1);
		const [other] = await runBillOk(
			credentials(),
			setAccount(vendorId, { accountNumber: '555566667777' }),
		);
		expect(other).toMatchObject({ accountNumberLast4: '7777', alreadyExisted: false });
		expect(sent('DELETE', '/v3/vendors/:vendorId/bank-account')).toBe(1);
		expect(sent('POST', '/v3/vendors/:vendorId/bank-account')).toBe(2);
	});

	it("refuses bad details before sending; an untrusted session gets BILL's code and a hint", async () => {
		const vendorId = await makeVendor();
		const cases: Array<[INodeParameters, RegExp]> = [
			[
				setAccount(vendorId, { routingNumber: '123456789' }),
				/^Routing Number: "123456789" is not a valid ABA routing number/,
			],
			[
				setAccount(vendorId, { accountNumber: expr('12ab') }),
				/^Account Number: must be 4 to 17 digits \[item 0\]/,
			],
			[
				setAccount(vendorId, { paymentCurrency: 'dollars' }),
				/^Payment Currency: "DOLLARS" is not a three-letter currency code/,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials(), parameters);
			expect(error?.message).toMatch(message);
			expect(JSON.stringify(error)).not.toContain(ACCOUNT);
		}
		expect(sent('GET', '/v3/vendors/:vendorId/bank-account')).toBe(0);
		const { error } = await runBill(credentials(true), setAccount(vendorId));
		expect(error?.message).toMatch(/MFA-trusted session/);
		expect(error?.description).toMatch(/MFA ID/);
		expect(JSON.stringify(error)).not.toContain(ACCOUNT);
	});

	it('says so when the old account was removed but BILL refused the new one', async () => {
		const vendorId = await makeVendor();
		await runBillOk(credentials(), setAccount(vendorId));
		emulator.addFault({
			kind: 'status',
			status: 400,
			code: 'BDC_1002',
			message: 'accountNumber: rejected',
			method: 'POST',
			path: `/v3/vendors/${vendorId}/bank-account`,
		});
		const { error } = await runBill(
			credentials(),
			setAccount(vendorId, { accountNumber: '999988887777' }),
		);
		expect(error?.message).toMatch(
			/old bank account was removed, but BILL did not add the new one: .*accountNumber: rejected \[item 0\]/,
		);
		expect(error?.description).toMatch(/has no bank account now/);
	});
});

describe('Vendor configuration and audit trail', () => {
	it("gets a vendor's configuration and the one before creating an international vendor", async () => {
		const vendorId = await makeVendor('DK');
		const [config] = await runBillOk(credentials(), {
			resource: 'vendor',
			operation: 'getConfiguration',
			vendorId: byId(vendorId),
		});
		expect(config).toMatchObject({ internationalPayments: { paymentPurpose: { required: true } } });
		const [before] = await runBillOk(credentials(), {
			resource: 'vendor',
			operation: 'getInternationalConfiguration',
			country: 'dk',
			billCurrency: 'eur',
			accountType: 'BUSINESS',
		});
		expect(before.validations).toBeDefined();
		const { error } = await runBill(credentials(), {
			resource: 'vendor',
			operation: 'getInternationalConfiguration',
			country: 'Denmark',
			billCurrency: 'EUR',
		});
		expect(error?.message).toMatch(
			/^Country: "DENMARK" is not a two-letter country code \[item 0\]/,
		);
	});

	it('lists the audit trail by start and max, all of it or up to a limit', async () => {
		const vendorId = await makeVendor();
		for (const accountNumber of ['111122223333', '444455556666', '777788889999'])
			await runBillOk(credentials(), setAccount(vendorId, { accountNumber }));
		// Create, then add, remove+add, remove+add: 6 records.
		const all = await runBillOk(credentials(), {
			resource: 'vendor',
			operation: 'getAuditTrail',
			vendorId: byId(vendorId),
			returnAll: true,
		});
		expect(all.map((r) => r.type)).toEqual(['Create', 'Edit', 'Edit', 'Edit', 'Edit', 'Edit']);
		expect(all.every((r) => r.vendorId === vendorId)).toBe(true);
		const some = await runBillOk(credentials(), {
			resource: 'vendor',
			operation: 'getAuditTrail',
			vendorId: byId(vendorId),
			returnAll: false,
			limit: 2,
		});
		expect(some).toHaveLength(2);
	});
});
