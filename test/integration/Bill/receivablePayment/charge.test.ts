/**
 * Charging customers (BILL, December 2025), in-process against the emulator: the customer's
 * authorization and bank account, the charge, and that no re-run or lost answer charges twice.
 */
import { startEmulator, type Emulator } from '../../../../emulator';
import { receivables } from '../../../../emulator/receivables';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';
import { api, day } from '../payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const ar = () => receivables(emulator.state);
const charges = () => [...ar().receivablePayments.values()];
const posts = () =>
	emulator.requests({
		method: 'POST',
		route: /^\/v3\/receivable-payments( \(connection reset after\))?$/,
	}).length;

async function customerWithInvoices(amounts: number[], options = { authorize: true, bank: true }) {
	const admin = api(emulator);
	const c = await admin.call('POST', '/v3/customers', {
		name: `Customer ${Math.random()}`,
		email: 'ar@example.com',
		billingAddress: { line1: '1 Main St', city: 'San Jose', country: 'US' },
	});
	const customerId = String(c.data.id);
	const invoiceIds: string[] = [];
	for (const price of amounts) {
		const i = await admin.call('POST', '/v3/invoices', {
			customer: { id: customerId },
			dueDate: day(emulator, 0),
			invoiceLineItems: [{ quantity: 1, price, description: 'Lessons' }],
		});
		if (i.status !== 201) throw new Error(JSON.stringify(i.data));
		invoiceIds.push(String(i.data.id));
	}
	const credentials = billCredentials(emulator);
	if (options.authorize)
		await runBillOk(credentials, {
			resource: 'customer',
			operation: 'setChargeAuthorization',
			customerId: byId(customerId),
			authorizedToCharge: true,
		});
	let accountId: string | undefined;
	if (options.bank) {
		const [account] = await runBillOk(credentials, bankAccountParameters(customerId));
		accountId = String(account.id);
	}
	return { customerId, invoiceIds, accountId };
}

const bankAccountParameters = (customerId: string) => ({
	resource: 'customer',
	operation: 'createBankAccount',
	customerId: byId(customerId),
	nameOnAccount: 'Paperless Band LLC',
	routingNumber: '074000010',
	accountNumber: '1234 5678 9',
	bankAccountType: 'CHECKING',
	ownerType: 'BUSINESS',
	additionalFields: { nickname: 'Operating' },
});

const chargeParameters = (
	customerId: string,
	parts: Array<{ invoiceId: string; amount: number | string }>,
	paymentDate = day(emulator, 1),
	extra = {},
) => ({
	resource: 'receivablePayment',
	operation: 'charge',
	customerId: byId(customerId),
	invoices: { invoice: parts },
	paymentDate,
	...extra,
});

describe('Customer → charge authorization and bank accounts', () => {
	it('authorizes charging, under either answer BILL may give', async () => {
		for (const answer of ['customer', 'empty'] as const) {
			emulator.readings.chargeAuthorizationAnswer = answer;
			const { customerId } = await customerWithInvoices([], { authorize: false, bank: false });
			const [out] = await runBillOk(billCredentials(emulator), {
				resource: 'customer',
				operation: 'setChargeAuthorization',
				customerId: byId(customerId),
				authorizedToCharge: true,
			});
			expect(out).toMatchObject({ id: customerId, authorizedToCharge: true });
			expect(ar().customers.get(customerId)).toMatchObject({ authorizedToCharge: true });
		}
	});

	it('adds a bank account once: a re-run returns it (alreadyExisted), and the account number never shows', async () => {
		const { customerId } = await customerWithInvoices([], { authorize: false, bank: false });
		const credentials = billCredentials(emulator);
		const [first] = await runBillOk(credentials, bankAccountParameters(customerId));
		const [again] = await runBillOk(credentials, bankAccountParameters(customerId));
		expect(first).toMatchObject({
			alreadyExisted: false,
			nickname: 'Operating',
			status: 'VERIFIED',
		});
		expect(again).toMatchObject({ id: first.id, alreadyExisted: true });
		expect([...ar().customerBankAccounts.values()]).toHaveLength(1);
		expect(JSON.stringify(first)).not.toContain('123456789');
		expect(
			emulator.requests({ method: 'POST', route: '/v3/customers/:customerId/bank-accounts' }),
		).toHaveLength(1);
	});

	it('lists, gets, updates and archives a customer bank account', async () => {
		const { customerId, accountId } = await customerWithInvoices([]);
		const credentials = billCredentials(emulator);
		const one = { customerId: byId(customerId), customerBankAccountId: byId(accountId!) };
		const list = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'getManyBankAccounts',
			customerId: byId(customerId),
			returnAll: true,
		});
		expect(list.map((a) => a.id)).toEqual([accountId]);
		const [updated] = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'updateBankAccount',
			...one,
			bankAccountFields: { nickname: 'Payroll' },
		});
		expect(updated).toMatchObject({ nickname: 'Payroll' });
		const [got] = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'getBankAccount',
			...one,
		});
		expect(got).toMatchObject({ id: accountId, nickname: 'Payroll' });
		const [archived] = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'archiveBankAccount',
			...one,
		});
		expect(archived).toMatchObject({ archived: true });
	});

	it('refuses a bank account for a customer without a billing address, with the way out', async () => {
		const c = await api(emulator).call('POST', '/v3/customers', {
			name: 'No Address',
			email: 'n@a.example',
		});
		const { output } = await runBill(
			billCredentials(emulator),
			bankAccountParameters(String(c.data.id)),
			{
				continueOnFail: true,
			},
		);
		expect(String(output[0].json.error)).toMatch(/billing address/);
		expect(String(output[0].json.hint)).toMatch(/Customer → Update → Billing Address/);
	});
});

