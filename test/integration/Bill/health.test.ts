/** Health → Check: BILL's "Check app health" without a login, for either credential. */
import { createServer, type IncomingHttpHeaders } from 'http';
import type { AddressInfo } from 'net';

import { startEmulator, type Emulator } from '../../../emulator';
import { billCredentials, partnerCredentials, runBill, runBillOk } from '../../harness/bill';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => emulator.stop());
beforeEach(() => emulator.reset());

const check = { resource: 'health', operation: 'check' };

describe('Health', () => {
	it("returns BILL's app details without logging in", async () => {
		const [health] = await runBillOk(billCredentials(emulator), check);
		expect(health).toMatchObject({
			healthy: true,
			appId: expect.any(String),
			appEnv: expect.any(String),
			appVersion: expect.any(String),
			bdcRegion: expect.any(String),
		});
		expect(typeof health.responseTimeMs).toBe('number');
		expect(emulator.logins()).toBe(0);
		expect(emulator.stats()).toEqual({ 'GET /v3/health': 1 });
	});

	it('works with the partner credential, also without a login', async () => {
		const [health] = await runBillOk(partnerCredentials(emulator), {
			...check,
			authentication: 'billPartnerApi',
		});
		expect(health.healthy).toBe(true);
		expect(emulator.logins()).toBe(0);
	});

	it('sends no session, developer key, app key or password', async () => {
		const seen: IncomingHttpHeaders[] = [];
		const server = createServer((req, res) => {
			seen.push(req.headers);
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{"appId":"a","appEnv":"b","appVersion":"c","bdcRegion":"d"}');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as AddressInfo).port;
		try {
			await runBillOk(
				billCredentials(emulator, {
					overrides: { customBaseUrl: `http://127.0.0.1:${port}/connect` },
				}),
				check,
			);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
		expect(seen).toHaveLength(1);
		const names = Object.keys(seen[0]).map((n) => n.toLowerCase());
		for (const secret of ['sessionid', 'devkey', 'appkey', 'password'])
			expect(names).not.toContain(secret);
	});

	it("reports BILL's error with its code when BILL is down; Continue On Fail keeps it on the item", async () => {
		emulator.addFault({ kind: 'status', path: '/v3/health', status: 503, code: 'BDC_1001' });
		const { output } = await runBill(billCredentials(emulator), check, { continueOnFail: true });
		expect(output[0].json).toMatchObject({ code: 'BDC_1001', httpCode: '503' });
		expect(emulator.requests({ route: '/v3/health' })).toHaveLength(1);
	});
});
