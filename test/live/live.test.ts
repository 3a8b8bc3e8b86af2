/**
 * The live check (npm run test:live) proved without BILL: a second emulator stands in for
 * BILL's sandbox (a loopback base URL, its fixture login), so the check must run end to end and
 * find no difference; the same with a deliberate difference injected must name it. Plus: it is
 * skipped without BILL_LIVE_* variables, refuses production, and never sends a payment.
 */
import { spawn } from 'child_process';
import { randomUUID } from 'crypto';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import { startEmulator, type Emulator } from '../../emulator';
import { runLiveCheck, type LiveResult } from './check';
import { assertAllowed, RefusedCall } from './client';
import { checkBaseUrl, readLiveSetup, SANDBOX_BASE_URL, type LiveConfig } from './config';
import { seedReference } from './reference';
import { renderReport } from './report';
import { compareShapes, mask } from './shape';
import { STEPS } from './steps';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Stands in for BILL's sandbox. */
let bill: Emulator;
/** The emulator the check compares with. */
let reference: Emulator;

beforeAll(async () => {
	[bill, reference] = await Promise.all([startEmulator(), startEmulator()]);
});
afterAll(async () => {
	await Promise.all([bill.stop(), reference.stop()]);
});
beforeEach(() => {
	bill.reset();
	reference.reset();
});

function envFor(emulator: Emulator, mfa: boolean): NodeJS.ProcessEnv {
	const f = emulator.fixtures;
	return {
		BILL_LIVE_USERNAME: f.admin.username,
		BILL_LIVE_PASSWORD: f.admin.password,
		BILL_LIVE_ORGANIZATION_ID: f.organizationId,
		BILL_LIVE_DEV_KEY: f.devKey,
		BILL_LIVE_BASE_URL: emulator.baseUrl,
		...(mfa ? { BILL_LIVE_MFA_ID: f.mfaId, BILL_LIVE_DEVICE: f.device } : {}),
	};
}

function configFor(emulator: Emulator, mfa = true): LiveConfig {
	const setup = readLiveSetup(envFor(emulator, mfa));
	if (setup.kind !== 'run') throw new Error(`not runnable: ${JSON.stringify(setup)}`);
	return setup.config;
}

/** Runs `tsx test/live/run.ts` with only these BILL_LIVE_* variables (none of the caller's). */
function runCli(env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
	const clean = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !name.startsWith('BILL_LIVE_')),
	);
	return new Promise((done, fail) => {
		const child = spawn(TSX, ['test/live/run.ts'], {
			cwd: ROOT,
			env: { ...clean, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('error', fail);
		child.on('close', (code) => done({ code, out }));
	});
}

/** A webhook subscription made in an emulator directly (not by the check). */
async function leaveSubscription(emulator: Emulator, name: string): Promise<void> {
	const f = emulator.fixtures;
	const login = await fetch(`${emulator.baseUrl}/v3/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			username: f.admin.username,
			password: f.admin.password,
			organizationId: f.organizationId,
			devKey: f.devKey,
		}),
	});
	const { sessionId } = (await login.json()) as { sessionId: string };
	const created = await fetch(`${emulator.eventsBaseUrl}/v3/subscriptions`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			sessionId,
			devKey: f.devKey,
			'X-Idempotent-Key': randomUUID(),
		},
		body: JSON.stringify({
			name,
			status: { enabled: true },
			events: [{ type: 'vendor.created', version: '1' }],
			notificationUrl: `https://example.invalid/${encodeURIComponent(name)}`,
		}),
	});
	expect(created.status).toBe(200);
}

const secretsOf = (emulator: Emulator) => {
	const f = emulator.fixtures;
	return [f.admin.password, f.devKey, f.mfaId, f.admin.username, f.organizationId];
};

function expectNothingSecretIn(report: string, result: LiveResult) {
	for (const secret of [...secretsOf(bill), ...result.secrets, ...result.ids])
		expect(report).not.toContain(secret);
	expect(report).not.toMatch(/\b(009|00n)02[0-9A-Za-z]{15}\b/);
}

describe('without BILL_LIVE_* variables', () => {
	it('is skipped, says why, and exits 0', async () => {
		expect(readLiveSetup({})).toEqual({
			kind: 'skip',
			reason: expect.stringContaining('BILL_LIVE_USERNAME'),
		});
		const { code, out } = await runCli({});
		expect(code).toBe(0);
		expect(out).toMatch(/BILL live check skipped: no BILL sandbox credentials/);
		expect(out).toContain('BILL_LIVE_DEV_KEY');
	});
});

