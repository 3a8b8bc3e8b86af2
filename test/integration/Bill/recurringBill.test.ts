/** Recurring Bill resource, in-process against the emulator: every operation and refusal. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { searchRecurringBills } from '../../../nodes/Bill/listSearch/recurringBills';
import { startEmulator, type Emulator } from '../../../emulator';
import { newId } from '../../../emulator/state';
import { loadOptionsContext } from '../../harness/context';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const credentials = (untrusted = false) => billCredentials(emulator, { untrusted });
const sent = (method: string, route: string) => emulator.requests({ method, route }).length;

async function makeVendor(): Promise<string> {
	const [vendor] = await runBillOk(credentials(), {
		resource: 'vendor',
		operation: 'create',
		name: 'Landlord LLC',
		accountType: 'BUSINESS',
		email: 'rent@landlord.example',
		phone: '1',
	});
	return vendor.id as string;
}

function bankAccount(): string {
	const id = newId('bac');
	emulator.state.bankAccounts.set(id, { id, archived: false, nameOnAccount: 'Operating' });
	emulator.state.owner.set(id, emulator.fixtures.organizationId);
	return id;
}

const rent = (vendorId: string, extra: IDataObject = {}): INodeParameters =>
	({
		resource: 'recurringBill',
		operation: 'create',
		vendorId: byId(vendorId),
		period: 'MONTHLY',
		frequency: 1,
		nextDueDate: '2027-01-01',
		lineItems: {
			lineItem: [
				{
					amount: 2500,
					description: 'Office rent',
					classifications: { chartOfAccountId: byId('0ca02ABCDEFGHIJKLMNO') },
				},
			],
		},
		additionalFields: { description: 'Monthly rent', daysInAdvance: 5 },
		...extra,
	}) as INodeParameters;

describe('Recurring Bill', () => {
	it('creates monthly rent as BILL has it, and a re-run creates nothing twice', async () => {
		const vendorId = await makeVendor();
		const [made] = await runBillOk(credentials(), rent(vendorId));
		expect(made).toMatchObject({
			vendorId,
			description: 'Monthly rent',
			schedule: { period: 'MONTHLY', frequency: 1, nextDueDate: '2027-01-01', daysInAdvance: 5 },
			recurringBillLineItems: [
				expect.objectContaining({
					amount: 2500,
					classifications: { chartOfAccountId: '0ca02ABCDEFGHIJKLMNO' },
				}),
			],
			alreadyExisted: false,
		});
		expect(made.id).toMatch(/^btp02/);
		const again = await runBillOk(credentials(), rent(vendorId), { items: [{}, {}] });
		expect(again.map((b) => [b.id, b.alreadyExisted])).toEqual([
			[made.id, true],
			[made.id, true],
		]);
		expect(sent('POST', '/v3/recurringbills')).toBe(1);
		// Another amount is another recurring bill.
		const [other] = await runBillOk(
			credentials(),
			rent(vendorId, { lineItems: { lineItem: [{ amount: 100, description: 'Parking' }] } }),
		);
		expect(other.alreadyExisted).toBe(false);
	});

	it('auto pay: needs a bank account (checked first) and an MFA-trusted session (BILL says so)', async () => {
		const vendorId = await makeVendor();
		const noAccount = await runBill(
			credentials(),
			rent(vendorId, { additionalFields: { autoPayment: true } }),
		);
		expect(noAccount.error?.message).toMatch(
			/^Additional Fields → Pay From Bank Account: is required with Auto Pay \[item 0\]/,
		);
		expect(sent('POST', '/v3/recurringbills')).toBe(0);
		const account = bankAccount();
		const withAccount = { additionalFields: { autoPayment: true, bankAccountId: byId(account) } };
		const untrusted = await runBill(credentials(true), rent(vendorId, withAccount));
		expect(untrusted.error?.message).toMatch(/MFA-trusted session/);
		expect(JSON.stringify(untrusted.error)).toContain('BDC_1361');
		const [paid] = await runBillOk(credentials(), rent(vendorId, withAccount));
		expect(paid).toMatchObject({
			processingOptions: { autoPayment: true },
			paymentInformation: { bankAccountId: account },
		});
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const vendorId = await makeVendor();
		const cases: Array<[INodeParameters, RegExp]> = [
			[rent(vendorId, { lineItems: {} }), /^Line Items: add at least one line \[item 0\]/],
			[
				rent(vendorId, { nextDueDate: expr('next month') }),
				/^Next Due Date: "next month" is not a date \[item 0\]/,
			],
			[
				rent(vendorId, { frequency: expr(0.5) }),
				/^Frequency: must be a whole number of 1 or more, not 0.5 \[item 0\]/,
			],
			[
				rent(vendorId, { period: expr('HOURLY') }),
				/^Repeat Every: "HOURLY" is not one of DAILY, WEEKLY, MONTHLY, YEARLY \[item 0\]/,
			],
			[
				rent(vendorId, { additionalFields: { endDate: expr('soon') } }),
				/^Additional Fields → End Date: "soon" is not a date \[item 0\]/,
			],
			[rent(vendorId, { vendorId: byId(expr('00n02ABCDEFGHIJKLMNO')) }), /^Vendor: .*\[item 0\]/],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials(), parameters);
			expect(error?.message).toMatch(message);
		}
		expect(sent('POST', '/v3/recurringbills')).toBe(0);
	});

	it('gets, updates the schedule and a line, replaces, archives and restores', async () => {
		const vendorId = await makeVendor();
		const [made] = await runBillOk(credentials(), rent(vendorId));
		const id = made.id as string;
		const [line] = made.recurringBillLineItems as Array<{ id: string }>;
		const base = { resource: 'recurringBill', recurringBillId: byId(id) };
		expect((await runBillOk(credentials(), { ...base, operation: 'get' }))[0].id).toBe(id);
		const [updated] = await runBillOk(credentials(), {
			...base,
			operation: 'update',
			updateFields: { nextDueDate: '2027-02-01', endDate: '2027-12-31' },
			lineItemChanges: { lineItem: [{ id: line.id, amount: 2600 }] },
		});
		expect(updated).toMatchObject({
			schedule: { period: 'MONTHLY', nextDueDate: '2027-02-01', endDate: '2027-12-31' },
			recurringBillLineItems: [
				expect.objectContaining({ id: line.id, amount: 2600, description: 'Office rent' }),
			],
		});
		const [replaced] = await runBillOk(credentials(), {
			...rent(vendorId),
			...base,
			operation: 'replace',
			period: 'YEARLY',
			lineItems: { lineItem: [{ amount: 30000, description: 'Annual rent' }] },
		});
		expect(replaced).toMatchObject({ schedule: { period: 'YEARLY' } });
		expect((replaced.recurringBillLineItems as IDataObject[]).map((l) => l.amount)).toEqual([
			30000,
		]);
		expect((await runBillOk(credentials(), { ...base, operation: 'archive' }))[0].archived).toBe(
			true,
		);
		expect((await runBillOk(credentials(), { ...base, operation: 'restore' }))[0].archived).toBe(
			false,
		);
	});

	it("refuses an empty update; shows BILL's not-found; lists by vendor and searches by description", async () => {
		const empty = await runBill(credentials(), {
			resource: 'recurringBill',
			operation: 'update',
			recurringBillId: byId('btp02ABCDEFGHIJKLMNO'),
		});
		expect(empty.error?.message).toMatch(
			/^Update Fields: add at least one field or line item change/,
		);
		const missing = await runBill(credentials(), {
			resource: 'recurringBill',
			operation: 'get',
			recurringBillId: byId('btp02ABCDEFGHIJKLMNO'),
		});
		expect(missing.error?.message).toMatch(/Recurring bill not found/);
		const vendorId = await makeVendor();
		await runBillOk(credentials(), rent(vendorId));
		await runBillOk(
			credentials(),
			rent(vendorId, { additionalFields: { description: 'Storage unit' } }),
		);
		const list = await runBillOk(credentials(), {
			resource: 'recurringBill',
			operation: 'getMany',
			returnAll: true,
			filters: { vendorId: byId(vendorId), archived: false },
			sort: { sortBy: { field: 'description', direction: 'desc' } },
		});
		expect(list.map((b) => b.description)).toEqual(['Storage unit', 'Monthly rent']);
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'recurringBill', operation: 'get' },
			credentials: credentials(),
		});
		const found = await searchRecurringBills.call(context, 'storage');
		expect(found.results.map((r) => r.name)).toEqual([
			'Storage unit · MONTHLY · next 2027-01-01 · 2500.00',
		]);
	});
});
