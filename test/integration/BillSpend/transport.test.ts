/**
 * The BILL Spend & Expense transport and credential against the emulator: the Test button, BILL's
 * refusals of the per-minute limit under either reading (429 with Retry-After, or a 4xx code),
 * what is repeated after a lost answer and what is not, and no token in any error.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { BillSpendApi } from '../../../credentials/BillSpendApi.credentials';
import { resetSpendPacing, spendTransportSettings } from '../../../nodes/BillSpend/transport';
import { startEmulator, type Emulator } from '../../../emulator';
import { SPEND_FIXTURES, spendData, spendLimits } from '../../../emulator/routes/spendState';
import { createContext, evaluate, type CredentialStore } from '../../harness/context';
import { byId, runSpend, runSpendOk, spendCredentials, spendNode } from '../../harness/spend';

let emulator: Emulator;
const saved = { ...spendTransportSettings };
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => {
	emulator.reset();
	resetSpendPacing();
	Object.assign(spendTransportSettings, saved, { refusedBackoffMs: [20, 40, 80] });
	spendLimits(emulator, { perWindow: 60, windowMs: 60_000, enforce: true });
});
afterEach(() => Object.assign(spendTransportSettings, saved));

/** What n8n's "Test" button does with the credential's test request. */
async function testCredential(store: CredentialStore) {
	const request = new BillSpendApi().test.request;
	const data = store.get('billSpendApi');
	const context = createContext({
		node: spendNode,
		parameters: { resource: 'user' },
		credentials: store,
	});
	const options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		url: `${String(evaluate(request.baseURL, data))}${String(evaluate(request.url, data))}`,
		json: true,
	};
	return await context.helpers.httpRequestWithAuthentication.call(context, 'billSpendApi', options);
}

describe('BILL Spend & Expense API credential', () => {
	it('passes the Test button: reads the current user with the apiToken header', async () => {
		const user = (await testCredential(spendCredentials(emulator))) as { role: string };
		expect(user.role).toBe('ADMIN');
		expect(emulator.requests({ route: '/v3/spend/users/current' })).toHaveLength(1);
	});

	it("fails the Test button with BILL's message for a wrong token, without the token", async () => {
		const error = (await testCredential(
			spendCredentials(emulator, { apiToken: 'se-wrong-token' }),
		).catch((e: unknown) => e)) as Error & { cause?: Error; description?: string };
		const text = `${error.message} ${error.cause?.message ?? ''} ${error.description ?? ''}`;
		expect(text).toMatch(/401|API token is invalid/);
		expect(error.message).not.toContain('se-wrong-token');
	});

	it('has the same environments as the BILL credentials, HTTPS enforced for a custom URL', async () => {
		const names = new BillSpendApi().properties.map((p) => p.name);
		expect(names).toEqual(['environment', 'customBaseUrl', 'apiToken']);
		const { error } = await runSpend(spendCredentials(emulator, {}), {
			resource: 'user',
			operation: 'getCurrent',
		});
		expect(error).toBeUndefined();
		emulator.log.length = 0;
		const store = spendCredentials(emulator);
		store.set('billSpendApi', {
			environment: 'custom',
			customBaseUrl: 'http://bill-proxy.example.com/connect',
			apiToken: SPEND_FIXTURES.apiToken,
		});
		const { error: insecure } = await runSpend(store, {
			resource: 'user',
			operation: 'getCurrent',
		});
		expect(insecure?.message).toMatch(/must use HTTPS/);
		expect(emulator.log).toHaveLength(0);
	});
});

