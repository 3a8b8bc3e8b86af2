/**
 * The other sign-ins BILL documents (issue 27 §2) against the emulator: the Accountant Console
 * (its organizations, one kept session per client organization named in the items) and the AP/AR
 * sync token (reads work, a payment is refused before it is sent, its session outlives 35
 * minutes); and a credential picked for what it cannot do says what to pick instead.
 */
import { startEmulator, type Emulator } from '../../../emulator';
import { byId, runBill, runBillOk } from '../../harness/bill';
import { api, day } from '../Bill/payment/setup';
import { consoleCredentials, oauthCredentials, syncTokenCredentials } from '../../harness/oauth';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const logins = () => emulator.requests({ method: 'POST', route: '/v3/login' }).length;
const getVendors = { resource: 'vendor', operation: 'getMany', returnAll: false, limit: 5 };

describe('Accountant Console credential', () => {
	it('Session → Get Organizations lists the client organizations the console reaches', async () => {
		const out = await runBillOk(consoleCredentials(emulator), {
			authentication: 'billConsoleApi',
			resource: 'session',
			operation: 'getOrganizations',
			returnAll: true,
		});
		expect(out.map((o) => o.id).sort()).toEqual(
			[emulator.fixtures.organizationId, emulator.fixtures.otherOrganizationId].sort(),
		);
	});

	it('acts for the organization each item names, one console session per organization, reused by the next execution', async () => {
		const store = consoleCredentials(emulator);
		const f = emulator.fixtures;
		const items = [{ org: f.otherOrganizationId }, { org: '' }, { org: f.otherOrganizationId }];
		const parameters = (i: number) => ({
			authentication: 'billConsoleApi',
			...getVendors,
			actForOrganization: byId(items[i].org),
		});
		await runBillOk(store, parameters, { items });
		await runBillOk(store, parameters, { items });
		const orgs = emulator.requests({ route: '/v3/vendors' }).map((r) => r.organizationId);
		expect(orgs.filter((o) => o === f.otherOrganizationId)).toHaveLength(4);
		expect(orgs.filter((o) => o === f.organizationId)).toHaveLength(2);
		// The credential's organization once, the other organization once: both kept.
		expect(logins()).toBe(2);
		expect(String(store.get('billConsoleApi').organizationSessions)).not.toBe('');
	});

	it('a partner operation with the console credential says to pick the partner credential', async () => {
		const { error } = await runBill(consoleCredentials(emulator), {
			authentication: 'billConsoleApi',
			resource: 'partner',
			operation: 'getManyOrganizations',
			returnAll: true,
		});
		expect(error?.message).toMatch(/partner operations need the BILL Partner API credential/i);
	});
});

describe('BILL API credential with a sync token', () => {
	it('reads data; its session outlives 35 idle minutes (48 hours)', async () => {
		const store = syncTokenCredentials(emulator);
		await runBillOk(store, getVendors);
		emulator.clock.advance(2 * 60 * 60 * 1000);
		await runBillOk(store, getVendors);
		expect(logins()).toBe(1);
	});

	it('a payment is refused before it is sent, saying why and what to use instead', async () => {
		const admin = api(emulator);
		const bill = await admin.bill(await admin.vendor(), 100);
		const { error } = await runBill(syncTokenCredentials(emulator), {
			resource: 'payment',
			operation: 'create',
			billId: byId(String(bill.id)),
			amount: 10,
			processDate: day(emulator, 1),
			fundingType: 'BANK_ACCOUNT',
			fundingAccountId: byId(await admin.bankAccount()),
		});
		expect(error?.message).toMatch(/sync token, which BILL gives no payment capabilities/);
		expect(error?.description).toMatch(/OAuth credential with "Full access"/);
		expect(emulator.requests({ method: 'POST', route: '/v3/payments' })).toHaveLength(0);
	});
});

describe('OAuth where BILL does not support it', () => {
	it('a partner operation with the OAuth credential says to pick the partner credential', async () => {
		const { error } = await runBill(oauthCredentials(emulator), {
			authentication: 'billOAuthApi',
			resource: 'partner',
			operation: 'getManyOrganizations',
			returnAll: true,
		});
		expect(error?.message).toMatch(/partner operations need the BILL Partner API credential/i);
	});

	it('Session → Log Out with the OAuth credential says there is no session (nothing sent)', async () => {
		const { error } = await runBill(oauthCredentials(emulator), {
			authentication: 'billOAuthApi',
			resource: 'session',
			operation: 'logOut',
		});
		expect(error?.message).toMatch(/An OAuth token has no session to log out of/);
		expect(emulator.requests({ method: 'POST', route: '/v3/logout' })).toHaveLength(0);
	});
});
