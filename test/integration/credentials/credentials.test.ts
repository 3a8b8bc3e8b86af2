/**
 * The BILL credentials against the emulator: the "Test" button's request (after n8n's login
 * through preAuthentication), BILL's message for each kind of bad credential, one login for many
 * requests, and renewal when BILL ends the session.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { BillApi } from '../../../credentials/BillApi.credentials';
import { BillPartnerApi } from '../../../credentials/BillPartnerApi.credentials';
import { startEmulator, type Emulator } from '../../../emulator';
import { billCredentials, byId, partnerCredentials, runBillOk } from '../../harness/bill';
import { createContext, evaluate, type CredentialStore } from '../../harness/context';
import { billNode } from '../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

/** What n8n's "Test" button does: log in if needed (preAuthentication), then send the test request. */
async function testCredential(store: CredentialStore, type: 'billApi' | 'billPartnerApi') {
	const credentialType = type === 'billApi' ? new BillApi() : new BillPartnerApi();
	const request = credentialType.test!.request;
	const data = store.get(type);
	const context = createContext({
		node: billNode,
		parameters: { authentication: type, resource: 'session', operation: 'getDetails' },
		credentials: store,
	});
	const options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		url: `${String(evaluate(request.baseURL, data))}${String(evaluate(request.url, data))}`,
		json: true,
	};
	return await context.helpers.httpRequestWithAuthentication.call(context, type, options);
}

describe('BILL API credential', () => {
	it('passes the Test button: logs in, then reads the session', async () => {
		const details = (await testCredential(billCredentials(emulator), 'billApi')) as {
			organizationId: string;
		};
		expect(details.organizationId).toBe(emulator.fixtures.organizationId);
		expect(emulator.logins()).toBe(1);
	});

	it.each([
		['a wrong password', () => ({ password: 'wrong' }), /BDC_1101/],
		['a wrong developer key', () => ({ devKey: 'not-a-key' }), /BDC_1102/],
		[
			"the wrong environment (a base URL that is not BILL's API)",
			() => ({ customBaseUrl: `${emulator.url}/nowhere` }),
			/BDC_1121/,
		],
	])("fails the Test button with BILL's message for %s", async (_label, overrides, message) => {
		const store = billCredentials(emulator, { overrides: overrides() });
		const error = (await testCredential(store, 'billApi').catch((e: unknown) => e)) as Error & {
			cause?: Error;
			description?: string;
		};
		expect(error).toBeInstanceOf(Error);
		const text = `${error.message} ${error.cause?.message ?? ''} ${error.description ?? ''}`;
		expect(text).toMatch(message);
		expect(text).not.toContain(emulator.fixtures.admin.password);
		expect(text).not.toContain(emulator.fixtures.devKey);
	});

	it('costs exactly one login for 50 requests in one execution, and none more in the next execution', async () => {
		const store = billCredentials(emulator);
		const [vendor] = await runBillOk(store, {
			resource: 'vendor',
			operation: 'create',
			name: 'One Login',
			accountType: 'BUSINESS',
			email: 'a@b.co',
			phone: '1',
		});
		const items = Array.from({ length: 50 }, () => ({}));
		const output = await runBillOk(
			store,
			{ resource: 'vendor', operation: 'get', vendorId: byId(vendor.id as string) },
			{ items },
		);
		expect(output).toHaveLength(50);
		await runBillOk(store, {
			resource: 'vendor',
			operation: 'get',
			vendorId: byId(vendor.id as string),
		});
		expect(emulator.requests({ method: 'GET', route: '/v3/vendors/:vendorId' })).toHaveLength(51);
		expect(emulator.logins()).toBe(1);
	});

	it('logs in once for the first items that start together on a credential with no session yet', async () => {
		const seed = billCredentials(emulator);
		const [vendor] = await runBillOk(seed, {
			resource: 'vendor',
			operation: 'create',
			name: 'First Login',
			accountType: 'BUSINESS',
			email: 'a@b.co',
			phone: '1',
		});
		const fresh = billCredentials(emulator);
		const before = emulator.logins();
		await runBillOk(
			fresh,
			{ resource: 'vendor', operation: 'get', vendorId: byId(vendor.id as string) },
			{ items: Array.from({ length: 6 }, () => ({})) },
		);
		expect(fresh.preAuthentications).toBeGreaterThanOrEqual(3);
		expect(emulator.logins() - before).toBe(1);
	});

	it('renews an expired session without the user seeing an error, once for items in flight together', async () => {
		const store = billCredentials(emulator);
		const [vendor] = await runBillOk(store, {
			resource: 'vendor',
			operation: 'create',
			name: 'Renewed',
			accountType: 'BUSINESS',
			email: 'a@b.co',
			phone: '1',
		});
		emulator.clock.advance(36 * 60 * 1000);
		const output = await runBillOk(
			store,
			{ resource: 'vendor', operation: 'get', vendorId: byId(vendor.id as string) },
			{ items: Array.from({ length: 9 }, () => ({})) },
		);
		expect(output.every((o) => o.name === 'Renewed')).toBe(true);
		expect(
			emulator
				.requests({ method: 'GET', route: '/v3/vendors/:vendorId' })
				.filter((r) => r.code === 'BDC_1109').length,
		).toBeGreaterThan(0);
		expect(emulator.logins()).toBe(2);
	});
});

