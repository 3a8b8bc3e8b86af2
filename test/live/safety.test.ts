/**
 * The live check is skipped without BILL_LIVE_* variables, refuses production, and never sends a
 * payment (config.ts, client.ts).
 */
import { assertAllowed, RefusedCall } from './client';
import { checkBaseUrl, readLiveSetup, SANDBOX_BASE_URL } from './config';
import { STEPS } from './steps';
import { bill, envFor, runCli, useTwoEmulators } from './testSetup';

useTwoEmulators();

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