describe('never production, never a payment', () => {
	it("accepts only BILL's sandbox or a loopback URL", () => {
		expect(checkBaseUrl(SANDBOX_BASE_URL)).toEqual({
			urls: {
				api: 'https://gateway.stage.bill.com/connect',
				events: 'https://gateway.stage.bill.com/connect-events',
			},
			sandbox: true,
		});
		expect(checkBaseUrl('http://127.0.0.1:4010/connect/')).toMatchObject({ sandbox: false });
		for (const refused of [
			'https://gateway.prod.bill.com/connect',
			'https://gateway.prod.bill.com.evil.example/connect',
			'http://gateway.stage.bill.com/connect',
			'https://api.bill.com/connect',
			'https://bill-proxy.example.com/connect',
			'http://10.0.0.5:4010/connect',
			'http://127.0.0.1:4010/v3',
			'not a url',
		])
			expect(typeof checkBaseUrl(refused)).toBe('string');
		expect(checkBaseUrl('https://gateway.prod.bill.com/connect')).toMatch(
			/never runs against production/,
		);
	});

	it('refuses incomplete variables and a production URL with exit 2, sending nothing', async () => {
		const env = envFor(bill, true);
		expect(readLiveSetup({ ...env, BILL_LIVE_DEV_KEY: '' })).toEqual({
			kind: 'refuse',
			reason: expect.stringContaining('BILL_LIVE_DEV_KEY is not set'),
		});
		expect(readLiveSetup({ ...env, BILL_LIVE_DEVICE: undefined })).toMatchObject({
			kind: 'refuse',
		});
		const { code, out } = await runCli({
			...env,
			BILL_LIVE_BASE_URL: 'https://gateway.prod.bill.com/connect',
		});
		expect(code).toBe(2);
		expect(out).toMatch(/BILL live check refused: .*not BILL's sandbox/);
		expect(bill.log).toHaveLength(0);
	});

	it('sends no payment, bank account, approval or SMS: only its own few writes', () => {
		for (const [method, host, path] of [
			['POST', 'api', '/v3/payments'],
			['POST', 'api', '/v3/payments/bulk'],
			['POST', 'api', '/v3/bills/record-payment'],
			['POST', 'api', '/v3/funding-accounts/banks'],
			['POST', 'api', '/v3/bill-approvals/actions'],
			['POST', 'api', '/v3/mfa/challenge'],
			['PATCH', 'api', '/v3/bills/00n02N8NLIVECHECK000'],
			['DELETE', 'api', '/v3/vendors/00902N8NLIVECHECK000/bank-account'],
			['POST', 'events', '/v3/vendors'],
		] as const)
			expect(() => assertAllowed(method, host, path)).toThrow(RefusedCall);
		expect(() =>
			assertAllowed('POST', 'api', '/v3/bills/00n02N8NLIVECHECK000/archive'),
		).not.toThrow();
		expect(() => assertAllowed('GET', 'api', '/v3/payments')).not.toThrow();
		expect(STEPS.some((s) => s.route.startsWith('/v3/payments') && s.method !== 'GET')).toBe(false);
	});
});

describe('the emulator in place of BILL', () => {
	it('runs every call on both sides and reports no difference', async () => {
		// "BILL" is a sandbox in use: a bank account, a paid bill, a bill waiting for approval.
		await seedReference(bill);
		const before = { vendors: bill.state.vendors.size, bills: bill.state.bills.size };
		bill.log.length = 0;

		const result = await runLiveCheck({ config: configFor(bill), reference });
		expect(result.differences).toEqual([]);
		expect(result.notes).toEqual([]);
		expect(result.calls).toHaveLength(STEPS.length);
		for (const call of result.calls) {
			expect(call.skipped).toBeUndefined();
			expect(call.bill?.error).toBeUndefined();
			expect(call.bill?.status).toBe(call.emulator?.status);
		}
		// The calls meant to fail did, with BILL's codes.
		const codes = result.calls.filter((c) => c.bill!.status >= 400).map((c) => c.bill!.codes[0]);
		expect(codes).toEqual(['BDC_1121', 'BDC_1121', 'BDC_1002', 'BDC_1109', 'BDC_1109']);

		const report = renderReport(result);
		expect(report).toContain('## Differences (0)\n\nNo differences.');
		expect(report).toContain('## Not compared (0)');
		expect(report).toContain(`Names used: \`${result.prefix}\``);
		expectNothingSecretIn(report, result);

		// What it did in "BILL": logged in MFA-trusted, created its vendor and bill under its
		// prefix and archived them, asked for a test event, deleted its subscription, paid nothing.
		const state = bill.state;
		expect(bill.logins()).toBe(1);
		expect(state.vendors.size).toBe(before.vendors + 1);
		expect(state.bills.size).toBe(before.bills + 1);
		const own = <T extends Record<string, unknown>>(all: Iterable<T>, name: (o: T) => unknown) =>
			[...all].filter((o) => String(name(o)).startsWith(result.prefix));
		expect(own(state.vendors.values(), (v) => v.name)).toEqual([
			expect.objectContaining({ name: `${result.prefix} vendor`, archived: true }),
		]);
		expect(
			own(state.bills.values(), (b) => (b.invoice as { invoiceNumber: string }).invoiceNumber),
		).toEqual([expect.objectContaining({ archived: true })]);
		// Its own subscription deleted; the one that was there before left alone.
		expect([...state.subscriptions.values()].map((s) => s.name)).toEqual([
			'Reference subscription',
		]);
		expect(
			bill.requests({ method: 'POST', route: '/v3/subscriptions/:subscriptionId/test' }),
		).toHaveLength(1);
		expect(
			bill.log.filter(
				(e) => e.method !== 'GET' && /payments|record-payment|funding|approvals/.test(e.route),
			),
		).toEqual([]);
		expect(state.sessions.size).toBe(0);
	});

	it('says which lists were empty on one side (not compared), without calling that a difference', async () => {
		// An empty "BILL" (no bank account, payment or approval) against the seeded emulator,
		// with a subscription an interrupted earlier run left behind.
		await leaveSubscription(bill, 'n8n-live-check-20261130-101010');
		const result = await runLiveCheck({ config: configFor(bill), reference });
		expect(result.differences).toEqual([]);
		expect(result.leftoversDeleted).toEqual({ BILL: 1, emulator: 0 });
		expect(bill.state.subscriptions.size).toBe(0);
		const empty = result.notes.map((n) => `${n.route} ${n.path} ${n.emptyIn}`);
		expect(empty).toEqual(
			expect.arrayContaining([
				'/v3/payments $.results BILL',
				'/v3/payments/options $.fundingOptions.banks BILL',
				'/v3/funding-accounts/banks $.results BILL',
				'/v3/funding-accounts/banks/users $.results BILL',
				'/v3/bill-approvals/policies $ BILL',
				'/v3/bill-approvals/pending-user-approvals $.bills BILL',
				'/v3/subscriptions $.results BILL',
			]),
		);
		const report = renderReport(result);
		expect(report).toContain(`## Not compared (${result.notes.length})`);
		expect(report).toContain(
			"**List payments** `GET /v3/payments`: `$.results` is empty in BILL's answer, so its elements were not compared",
		);
	});

	it('names a deliberate difference: a renamed field, a changed type, status and error code', async () => {
		const restore: Array<() => void> = [];
		const wrap = (
			method: string,
			pattern: string,
			change: (body: any) => { status?: number; body?: unknown },
		) => {
			const route = bill.routes.find((r) => r.method === method && r.pattern === pattern)!;
			const handler = route.handler;
			restore.push(() => (route.handler = handler));
			route.handler = async (context) => {
				const reply = await handler(context);
				return { ...reply, ...change(reply.body) };
			};
		};
		wrap('GET', '/v3/bills/:billId', ({ vendorName, ...rest }) => ({
			body: { ...rest, vendorTitle: vendorName },
		}));
		wrap('GET', '/v3/login/session', (body) => ({ body: { ...body, mfaBypass: 'false' } }));
		wrap('POST', '/v3/subscriptions', (body) => ({ status: 201, body }));
		bill.addFault({
			kind: 'status',
			method: 'GET',
			path: '/v3/mfa/phones',
			status: 403,
			code: 'BDC_1361',
		});
		bill.addFault({
			kind: 'status',
			method: 'GET',
			path: '/v3/bills/00n02N8NLIVECHECK000',
			status: 404,
			code: 'BDC_1300',
			message: 'No bill 00n02N8NLIVECHECK000 for session emulator-dev-key-0001',
		});
		try {
			const result = await runLiveCheck({ config: configFor(bill), reference });
			const found = result.differences.map((d) => [
				d.route,
				d.kind,
				d.path ?? '',
				d.bill,
				d.emulator,
			]);
			expect(found).toEqual(
				expect.arrayContaining([
					['/v3/bills/{billId}', 'onlyInBill', '$.vendorTitle', 'string', undefined],
					['/v3/bills/{billId}', 'onlyInEmulator', '$.vendorName', undefined, 'string'],
					['/v3/login/session', 'type', '$.mfaBypass', 'string', 'boolean'],
					['/v3/subscriptions', 'status', '', '201', '200'],
					['/v3/mfa/phones', 'status', '', '403', '200'],
					['/v3/bills/{missingBillId}', 'code', '', 'BDC_1300', 'BDC_1121'],
				]),
			);
			expect(result.differences).toHaveLength(6);
			const report = renderReport(result);
			expect(report).toContain('## Differences (6)');
			expect(report).toContain(
				"**Get the bill** `GET /v3/bills/{billId}`: field `$.vendorName` (string) is in the emulator's answer, not in BILL's",
			);
			expect(report).toContain("`$.vendorTitle` (string) is in BILL's answer");
			expect(report).toContain(
				"`$.mfaBypass` is string in BILL's answer, boolean in the emulator's",
			);
			expect(report).toContain('HTTP status BILL 201, emulator 200');
			expect(report).toContain('error code BILL BDC_1300, emulator BDC_1121');
			expectNothingSecretIn(report, result);
			// The subscription created with a 201 was still deleted.
			expect(bill.state.subscriptions.size).toBe(0);
		} finally {
			for (const undo of restore) undo();
			bill.reset();
		}
	});

	it('stops after a refused login, but says so and compares the refusal', async () => {
		const config = configFor(bill);
		config.credentials.password = 'wrong-password-n8n';
		const result = await runLiveCheck({ config, reference });
		expect(result.differences).toEqual([
			expect.objectContaining({ name: 'Log in', kind: 'status', bill: '400', emulator: '200' }),
		]);
		expect(result.calls.slice(1).every((c) => c.skipped && !c.bill)).toBe(true);
		const report = renderReport(result);
		expect(report).toContain('## Calls not made on both sides');
		expect(report).not.toContain('wrong-password-n8n');
		// The emulator's own session is still ended.
		expect(reference.state.sessions.size).toBe(0);
	});

	it('runs from the command line (npm run test:live) and writes the report', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bill-live-'));
		const reportPath = join(dir, 'REPORT.md');
		const { code, out } = await runCli({ ...envFor(bill, false), BILL_LIVE_REPORT: reportPath });
		expect(out).toContain('No differences between BILL and the emulator');
		expect(code).toBe(0);
		const report = readFileSync(reportPath, 'utf8');
		expect(report).toContain('No differences.');
		expect(report).toContain('MFA-trusted login: no.');
		for (const secret of secretsOf(bill)) {
			expect(report).not.toContain(secret);
			expect(out).not.toContain(secret);
		}
		expect(bill.logins()).toBe(1);
	});
});