describe('BILL Spend & Expense transport', () => {
	it('waits out a refusal given as 400 BDC_1144 without Retry-After (the other reading), then goes on', async () => {
		emulator.addFault({ path: '/v3/spend/users/current', kind: 'limit1144', times: 2 });
		const [user] = await runSpendOk(spendCredentials(emulator), {
			resource: 'user',
			operation: 'getCurrent',
		});
		expect(user.role).toBe('ADMIN');
		expect(
			emulator.requests({ route: /\/v3\/spend\/users\/current/ }).map((e) => e.status),
		).toEqual([400, 400, 200]);
	});

	it('honours a Retry-After and repeats even a create after a 429 (BILL did nothing)', async () => {
		spendLimits(emulator, { perWindow: 1, windowMs: 500 });
		const credentials = spendCredentials(emulator);
		await runSpendOk(credentials, { resource: 'user', operation: 'getCurrent' });
		const [created] = await runSpendOk(credentials, {
			resource: 'user',
			operation: 'create',
			firstName: 'Rate',
			lastName: 'Limited',
			email: 'rate@example.com',
			role: 'MEMBER',
		});
		expect(created.email).toBe('rate@example.com');
		const posts = emulator.requests({ method: 'POST', route: '/v3/spend/users' });
		expect(posts.map((e) => e.status)).toEqual([429, 200]);
		expect(
			[...spendData(emulator).users.values()].filter((u) => u.email === 'rate@example.com'),
		).toHaveLength(1);
	});

	it('gives up after repeated refusals with a hint about the 60-a-minute limit', async () => {
		emulator.addFault({ path: '/v3/spend/users/current', kind: 'limit1144', times: 100 });
		const { error } = await runSpend(spendCredentials(emulator), {
			resource: 'user',
			operation: 'getCurrent',
		});
		expect(error?.message).toMatch(/BDC_1144/);
		expect(error?.description).toMatch(/60 Spend & Expense calls a minute/);
		expect(error?.description).toMatch(/Gave up after 8 refusals/);
	});

	it('repeats a read after a 5xx, and a delete after a lost answer (then a 404 means it was done)', async () => {
		emulator.addFault({ path: '/v3/spend/users/current', kind: 'status', status: 503 });
		const [user] = await runSpendOk(spendCredentials(emulator), {
			resource: 'user',
			operation: 'getCurrent',
		});
		expect(user.role).toBe('ADMIN');
		const card = [...spendData(emulator).cards.values()][0];
		emulator.addFault({
			method: 'DELETE',
			path: `/v3/spend/cards/${String(card.uuid)}`,
			kind: 'resetAfter',
		});
		const [deleted] = await runSpendOk(spendCredentials(emulator), {
			resource: 'card',
			operation: 'delete',
			cardId: byId(card.uuid),
		});
		expect(deleted.deleted).toBe(true);
		expect(emulator.requests({ method: 'DELETE' }).map((e) => e.status)).toEqual([200, 404]);
	});

	it('does not repeat a create after a 500, and says how to check', async () => {
		emulator.addFault({ method: 'POST', path: '/v3/spend/users', kind: 'status', status: 500 });
		const { error } = await runSpend(spendCredentials(emulator), {
			resource: 'user',
			operation: 'create',
			firstName: 'A',
			lastName: 'B',
			email: 'ab@example.com',
			role: 'MEMBER',
		});
		// The message itself says the create may have been applied and how to check (issue 29).
		expect(error?.message).toMatch(
			/^BILL error BDC_1001: System error occurred\. The request may have reached BILL, so it was not sent again: whether BILL applied it is unknown\. Look for the user ab@example\.com/,
		);
		expect(error?.description).toMatch(/not sent again.*ab@example\.com/);
		expect(emulator.requests({ method: 'POST', route: '/v3/spend/users' })).toHaveLength(1);
	});

	it('keeps the token out of errors and of Continue On Fail output', async () => {
		const store = spendCredentials(emulator, { apiToken: 'se-secret-token-123' });
		const { output } = await runSpend(
			store,
			{ resource: 'user', operation: 'getCurrent' },
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ httpCode: '401', code: 'BDC_1109' });
		expect(JSON.stringify(output)).not.toContain('se-secret-token-123');
		const { error } = await runSpend(store, { resource: 'user', operation: 'getCurrent' });
		expect(JSON.stringify({ ...error, message: error?.message, cause: undefined })).not.toContain(
			'se-secret-token-123',
		);
	});

	it('serves the control switch over HTTP for other processes (limits, seed, stats)', async () => {
		const base = `${emulator.url}/__emulator/spend`;
		const post = async (path: string, body: unknown) =>
			(await fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body) })).json();
		expect(await post('/limits', { perWindow: 5, windowMs: 1000 })).toMatchObject({
			perWindow: 5,
			windowMs: 1000,
		});
		expect(await post('/seed', { transactions: 30 })).toEqual({ transactions: 42 });
		const stats = (await (await fetch(`${base}/stats`)).json()) as Record<string, number>;
		expect(stats).toMatchObject({ transactions: 42, refused: 0 });
	});
});