describe('BILL Partner API credential', () => {
	it('passes the Test button at organization scope (partner login, then login as user)', async () => {
		const details = (await testCredential(partnerCredentials(emulator), 'billPartnerApi')) as {
			userId: string;
		};
		expect(details.userId).toBe(emulator.fixtures.admin.userId);
		expect(emulator.stats()['POST /v3/partner/login']).toBe(1);
		expect(emulator.stats()['POST /v3/partner/login-as-user']).toBe(1);
	});

	it("passes the Test button at partner scope (lists the partner's organizations)", async () => {
		const result = (await testCredential(
			partnerCredentials(emulator, { scope: 'partner' }),
			'billPartnerApi',
		)) as { results: unknown[] };
		expect(result.results).toHaveLength(2);
	});

	it("fails with BILL's message for an organization not made with the app key", async () => {
		const error = (await testCredential(
			partnerCredentials(emulator, { organizationId: '00802NOTMINE00000000' }),
			'billPartnerApi',
		).catch((e: unknown) => e)) as Error & { cause?: Error };
		expect(`${error.message} ${error.cause?.message ?? ''}`).toMatch(
			/not created with this app key|login as user failed/i,
		);
	});
});

describe('base URLs', () => {
	it("uses BILL's HTTPS gateways for sandbox and production, and allows plain HTTP only on this machine", async () => {
		const { resolveBaseUrls } = await import('../../../nodes/shared/transport/environment');
		expect(resolveBaseUrls({ environment: 'sandbox' })).toEqual({
			api: 'https://gateway.stage.bill.com/connect',
			events: 'https://gateway.stage.bill.com/connect-events',
		});
		expect(resolveBaseUrls({ environment: 'production' }).api).toBe(
			'https://gateway.prod.bill.com/connect',
		);
		expect(
			resolveBaseUrls({ environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010/connect/' }),
		).toEqual({
			api: 'http://127.0.0.1:4010/connect',
			events: 'http://127.0.0.1:4010/connect-events',
		});
		expect(() =>
			resolveBaseUrls({
				environment: 'custom',
				customBaseUrl: 'http://bill-proxy.example.com/connect',
			}),
		).toThrow(/HTTPS.*localhost/);
		expect(
			resolveBaseUrls({
				environment: 'custom',
				customBaseUrl: 'https://bill-proxy.example.com/connect',
			}).events,
		).toBe('https://bill-proxy.example.com/connect-events');
	});

	it('refuses a plain-HTTP custom base URL that is not this machine before sending the password anywhere', async () => {
		const store = billCredentials(emulator, {
			overrides: { customBaseUrl: 'http://bill-proxy.example.com/connect' },
		});
		const error = (await testCredential(store, 'billApi').catch((e: unknown) => e)) as Error & {
			cause?: Error;
		};
		expect(`${error.message} ${error.cause?.message ?? ''}`).toMatch(/HTTPS/);
		expect(emulator.log).toHaveLength(0);
	});
});
