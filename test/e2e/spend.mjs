/**
 * The BILL Spend & Expense examples (examples/10–12) in the real n8n of the end-to-end tests,
 * each checked against what the emulator holds, read through its own S&E API.
 */
import { SPEND_API_TOKEN as API_TOKEN } from '../../scripts/lib/spend.mjs';
import { nodeOutput } from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';

/** A call of this test's own, waiting out the emulator's per-minute refusals as the node does. */
async function spendApi(emulator, method, path, body) {
	let response;
	for (let attempt = 1; ; attempt++) {
		response = await fetch(`${emulator.baseUrl}${path}`, {
			method,
			headers: { apiToken: API_TOKEN, 'Content-Type': 'application/json' },
			body: body ? JSON.stringify(body) : undefined,
		});
		if (response.status !== 429 || attempt === 5) break;
		await response.text();
		const seconds = Number(response.headers.get('retry-after') ?? 1);
		await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 15) * 1000));
	}
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
	return text ? JSON.parse(text) : undefined;
}

async function listAll(emulator, path, query = '') {
	const out = [];
	let next;
	do {
		const page = await spendApi(
			emulator,
			'GET',
			`${path}?max=50${query}${next ? `&nextPage=${encodeURIComponent(next)}` : ''}`,
		);
		out.push(...page.results);
		next = page.nextPage;
	} while (next);
	return out;
}

export async function spendExamples({ test, runOk, env, emulator }) {
	await emulator.control('POST', '/spend/seed', { transactions: 1000 });
	// BILL's 60 calls, in a 10-second "minute": enforced, without making the suite wait minutes.
	await emulator.control('POST', '/spend/limits', { perWindow: 60, windowMs: 10_000 });

	await test('example 10: a receipt request for each settled card transaction over $75 without a receipt', async () => {
		const run = await runOk(env, 'billcomSpendReceipts');
		const messages = nodeOutput(run, 'Receipt requests') ?? [];
		const since = Date.now() - 7 * 86400000 + 60_000;
		const expected = (await listAll(emulator, '/v3/spend/transactions', '&includeReceipts=true'))
			.filter(
				(t) =>
					t.transactionType === 'CLEAR' &&
					Number(t.amount) >= 75 &&
					Date.parse(t.authorizedTime) >= since &&
					!t.receipts?.length,
			)
			.map((t) => t.uuid);
		check(expected.length > 0, 'the emulator has no such transaction to test with');
		const got = messages.map((m) => m.transactionId);
		check(
			expected.every((id) => got.includes(id)),
			`missing requests: ${expected.filter((id) => !got.includes(id)).length}`,
		);
		check(
			messages.every((m) => /^Hi .+, please upload the receipt for \$/.test(m.text)),
			'message text',
		);
		return `${messages.length} receipt requests, e.g. "${messages[0]?.text}"`;
	});

	await test("example 11: last month's settled spend per budget equals the emulator's transactions", async () => {
		const run = await runOk(env, 'billcomSpendMonthly');
		const [report] = nodeOutput(run, 'Spend per budget');
		const now = new Date();
		const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
		const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
		const clear = (await listAll(emulator, '/v3/spend/transactions')).filter(
			(t) =>
				t.transactionType === 'CLEAR' &&
				Date.parse(t.authorizedTime) >= from &&
				Date.parse(t.authorizedTime) < to,
		);
		check(clear.length > 50, `only ${clear.length} transactions last month to test with`);
		const total = Math.round(clear.reduce((s, t) => s + Number(t.amount), 0) * 100) / 100;
		equal(report.total, total, 'total of last month');
		equal(
			report.budgets.reduce((s, b) => s + b.transactions, 0),
			clear.length,
			'transactions counted',
		);
		return report.text.split('\n')[0];
	});

	await test('example 12: reimbursements up to $100 approved automatically, the others left for review', async () => {
		const [budget] = await listAll(emulator, '/v3/spend/budgets');
		const [user] = await listAll(emulator, '/v3/spend/users', '&filters=role:eq:MEMBER');
		const make = (amount) =>
			spendApi(emulator, 'POST', '/v3/spend/reimbursements', {
				budgetId: budget.uuid,
				userId: user.uuid,
				occurredDate: new Date().toISOString().slice(0, 10),
				merchantName: `E2E ${amount}`,
				amount,
			});
		const small = [await make(25), await make(100)];
		const large = [await make(100.01), await make(480)];
		const run = await runOk(env, 'billcomSpendApprove');
		const [summary] = nodeOutput(run, 'Summary');
		const status = async (r) =>
			(await spendApi(emulator, 'GET', `/v3/spend/reimbursements/${r.uuid}`)).status;
		for (const r of small) equal(await status(r), 'APPROVED', `status of ${r.amount}`);
		for (const r of large) equal(await status(r), 'AWAITING_APPROVAL', `status of ${r.amount}`);
		const again = await runOk(env, 'billcomSpendApprove');
		check(!nodeOutput(again, 'Approve')?.length, 'a second run approved something again');
		return summary.text;
	});
}