describe('Received Payment → Charge', () => {
	it("charges the customer's bank account for two invoices: the invoices' due amounts drop", async () => {
		const { customerId, invoiceIds, accountId } = await customerWithInvoices([100, 50.5]);
		const [charged] = await runBillOk(
			billCredentials(emulator),
			chargeParameters(
				customerId,
				[
					{ invoiceId: invoiceIds[0], amount: 100 },
					{ invoiceId: invoiceIds[1], amount: '20.25' },
				],
				day(emulator, 2),
				{ additionalFields: { description: 'Lessons, May' } },
			),
		);
		expect(charged).toMatchObject({
			id: expect.stringMatching(/^0rp/),
			alreadyExisted: false,
			amount: 120.25,
			fundingAccount: { type: 'BANK_ACCOUNT', id: accountId },
			paymentDate: day(emulator, 2),
			description: 'Lessons, May',
		});
		const [sent] = emulator
			.requests({ method: 'POST', route: '/v3/receivable-payments' })
			.map((e) => e);
		expect(sent).toBeDefined();
		expect(ar().invoices.get(invoiceIds[0])).toMatchObject({
			dueAmount: 0,
			status: 'PAID_IN_FULL',
		});
		expect(ar().invoices.get(invoiceIds[1])).toMatchObject({ dueAmount: 30.25 });
	});

	it.each(['lenient', 'strict'] as const)(
		'a re-run charges nothing twice (received-payment filters %s): the same charge is returned, alreadyExisted',
		async (reading) => {
			emulator.readings.receivablePaymentFilters = reading;
			const { customerId, invoiceIds } = await customerWithInvoices([80]);
			const parameters = chargeParameters(customerId, [{ invoiceId: invoiceIds[0], amount: 30 }]);
			const [first] = await runBillOk(billCredentials(emulator), parameters);
			const [second] = await runBillOk(billCredentials(emulator), parameters);
			expect(second).toMatchObject({ id: first.id, alreadyExisted: true });
			expect(charges()).toHaveLength(1);
			expect(posts()).toBe(1);
			expect(ar().invoices.get(invoiceIds[0])).toMatchObject({ dueAmount: 50 });
		},
	);

	it.each(['kept', 'businessDay'] as const)(
		'a withdrawal date on a Saturday (BILL reading the date as %s): the re-run still finds the charge',
		async (reading) => {
			emulator.readings.chargeWithdrawalDate = reading;
			const { customerId, invoiceIds } = await customerWithInvoices([80]);
			let saturday = emulator.clock.ms() + 2 * 86_400_000;
			while (new Date(saturday).getUTCDay() !== 6) saturday += 86_400_000;
			const date = new Date(saturday).toISOString().slice(0, 10);
			const parameters = chargeParameters(
				customerId,
				[{ invoiceId: invoiceIds[0], amount: 25 }],
				date,
			);
			const [first] = await runBillOk(billCredentials(emulator), parameters);
			const [second] = await runBillOk(billCredentials(emulator), parameters);
			expect(first.paymentDate).toBe(
				reading === 'kept' ? date : new Date(saturday + 2 * 86_400_000).toISOString().slice(0, 10),
			);
			expect(second).toMatchObject({ id: first.id, alreadyExisted: true });
			expect(posts()).toBe(1);
		},
	);

	it("a re-run mapping the invoice's dueAmount (now 0) returns the charge, and two items of one run charge once", async () => {
		const { customerId, invoiceIds } = await customerWithInvoices([80]);
		const credentials = billCredentials(emulator);
		const items = [{ amount: 80 }, { amount: 80 }];
		const output = await runBillOk(
			credentials,
			(_i, json) =>
				chargeParameters(customerId, [{ invoiceId: invoiceIds[0], amount: json.amount as number }]),
			{ items },
		);
		expect(output.map((o) => o.alreadyExisted)).toEqual([false, true]);
		const [rerun] = await runBillOk(
			credentials,
			chargeParameters(customerId, [{ invoiceId: invoiceIds[0], amount: 0 }]),
		);
		expect(rerun).toMatchObject({
			id: output[0].id,
			alreadyExisted: true,
			invoiceAlreadyPaid: true,
		});
		expect(posts()).toBe(1);
	});

	it('after a lost answer the item says the outcome is unknown, the charge is not sent again, and the re-run returns it', async () => {
		const { customerId, invoiceIds } = await customerWithInvoices([80]);
		const parameters = chargeParameters(customerId, [{ invoiceId: invoiceIds[0], amount: 80 }]);
		emulator.addFault({ kind: 'resetAfter', method: 'POST', path: '/v3/receivable-payments' });
		const { output } = await runBill(billCredentials(emulator), parameters, {
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ outcomeUnknown: true });
		expect(String(output[0].json.error)).toMatch(/may have reached BILL, so it was not sent again/);
		expect(String(output[0].json.hint)).toMatch(/Running it again is safe/);
		expect(posts()).toBe(1);
		expect(charges()).toHaveLength(1);

		const [rerun] = await runBillOk(billCredentials(emulator), parameters);
		expect(rerun).toMatchObject({ id: charges()[0].id, alreadyExisted: true });
		expect(posts()).toBe(1);
	});

	it('a 500 from BILL is not sent again either', async () => {
		const { customerId, invoiceIds } = await customerWithInvoices([80]);
		emulator.addFault({
			kind: 'status',
			status: 500,
			method: 'POST',
			path: '/v3/receivable-payments',
		});
		const { output } = await runBill(
			billCredentials(emulator),
			chargeParameters(customerId, [{ invoiceId: invoiceIds[0], amount: 80 }]),
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ outcomeUnknown: true });
		expect(posts()).toBe(1);
	});

	it("BILL's refusal of a customer not authorized to charge comes back with what to do; nothing is charged", async () => {
		const { customerId, invoiceIds } = await customerWithInvoices([80], {
			authorize: false,
			bank: true,
		});
		const { output } = await runBill(
			billCredentials(emulator),
			chargeParameters(customerId, [{ invoiceId: invoiceIds[0], amount: 80 }]),
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ httpCode: '400' });
		expect(String(output[0].json.error)).toMatch(/not authorized to charge/);
		expect(String(output[0].json.hint)).toMatch(/Set Charge Authorization/);
		expect(charges()).toHaveLength(0);
	});

	it('checks before sending: no bank account, more than due, an invoice of another customer, a bad date', async () => {
		const { customerId, invoiceIds } = await customerWithInvoices([80], {
			authorize: true,
			bank: false,
		});
		const other = await customerWithInvoices([10]);
		const cases: Array<[object, RegExp]> = [
			[
				chargeParameters(customerId, [{ invoiceId: invoiceIds[0], amount: 80 }]),
				/has no bank account.*nothing was charged/,
			],
			[
				chargeParameters(other.customerId, [{ invoiceId: other.invoiceIds[0], amount: 11 }]),
				/more than the 10 still due/,
			],
			[
				chargeParameters(other.customerId, [{ invoiceId: invoiceIds[0], amount: 1 }]),
				/belongs to customer/,
			],
			[
				chargeParameters(
					other.customerId,
					[{ invoiceId: other.invoiceIds[0], amount: 1 }],
					'next friday',
				),
				/Withdrawal Date: "next friday" is not a date/,
			],
			[
				chargeParameters(other.customerId, [{ invoiceId: 'nope', amount: 1 }]),
				/Invoice ID 1: "nope"/,
			],
			[chargeParameters(other.customerId, []), /Invoices: add at least one invoice/],
		];
		for (const [parameters, message] of cases) {
			const { output } = await runBill(billCredentials(emulator), parameters as never, {
				continueOnFail: true,
			});
			expect(String(output[0].json.error)).toMatch(message);
		}
		expect(posts()).toBe(0);
	});

	it('charges the bank account given by ID, and refuses one of another customer', async () => {
		const a = await customerWithInvoices([40]);
		const b = await customerWithInvoices([40]);
		const credentials = billCredentials(emulator);
		const byAccount = (accountId: string) =>
			chargeParameters(
				a.customerId,
				[{ invoiceId: a.invoiceIds[0], amount: 40 }],
				day(emulator, 1),
				{
					fundingMode: 'id',
					customerBankAccountId: byId(accountId),
				},
			);
		const { output } = await runBill(credentials, byAccount(b.accountId!), {
			continueOnFail: true,
		});
		expect(String(output[0].json.error)).toMatch(/fundingAccount/);
		const [charged] = await runBillOk(credentials, byAccount(a.accountId!));
		expect(charged).toMatchObject({ fundingAccount: { id: a.accountId } });
	});
});
