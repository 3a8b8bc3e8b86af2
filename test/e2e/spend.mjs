// @ts-check
/**
 * The BILL Spend & Expense examples (examples/13–15) in the real n8n of the end-to-end tests,
 * each checked against what the emulator holds, read through its own S&E API; 5,000
 * transactions read with Return All inside BILL's 60 calls a minute; and the BILL Spend &
 * Expense Trigger in `n8n start` (card transactions, reimbursements, 3D Secure challenges
 * answered by the BILL Spend & Expense node: spend-trigger.mjs).
 */
import { SPEND_API_TOKEN as API_TOKEN, SPEND_CREDENTIAL } from '../../scripts/lib/spend.mjs';
import { executeWorkflow, nodeOutput, runFailure } from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { importAll, manualWorkflow } from '../../scripts/lib/e2e.mjs';

/**
 * A call of this test's own, waiting out the emulator's per-minute refusals as the node does.
 * @param {any} emulator
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
export async function spendApi(emulator, method, path, body) {
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

/**
 * Every page of a Spend & Expense list, read with spendApi.
 * @param {any} emulator
 * @param {string} path
 * @param {string} [query]
 * @returns {Promise<any[]>}
 */
export async function listAll(emulator, path, query = '') {
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

/** A manual trigger and one BILL Spend & Expense node with `parameters`, using `credential`. */
function spendWorkflow(id, name, parameters, credential = SPEND_CREDENTIAL) {
	return manualWorkflow(id, name, {
		parameters,
		id: 'spend',
		name: 'Transactions',
		type: 'n8n-nodes-billcom.billSpend',
		typeVersion: 1,
		credentials: { billSpendApi: { id: credential.id, name: credential.name } },
	});
}

export async function spendExamples({ test, runOk, env, emulator, workdir }) {
	await emulator.control('POST', '/spend/seed', { transactions: 1000 });
	// BILL's 60 calls, in a 10-second "minute": enforced, without making the suite wait minutes.
	await emulator.control('POST', '/spend/limits', { perWindow: 60, windowMs: 10_000 });

	await test('example 13: a receipt request for each settled card transaction over $75 without a receipt', async () => {
		const run = await runOk(env, 'billcomReceipts');
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

	await test("example 14: last month's settled spend per budget equals the emulator's transactions", async () => {
		const run = await runOk(env, 'billcomSpendSum');
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

	await test('example 15: reimbursements up to $100 approved automatically, the others left for review', async () => {
		const [budget] = await listAll(emulator, '/v3/spend/budgets');
		// BILL's user list has no role filter (https://developer.bill.com/reference/listusers): picked here.
		const [user] = (await listAll(emulator, '/v3/spend/users')).filter((u) => u.role === 'MEMBER');
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
		const run = await runOk(env, 'billcomReimburse');
		const [summary] = nodeOutput(run, 'Summary');
		const status = async (r) =>
			(await spendApi(emulator, 'GET', `/v3/spend/reimbursements/${r.uuid}`)).status;
		for (const r of small) equal(await status(r), 'APPROVED', `status of ${r.amount}`);
		for (const r of large) equal(await status(r), 'AWAITING_APPROVAL', `status of ${r.amount}`);
		const again = await runOk(env, 'billcomReimburse');
		check(!nodeOutput(again, 'Approve')?.length, 'a second run approved something again');
		return summary.text;
	});

	// Issue 18: 5,000 transactions with Return All, in BILL's own minute (60 calls in 60 s, as
	// in jest's test), on a token of its own: no other call shares its budget while it runs.
	await test('Get Many with Return All: 5,000 transactions in 100 pages of 50, inside 60 calls a minute, no 429', async () => {
		const stats = () => emulator.control('GET', '/spend/stats');
		const { transactions } = await stats();
		await emulator.control('POST', '/spend/seed', { transactions: 5000 - transactions });
		equal((await stats()).transactions, 5000, 'transactions in the emulator');
		const { apiToken, label } = await emulator.control('POST', '/spend/tokens', {
			label: 'e2e-return-all',
		});
		const credential = { id: 'billSpendReturnAll', name: 'BILL Spend & Expense (Return All)' };
		await importAll(env, workdir, 'spend-return-all', {
			credentials: [
				{
					...credential,
					type: 'billSpendApi',
					data: { environment: 'custom', customBaseUrl: emulator.baseUrl, apiToken },
				},
			],
			workflows: [
				spendWorkflow(
					'billcomE2ESpendAll',
					'e2e: every transaction',
					{ resource: 'transaction', operation: 'getMany', returnAll: true },
					credential,
				),
			],
		});
		await emulator.control('POST', '/spend/limits', { perWindow: 60, windowMs: 60_000 });
		const before = await stats();
		const pagesBefore = (await emulator.control('GET', '/stats')).requests[
			'GET /v3/spend/transactions'
		];
		const started = Date.now();
		let result;
		try {
			result = await executeWorkflow(env, 'billcomE2ESpendAll', { timeoutMs: 6 * 60_000 });
		} finally {
			await emulator.control('POST', '/spend/limits', { perWindow: 60, windowMs: 10_000 });
		}
		const seconds = Math.round((Date.now() - started) / 1000);
		check(result.ok, `the workflow did not succeed: ${runFailure(result)}`);
		const items = nodeOutput(result.run, 'Transactions');
		equal(items.length, 5000, 'transactions out of the node');
		equal(new Set(items.map((t) => t.uuid)).size, 5000, 'distinct transactions');
		const after = await stats();
		equal(after.refused - before.refused, 0, "the emulator's 429s while it ran");
		const usage = after.usage[label];
		equal([usage.calls, usage.refused], [100, 0], 'calls and 429s of its token');
		check(usage.peak <= 60, `${usage.peak} calls in one minute: over BILL's 60`);
		const pages =
			(await emulator.control('GET', '/stats')).requests['GET /v3/spend/transactions'] -
			(pagesBefore ?? 0);
		equal(pages, 100, 'GET /v3/spend/transactions calls');
		const run = result.run;
		const ran = Math.round((Date.parse(run.stoppedAt) - Date.parse(run.startedAt)) / 1000);
		return `5,000 transactions in ${pages} calls, fullest minute ${usage.peak} calls, no 429; the execution took ${ran} s (n8n execute ${seconds} s)`;
	});
}
