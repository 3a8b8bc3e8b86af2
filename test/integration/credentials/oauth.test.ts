/**
 * BILL OAuth client credentials (issue 27 §1) against the emulator: one token for every item,
 * execution and node (counted at the emulator's /authx/token), renewed before it ends and once
 * after a 401, sent alone as a Bearer header; the scope's refusal explained; payments under both
 * readings of MFA; the Spend & Expense node and n8n's HTTP Request path on the same credential.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { BillOAuthApi } from '../../../credentials/BillOAuthApi.credentials';
import { startEmulator, type Emulator } from '../../../emulator';
import { oauthSettings, revokeTokens } from '../../../emulator/routes/authOAuth';
import { byId, runBill, runBillOk, billNode } from '../../harness/bill';
import { createContext, evaluate, type CredentialStore } from '../../harness/context';
import { oauthCredentials, tokenCalls } from '../../harness/oauth';
import { runSpendOk } from '../../harness/spend';
import { api, day } from '../Bill/payment/setup';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ limits: false });
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	oauthSettings.lifetimeS = 900;
});

const getVendors = { resource: 'vendor', operation: 'getMany', returnAll: false, limit: 5 };
const three = [{ json: {} }, { json: {} }, { json: {} }].map((i) => i.json);
const withOAuth = (parameters: Record<string, unknown>) => ({
	authentication: 'billOAuthApi',
	...parameters,
});
const refusedStatus = (status: number) =>
	emulator.log.filter((e) => e.status === status && e.route !== '/authx/token').length;

describe('BILL OAuth credential: the token', () => {
	it('asks for one token, shared by every item and execution; every call carries only the Bearer token', async () => {
		const store = oauthCredentials(emulator);
		await runBillOk(store, withOAuth(getVendors), { items: three });
		await runBillOk(store, withOAuth(getVendors), { items: three });
		expect(tokenCalls(emulator)).toBe(1);
		// The emulator refuses a Bearer token sent with sessionId/devKey/apiToken (400): none was.
		expect(refusedStatus(400)).toBe(0);
		expect(emulator.requests({ route: '/v3/vendors' }).length).toBeGreaterThanOrEqual(6);
		expect(String(store.get('billOAuthApi').accessToken)).toMatch(/^emu-at-/);
	});

	it('renews the token before it ends (expires_in), without a refused call', async () => {
		oauthSettings.lifetimeS = 61; // ends 1 s after the node's one-minute margin begins
		const store = oauthCredentials(emulator);
		await runBillOk(store, withOAuth(getVendors));
		await new Promise((resolve) => setTimeout(resolve, 1200));
		await runBillOk(store, withOAuth(getVendors));
		expect(tokenCalls(emulator)).toBe(2);
		expect(refusedStatus(401)).toBe(0);
	});

	it('renews once after a 401 (BILL ended the token) and sends the request again', async () => {
		const store = oauthCredentials(emulator);
		await runBillOk(store, withOAuth(getVendors));
		revokeTokens(emulator);
		await runBillOk(store, withOAuth(getVendors));
		expect(emulator.requests({ route: '/v3/vendors' }).map((r) => r.status)).toEqual([
			200, 401, 200,
		]);
		expect(tokenCalls(emulator)).toBe(2);
		// Before renewing, the credential asked whether the token still works (it did not).
		expect(emulator.requests({ route: '/v3/login/session' }).map((r) => r.status)).toEqual([401]);
	});

	it.each([
		// JSON only: the form is answered 415, then the same fields go as JSON.
		['oauthTokenBody', 'json', 2],
		['oauthTokenResponse', 'camelCase', 1],
		['oauthTokenResponse', 'noExpiresIn', 1],
	] as const)('works when BILL reads %s as %s', async (reading, value, calls) => {
		emulator.readings = { ...emulator.readings, [reading]: value };
		const store = oauthCredentials(emulator);
		await runBillOk(store, withOAuth(getVendors), { items: three });
		await runBillOk(store, withOAuth(getVendors), { items: three });
		expect(tokenCalls(emulator)).toBe(calls);
		expect(refusedStatus(401)).toBe(0);
	});

	it('a wrong client secret: the error says what to check and names neither the secret nor the ID', async () => {
		const secret = 'wrong-secret-d41d8cd98f';
		const { error } = await runBill(
			oauthCredentials(emulator, 'full', { clientSecret: secret }),
			withOAuth(getVendors),
		);
		const text = JSON.stringify({ m: error?.message, d: error?.description, c: `${error?.cause}` });
		expect(text).toMatch(/BILL OAuth token request failed/);
		expect(text).toMatch(/Client Secret/);
		expect(text).not.toContain(secret);
		expect(text).not.toContain('emulator-oauth-client-full');
	});

	it("passes the credential's Test (one cheap read)", async () => {
		const store = oauthCredentials(emulator);
		const request = new BillOAuthApi().test.request;
		const data = store.get('billOAuthApi');
		const context = createContext({
			node: billNode,
			parameters: withOAuth({}),
			credentials: store,
		});
		const options: IHttpRequestOptions = {
			method: request.method ?? 'GET',
			url: `${String(evaluate(request.baseURL, data))}${String(evaluate(request.url, data))}`,
			json: true,
		};
		const answer = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			'billOAuthApi',
			options,
		)) as { organizationId: string };
		expect(answer.organizationId).toBe(emulator.fixtures.organizationId);
	});
});

describe('BILL OAuth credential: other nodes', () => {
	it('serves the Spend & Expense node with the same token as the BILL node', async () => {
		const store = oauthCredentials(emulator);
		await runBillOk(store, withOAuth(getVendors));
		const budgets = await runSpendOk(store as CredentialStore, {
			authentication: 'billOAuthApi',
			resource: 'budget',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
		});
		expect(budgets.length).toBeGreaterThan(0);
		expect(tokenCalls(emulator)).toBe(1);
	});

	it("serves a plain authenticated request (as n8n's HTTP Request node makes it)", async () => {
		const store = oauthCredentials(emulator);
		const context = createContext({
			node: billNode,
			parameters: withOAuth({}),
			credentials: store,
		});
		const answer = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			'billOAuthApi',
			{ method: 'GET', url: `${emulator.baseUrl}/v3/vendors`, qs: { max: 1 }, json: true },
		)) as { results: unknown[] };
		expect(Array.isArray(answer.results)).toBe(true);
	});
});

describe('BILL OAuth credential: scopes and payments', () => {
	async function billToPay() {
		const admin = api(emulator);
		const vendorId = await admin.vendor();
		const bill = await admin.bill(vendorId, 200);
		return { billId: String(bill.id), accountId: await admin.bankAccount() };
	}
	const pay = (billId: string, accountId: string) =>
		withOAuth({
			resource: 'payment',
			operation: 'create',
			billId: byId(billId),
			amount: 50,
			processDate: day(emulator, 1),
			fundingType: 'BANK_ACCOUNT',
			fundingAccountId: byId(accountId),
		});
	const paymentPosts = () => emulator.requests({ method: 'POST', route: '/v3/payments' }).length;

	it('Accounting data access (as the credential says): refused before sending, naming the scope and what to do', async () => {
		const { billId, accountId } = await billToPay();
		const { error } = await runBill(
			oauthCredentials(emulator, 'accounting'),
			pay(billId, accountId),
		);
		expect(error?.message).toMatch(/Accounting data access/);
		expect(error?.description).toMatch(/new developer app .*"Full access".*cannot be changed/);
		expect(paymentPosts()).toBe(0);
	});

	it.each(['forbidden', 'unauthorized'] as const)(
		'Accounting data access BILL refuses (%s): the error names the scope and says to create a Full-access app',
		async (refusal) => {
			emulator.readings = { ...emulator.readings, oauthScopeRefusal: refusal };
			const { billId, accountId } = await billToPay();
			const store = oauthCredentials(emulator, 'accounting', { appScope: 'full' });
			const { error } = await runBill(store, pay(billId, accountId));
			expect(error?.message).toMatch(/Accounting data access/);
			expect(error?.description).toMatch(/"Full access"/);
			expect(emulator.state.payments.size).toBe(0);
		},
	);

	it('pays with Full access where BILL needs no MFA step-up under OAuth', async () => {
		const { billId, accountId } = await billToPay();
		const [payment] = await runBillOk(oauthCredentials(emulator), pay(billId, accountId));
		expect(payment.billId ?? payment.id).toBeTruthy();
		expect(emulator.state.payments.size).toBe(1);
	});

	it('pays with Full access where BILL wants a step-up: the MFA ID in the credential steps each new token up', async () => {
		emulator.readings = { ...emulator.readings, oauthPaymentMfa: 'stepUp' };
		const { billId, accountId } = await billToPay();
		const f = emulator.fixtures;
		const store = oauthCredentials(emulator, 'full', { mfaId: f.mfaId, deviceName: f.device });
		await runBillOk(store, pay(billId, accountId));
		expect(emulator.state.payments.size).toBe(1);
		expect(store.get('billOAuthApi').steppedUp).toBe(true);
	});

	it("without an MFA ID where BILL wants a step-up: BILL's refusal says to add one", async () => {
		emulator.readings = { ...emulator.readings, oauthPaymentMfa: 'stepUp' };
		const { billId, accountId } = await billToPay();
		const { error } = await runBill(oauthCredentials(emulator), pay(billId, accountId));
		expect(error?.message).toMatch(/MFA-trusted/);
		expect(emulator.state.payments.size).toBe(0);
	});
});
