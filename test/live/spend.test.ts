/**
 * The Spend & Expense part of the live check (test/live/spend.ts), proved without BILL: a second
 * emulator stands in for BILL's sandbox (loopback URL, its fixture S&E token); the check must find
 * no difference, report the guesses it settles, and leave no subscription behind.
 */
import { startEmulator, type Emulator } from '../../emulator';
import { SPEND_FIXTURES, spendLimits } from '../../emulator/routes/spendState';
import { spendWebhooks } from '../../emulator/routes/spendWebhooks';
import { renderSpend, runSpendLiveCheck, SPEND_CALLS } from './spend';

let bill: Emulator;
let reference: Emulator;

beforeAll(async () => {
	[bill, reference] = await Promise.all([startEmulator(), startEmulator()]);
	spendLimits(bill, { enforce: false });
	spendLimits(reference, { enforce: false });
});
afterAll(async () => Promise.all([bill.stop(), reference.stop()]));

const config = () => ({
	urls: { api: bill.baseUrl, events: bill.eventsBaseUrl },
	apiToken: SPEND_FIXTURES.apiToken,
	notificationUrl: 'https://example.invalid/n8n-live-check',
});

it('makes every S&E call on both sides, finds no difference and reports the guesses it settles', async () => {
	const result = await runSpendLiveCheck(config(), reference);
	expect(result.calls).toHaveLength(SPEND_CALLS.length);
	expect(result.calls.filter((c) => c.skipped)).toEqual([]);
	expect(result.differences).toEqual([]);
	// BILL's documented call subscribes; refusals are the ones expected.
	const byName = (name: string) => result.calls.find((c) => c.name.startsWith(name))!;
	expect(byName('Create an S&E subscription').bill?.status).toBe(200);
	expect(byName('Transactions, 51').bill?.status).toBe(400);
	expect(byName('Reimbursements by status').bill?.codes).toEqual(['BDC_1002']);
	expect(byName('A wrong API token').bill?.status).toBe(401);
	expect(spendWebhooks(bill).subscriptions.size).toBe(0);
	expect(result.settled.map((s) => s.id)).toEqual(['R01', 'O01', 'O16', 'R03', 'G10', 'G09']);
	const report = renderSpend(result);
	expect(report).toMatch(
		/R01: POST \/v3\/subscriptions with apiToken: 200 \(the documented call works\)/,
	);
	expect(report).not.toContain(SPEND_FIXTURES.apiToken);
});

it('names a difference when the emulator answers otherwise', async () => {
	bill.readings.spendRateLimit = 'http429';
	spendLimits(bill, { enforce: true, perWindow: 2, windowMs: 60_000 });
	try {
		const result = await runSpendLiveCheck(config(), reference);
		expect(result.differences.some((d) => /status BILL 429, emulator 200/.test(d))).toBe(true);
	} finally {
		spendLimits(bill, { enforce: false });
	}
});
