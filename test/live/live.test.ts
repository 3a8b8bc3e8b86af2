/**
 * The live check proved without BILL: the emulator in place of BILL's sandbox, so the check must run
 * end to end and find no difference; the same with a deliberate difference injected must name it.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runLiveCheck } from './check';
import { seedReference } from './reference';
import { renderReport } from './report';
import { STEPS } from './steps';
import {
	bill,
	reference,
	envFor,
	configFor,
	runCli,
	leaveSubscription,
	secretsOf,
	expectNothingSecretIn,
	useTwoEmulators,
} from './testSetup';

useTwoEmulators();

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
