/** Vendor resource, in-process against the emulator: every operation, bad input and BILL's errors. */
import { startEmulator, type Emulator } from '../../../../emulator';
import { billCredentials, byId, runBill, runBillOk } from '../../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const createParameters = (name: string) => ({
	resource: 'vendor',
	operation: 'create',
	name,
	accountType: 'BUSINESS',
	email: 'billing@sjmusic.example',
	phone: '+1 408 555 0100',
	address: {
		line1: '1 Main St',
		city: 'San Jose',
		stateOrProvince: 'CA',
		zipOrPostalCode: '95113',
		country: 'US',
	},
	payeeName: 'San Jose Music Supplies Inc.',
	billCurrency: 'usd',
	additionalFields: { taxId: '12-3456789', track1099: true },
});

describe('Vendor', () => {
	it('creates a vendor with the common fields nested as BILL has them, logging in once', async () => {
		const credentials = billCredentials(emulator);
		const [vendor] = await runBillOk(credentials, createParameters('San Jose Music Supplies'));
		expect(vendor.id).toMatch(/^009/);
		const stored = emulator.state.vendors.get(vendor.id as string)!;
		expect(stored).toMatchObject({
			name: 'San Jose Music Supplies',
			billCurrency: 'USD',
			address: { city: 'San Jose', country: 'US' },
			paymentInformation: { payeeName: 'San Jose Music Supplies Inc.' },
			additionalInfo: { taxId: '12-3456789', track1099: true },
		});
		await runBillOk(credentials, createParameters('Second'));
		expect(emulator.logins()).toBe(1);
	});

	it('gets, updates, archives and restores a vendor', async () => {
		const credentials = billCredentials(emulator);
		const [created] = await runBillOk(credentials, createParameters('Harbor Freight'));
		const id = created.id as string;
		const [got] = await runBillOk(credentials, {
			resource: 'vendor',
			operation: 'get',
			vendorId: byId(id),
		});
		expect(got.name).toBe('Harbor Freight');
		const [updated] = await runBillOk(credentials, {
			resource: 'vendor',
			operation: 'update',
			vendorId: byId(id),
			updateFields: { email: 'new@harbor.example', phone: '555' },
		});
		expect(updated).toMatchObject({
			email: 'new@harbor.example',
			phone: '555',
			name: 'Harbor Freight',
		});
		const [archived] = await runBillOk(credentials, {
			resource: 'vendor',
			operation: 'archive',
			vendorId: byId(id),
		});
		expect(archived.archived).toBe(true);
		const [restored] = await runBillOk(credentials, {
			resource: 'vendor',
			operation: 'restore',
			vendorId: byId(id),
		});
		expect(restored.archived).toBe(false);
		expect(emulator.state.vendors.get(id)!.archived).toBe(false);
	});

	it('lists vendors with filters, a limit, and Return All across pages', async () => {
		const credentials = billCredentials(emulator);
		const items = Array.from({ length: 130 }, (_, i) => ({
			name: `${i % 2 ? 'Acme' : 'Zen'} ${i}`,
		}));
		await runBillOk(credentials, (_i, json) => ({ ...createParameters(json.name as string) }), {
			items,
		});
		const all = await runBillOk(credentials, {
			resource: 'vendor',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all).toHaveLength(130);
		expect(new Set(all.map((v) => v.id)).size).toBe(130);
		const limited = await runBillOk(credentials, {
			resource: 'vendor',
			operation: 'getMany',
			returnAll: false,
			limit: 7,
		});
		expect(limited).toHaveLength(7);
		const acme = await runBillOk(credentials, {
			resource: 'vendor',
			operation: 'getMany',
			returnAll: true,
			filters: { nameStartsWith: 'Acme' },
		});
		expect(acme).toHaveLength(65);
		expect(acme.every((v) => String(v.name).startsWith('Acme'))).toBe(true);
		expect(emulator.requests({ method: 'GET', route: '/v3/vendors' }).length).toBe(2 + 1 + 1);
	});

	it('refuses a bad email before sending, naming the parameter and the item', async () => {
		const credentials = billCredentials(emulator);
		const { error } = await runBill(credentials, {
			...createParameters('X'),
			email: 'not-an-email',
		});
		expect(error?.message).toMatch(/Email/);
		expect(error?.message).toMatch(/item 0/);
		expect(emulator.requests({ method: 'POST', route: '/v3/vendors' })).toHaveLength(0);
	});

	it("shows BILL's code and message for an unknown vendor, and with Continue On Fail keeps going", async () => {
		const credentials = billCredentials(emulator);
		const [created] = await runBillOk(credentials, createParameters('Real'));
		const missing = '00902AAAAAAAAAAAAAAA';
		const { output } = await runBill(
			credentials,
			(_i, json) => ({ resource: 'vendor', operation: 'get', vendorId: byId(json.id as string) }),
			{ items: [{ id: missing }, { id: created.id as string }], continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ code: 'BDC_1121' });
		expect(String(output[0].json.error)).toMatch(/not found/i);
		expect(output[1].json.name).toBe('Real');
		const { error } = await runBill(credentials, {
			resource: 'vendor',
			operation: 'get',
			vendorId: byId(missing),
		});
		expect(error?.message).toMatch(/BDC_1121|not found/);
	});

	it('logs in again once when BILL ends the session in the middle of a run', async () => {
		const credentials = billCredentials(emulator);
		await runBillOk(credentials, createParameters('Before'));
		emulator.clock.advance(36 * 60 * 1000);
		await runBillOk(credentials, createParameters('After'));
		expect(emulator.logins()).toBe(2);
		expect(emulator.state.vendors.size).toBe(2);
	});

	it('says a create was not sent when the login could not reach BILL (no "may have reached BILL")', async () => {
		const credentials = billCredentials(emulator, {
			overrides: { customBaseUrl: 'http://127.0.0.1:9/connect' },
		});
		const { output } = await runBill(credentials, createParameters('Never sent'), {
			continueOnFail: true,
		});
		expect(String(output[0].json.error)).toMatch(/could not be reached|refused the connection/);
		expect(output[0].json.outcomeUnknown).toBeUndefined();
		expect(JSON.stringify(output[0].json)).not.toMatch(/may have reached BILL/);
		expect(credentials.preAuthentications).toBeGreaterThan(1);
	});
});
