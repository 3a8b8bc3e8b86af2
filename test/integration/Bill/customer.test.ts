/** Customer resource, in-process against the emulator: every operation, bad input and BILL's errors. */
import { startEmulator, type Emulator } from '../../../emulator';
import { receivables } from '../../../emulator/receivables';
import { searchCustomers } from '../../../nodes/Bill/listSearch/customers';
import { billCredentials, billNode, byId, expr, runBill, runBillOk } from '../../harness/bill';
import { loadOptionsContext } from '../../harness/context';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const createParameters = (name: string, email = 'ap@paperless.example', extra = {}) => ({
	resource: 'customer',
	operation: 'create',
	name,
	email,
	additionalFields: {
		companyName: `${name} LLC`,
		contactFirstName: 'Check',
		contactLastName: 'Mailworth',
		accountType: 'BUSINESS',
		invoiceCurrency: 'usd',
		billingAddress: { line1: '987 Side Street', city: 'San Jose', country: 'US' },
	},
	...extra,
});

const customers = () => [...receivables(emulator.state).customers.values()];

describe('Customer', () => {
	it('creates a customer with contact and address nested as BILL has them', async () => {
		const credentials = billCredentials(emulator);
		const [customer] = await runBillOk(credentials, createParameters('Paperless Band'));
		expect(customer.id).toMatch(/^0cu/);
		expect(customer.alreadyExisted).toBeUndefined();
		expect(customers()[0]).toMatchObject({
			name: 'Paperless Band',
			email: 'ap@paperless.example',
			companyName: 'Paperless Band LLC',
			contact: { firstName: 'Check', lastName: 'Mailworth' },
			invoiceCurrency: 'USD',
			billingAddress: { city: 'San Jose' },
		});
	});

	it('with Skip Existing Customers, returns the customer with the same name or email instead of a second one', async () => {
		const credentials = billCredentials(emulator);
		const [first] = await runBillOk(credentials, createParameters('Paperless Band'));
		const items = [
			{ name: 'paperless band ', email: 'other@x.example' }, // same name
			{ name: 'Someone Else', email: 'AP@paperless.example' }, // same email
			{ name: 'New One', email: 'new@x.example' },
			{ name: 'New One', email: 'new@x.example' }, // a repeat within the run
		];
		const output = await runBillOk(
			credentials,
			(_i, json) =>
				createParameters(json.name as string, json.email as string, { skipExisting: true }),
			{ items },
		);
		expect(output.map((c) => c.alreadyExisted)).toEqual([true, true, false, true]);
		expect(output[0].id).toBe(first.id);
		expect(output[1].id).toBe(first.id);
		expect(output[3].id).toBe(output[2].id);
		expect(customers()).toHaveLength(2);
		// One read of the customers for the whole run.
		expect(emulator.requests({ method: 'GET', route: '/v3/customers' })).toHaveLength(1);
		// A re-run creates nothing.
		await runBillOk(
			credentials,
			(_i, json) =>
				createParameters(json.name as string, json.email as string, { skipExisting: true }),
			{ items },
		);
		expect(customers()).toHaveLength(2);
	});

	it('does not match archived customers', async () => {
		const credentials = billCredentials(emulator);
		const [first] = await runBillOk(credentials, createParameters('Gone'));
		await runBillOk(credentials, {
			resource: 'customer',
			operation: 'archive',
			customerId: byId(first.id as string),
		});
		const [second] = await runBillOk(
			credentials,
			createParameters('Gone', undefined, { skipExisting: true }),
		);
		expect(second).toMatchObject({ alreadyExisted: false });
		expect(second.id).not.toBe(first.id);
	});

	it('gets, updates, archives and restores a customer', async () => {
		const credentials = billCredentials(emulator);
		const [created] = await runBillOk(credentials, createParameters('Harbor Music'));
		const id = created.id as string;
		const [got] = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'get',
			customerId: byId(id),
		});
		expect(got).toMatchObject({ name: 'Harbor Music', balance: { amount: 0 } });
		const [updated] = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'update',
			customerId: byId(id),
			updateFields: { name: 'Harbor Music (Updated)', accountType: 'PERSON', contactLastName: 'X' },
		});
		expect(updated).toMatchObject({
			name: 'Harbor Music (Updated)',
			accountType: 'PERSON',
			contact: { firstName: 'Check', lastName: 'X' },
		});
		const [archived] = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'archive',
			customerId: byId(id),
		});
		expect(archived.archived).toBe(true);
		const [restored] = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'restore',
			customerId: byId(id),
		});
		expect(restored.archived).toBe(false);
	});

	it('lists customers with filters, sort, a limit and Return All across pages', async () => {
		const credentials = billCredentials(emulator);
		const items = Array.from({ length: 120 }, (_, i) => ({
			name: `${i % 2 ? 'Acme' : 'Zen'} ${i}`,
		}));
		await runBillOk(
			credentials,
			(i, json) => createParameters(json.name as string, `c${i}@x.example`),
			{ items },
		);
		const all = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all).toHaveLength(120);
		const limited = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'getMany',
			returnAll: false,
			limit: 7,
		});
		expect(limited).toHaveLength(7);
		const acme = await runBillOk(credentials, {
			resource: 'customer',
			operation: 'getMany',
			returnAll: true,
			filters: { nameStartsWith: 'Acme', archived: false, invoiceCurrencies: 'usd' },
			sort: { sortBy: { field: 'name', direction: 'desc' } },
		});
		expect(acme).toHaveLength(60);
		expect(acme[0].name).toBe('Acme 99');
		const [list] = emulator.requests({ method: 'GET', route: '/v3/customers' }).slice(-1);
		expect(list.status).toBe(200);
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const credentials = billCredentials(emulator);
		const cases: Array<[object, RegExp]> = [
			[
				createParameters('X', 'not-an-email'),
				/Email: "not-an-email" is not an email address \[item 0\]/,
			],
			[createParameters('x'.repeat(101)), /Name: must be at most 100 characters \[item 0\]/],
			[
				createParameters('X', undefined, { additionalFields: { invoiceCurrency: 'dollars' } }),
				/Invoice Currency: "dollars" is not a three-letter currency code/,
			],
			[
				{ resource: 'customer', operation: 'get', customerId: byId(expr('00902ABCDEFGHIJKLMNO')) },
				/Customer: .* is not a BILL customer/,
			],
			[
				{
					resource: 'customer',
					operation: 'update',
					customerId: byId('0cu02ABCDEFGHIJKLMNO'),
					updateFields: {},
				},
				/Update Fields: add at least one field to change/,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await runBill(credentials, parameters as never);
			expect(error?.message).toMatch(message);
		}
		expect(emulator.requests({ route: /customers/ })).toHaveLength(0);
	});

	it("passes BILL's refusal on with its code, and with Continue On Fail the other items go on", async () => {
		const credentials = billCredentials(emulator);
		const output = await runBillOk(
			credentials,
			(_i, json) => ({
				resource: 'customer',
				operation: 'get',
				customerId: byId(json.id as string),
			}),
			{
				items: [{ id: '0cu02ABCDEFGHIJKLMNO' }, { id: '0cu02ABCDEFGHIJKLMNP' }],
				continueOnFail: true,
			},
		);
		expect(output).toHaveLength(2);
		expect(output[0]).toMatchObject({ code: 'BDC_1121', httpCode: '404' });
		expect(String(output[0].error)).toMatch(/Customer not found/);
	});

	it('searches customers by name for the resource locator', async () => {
		const credentials = billCredentials(emulator);
		await runBillOk(credentials, createParameters('Paperless Band'));
		await runBillOk(credentials, createParameters('Other', 'o@x.example'));
		const context = loadOptionsContext({
			node: billNode,
			parameters: { resource: 'customer', operation: 'get' },
			credentials,
		});
		const result = await searchCustomers.call(context, 'Paper');
		expect(result.results).toEqual([
			{ name: 'Paperless Band · ap@paperless.example', value: expect.stringMatching(/^0cu/) },
		]);
	});
});