describe('comparing and masking', () => {
	it('compares field names and types recursively, arrays by their first element', () => {
		const { differences, notes } = compareShapes(
			{ a: 1, b: { c: 'x', d: [{ e: true }] }, f: [], g: null },
			{ a: '1', b: { c: 'y', d: [{ e: true, h: 2 }, {}] }, f: [1], g: null, i: {} },
		);
		expect(differences).toEqual([
			{ kind: 'type', path: '$.a', bill: 'number', emulator: 'string' },
			{ kind: 'onlyInEmulator', path: '$.b.d[].h', emulator: 'number' },
			{ kind: 'onlyInEmulator', path: '$.i', emulator: 'object' },
		]);
		expect(notes).toEqual([{ path: '$.f', emptyIn: 'BILL' }]);
	});

	it('masks secrets, BILL ids, UUIDs and tokens, not its own names', () => {
		expect(
			mask(
				'pw s3cret! id 00n02ABCDEFGHIJKLMNO uuid 0f8fad5b-d9cb-469f-a165-70867728950e tok abcdefghijklmnopqrstuvwxyz0123 n8n-live-check-20261201-130512',
				['s3cret!'],
			),
		).toBe('pw *** id <id> uuid <id> tok *** n8n-live-check-20261201-130512');
	});
});
