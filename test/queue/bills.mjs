// @ts-check
/**
 * The BILL node in queue mode: a production webhook → Create bill (Skip Existing) → Get bill,
 * run 20 times on two workers (one BILL session for all), after a session expiry (renewed once),
 * and with a worker killed in the middle of a batch (no bill created twice).
 */
import { check } from '../../scripts/lib/testkit.mjs';
import { startedExecutions } from '../../scripts/queue/stack.mjs';
import {
	billNodes,
	day,
	executions,
	logins,
	perWorker,
	pool,
	queueSuite,
	say,
	sleep,
	until,
	webhookNode,
	workerErrors,
	workerOf,
} from './kit.mjs';

/** @typedef {import('./kit.mjs').Stack} Stack */

const { record, test } = queueSuite;

/** The test names of this part. */
export const BILL_TESTS = {
	workers:
		'20 webhook runs that create and read a bill are executed by both workers, each bill created once',
	session: 'the 20 runs share one BILL session: the emulator counts 1 login',
	renewal:
		'a session expired between runs is renewed once, and the other worker uses the renewed session',
	concurrentRenewal:
		'a session expired while runs start on both workers at once: logins counted and bounded',
	workerKill:
		'a worker killed in the middle of a batch: its executions are retried or reported failed, no bill created twice',
};

/** The credential of the bills workflow. */
export const BILL_CREDENTIAL = { id: 'billQueueCred', name: 'BILL (emulator, queue)' };
const BILLS_WORKFLOW = 'billQueueBills';
const BILLS_PATH = 'bill-queue-bills';

/**
 * Webhook (production, answers with the last node's output, so the caller waits for the worker)
 * → BILL Create bill (Skip Existing on: an invoice number BILL already has is not created again)
 * → BILL Get bill.
 */
export function billsWorkflow() {
	const bill = billNodes('billApi', BILL_CREDENTIAL, { resource: 'bill' });
	return {
		id: BILLS_WORKFLOW,
		name: 'Queue test: create and read a bill',
		publish: true,
		nodes: [
			webhookNode(BILLS_PATH, 'firstEntryJson'),
			bill('create', 'Create bill', [240, 0], {
				operation: 'create',
				vendorId: { __rl: true, mode: 'id', value: '={{ $json.body.vendorId }}' },
				invoiceNumber: '={{ $json.body.invoiceNumber }}',
				invoiceDate: '={{ $json.body.invoiceDate }}',
				dueDate: '={{ $json.body.dueDate }}',
				lineItemsInput: 'fields',
				lineItems: {
					lineItem: [
						{ pricedBy: 'amount', amount: '={{ $json.body.amount }}', description: 'queue test' },
					],
				},
				additionalFields: {},
				skipExisting: true,
			}),
			bill('get', 'Get bill', [480, 0], {
				operation: 'get',
				billId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			}),
		],
		connections: {
			Webhook: { main: [[{ node: 'Create bill', type: 'main', index: 0 }]] },
			'Create bill': { main: [[{ node: 'Get bill', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** One POST to the bills webhook; resolves with { status, body } (the Get bill output). */
async function runBillWebhook(stack, invoiceNumber, { timeoutMs = 120_000 } = {}) {
	const response = await fetch(`http://127.0.0.1:${stack.mainPort}/webhook/${BILLS_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			vendorId: stack.vendorId,
			invoiceNumber,
			invoiceDate: day(-1),
			dueDate: day(14),
			amount: 100,
		}),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await response.text();
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		body = text;
	}
	return { status: response.status, body };
}

async function billsByInvoice(emulator) {
	const counts = new Map();
	for (const bill of await emulator.control('GET', '/state/bills')) {
		const number = bill.invoice?.invoiceNumber;
		counts.set(number, (counts.get(number) ?? 0) + 1);
	}
	return counts;
}

async function runOk(stack, invoiceNumber) {
	const { status, body } = await runBillWebhook(stack, invoiceNumber);
	check(
		status === 200 &&
			body?.invoice?.invoiceNumber === invoiceNumber &&
			/^00n/.test(String(body?.id)),
		`run ${invoiceNumber}: HTTP ${status} ${JSON.stringify(body).slice(0, 500)}`,
	);
	return body;
}

/** @param {Stack} stack */
export async function testWorkersAndSession(stack) {
	const { emulator, pg, workers } = stack;
	const before = await logins(emulator);
	const numbers = Array.from({ length: 20 }, (_, i) => `Q-${String(i + 1).padStart(2, '0')}`);
	// The first run alone: it finds the credential without a session and logs in. The other 19
	// start after it, 4 at a time, so both workers have executions in flight together.
	let bills;
	try {
		bills = [
			await runOk(stack, numbers[0]),
			...(await pool(numbers.slice(1), 4, (n) => runOk(stack, n))),
		];
	} catch (error) {
		for (const name of [BILL_TESTS.workers, BILL_TESTS.session])
			record(name, 'failed', `${/** @type {Error} */ (error).message}\n${workerErrors(workers)}`);
		return;
	}
	const afterLogins = await logins(emulator);
	const records = executions(pg, BILLS_WORKFLOW);
	const byWorker = workerOf(workers);

	await test(BILL_TESTS.workers, async () => {
		check(
			records.length === 20,
			`n8n recorded ${records.length} executions of the bills workflow, expected 20`,
		);
		const notOk = records.filter((r) => r.status !== 'success');
		check(!notOk.length, `executions not successful: ${JSON.stringify(notOk)}`);
		const unattributed = records.filter((r) => (byWorker.get(r.id) ?? []).length !== 1);
		check(
			!unattributed.length,
			`executions not started by exactly one worker (per the workers' logs): ${unattributed.map((r) => `${r.id}: ${byWorker.get(r.id) ?? 'none'}`).join(', ')}`,
		);
		check(!startedExecutions(stack.main.log()).length, 'the main process executed some itself');
		const split = perWorker(workers, records);
		check(
			split.every((n) => n > 0),
			`executions per worker ${split.join(' / ')}: one worker ran none`,
		);
		const counts = await billsByInvoice(emulator);
		const wrong = numbers.filter((n) => counts.get(n) !== 1);
		check(
			!wrong.length,
			`bills not created exactly once: ${wrong.map((n) => `${n}×${counts.get(n) ?? 0}`).join(', ')}`,
		);
		check(
			new Set(bills.map((b) => b.id)).size === 20,
			'the 20 runs answered with fewer than 20 distinct bills',
		);
		return `20 executions: ${split.map((n, i) => `worker ${i + 1} ran ${n}`).join(', ')}; 20 bills in the emulator, one per invoice number`;
	});

	await test(BILL_TESTS.session, async () => {
		const made = afterLogins - before;
		check(
			made === 1,
			`the emulator counted ${made} logins during the 20 runs, expected 1 (one session in the credential, shared through PostgreSQL)`,
		);
		return `logins during the 20 runs on 2 workers: ${made}`;
	});
}

/** @param {Stack} stack */
export async function testRenewal(stack) {
	const { emulator, pg, workers } = stack;
	await test(BILL_TESTS.renewal, async () => {
		const seen = new Set(executions(pg, BILLS_WORKFLOW).map((r) => r.id));
		await emulator.control('POST', '/clock', { advanceMs: 36 * 60_000 });
		const before = await logins(emulator);
		await runOk(stack, 'R-01');
		const afterFirst = await logins(emulator);
		await pool(['R-02', 'R-03', 'R-04', 'R-05', 'R-06', 'R-07', 'R-08', 'R-09', 'R-10'], 3, (n) =>
			runOk(stack, n),
		);
		const afterAll = await logins(emulator);
		const fresh = executions(pg, BILLS_WORKFLOW).filter((r) => !seen.has(r.id));
		const split = perWorker(workers, fresh);
		check(
			fresh.length === 10 && fresh.every((r) => r.status === 'success'),
			`expected 10 successful executions after the expiry, got ${JSON.stringify(fresh)}`,
		);
		check(
			afterFirst - before === 1,
			`the first run after the expiry logged in ${afterFirst - before} times, expected 1`,
		);
		check(
			afterAll - afterFirst === 0,
			`the 9 runs after the renewal logged in ${afterAll - afterFirst} more times, expected 0 (the renewed session is in PostgreSQL for both workers)`,
		);
		check(
			split.every((n) => n > 0),
			`runs after the expiry per worker ${split.join(' / ')}: the renewed session was not used by both`,
		);
		const rejected = (await emulator.control('GET', '/log')).filter((e) => e.status === 401).length;
		return `session expired (emulator clock +36 min): 1 login for 10 runs (${split.join(' + ')} on the two workers); 401 answers in the log so far: ${rejected}`;
	});

	await test(BILL_TESTS.concurrentRenewal, async () => {
		// n8n has no lock across workers: each execution that meets an expired session logs in
		// itself. The bound that holds is one login per execution in flight at the expiry.
		await emulator.control('POST', '/clock', { advanceMs: 36 * 60_000 });
		const before = await logins(emulator);
		const numbers = ['C-01', 'C-02', 'C-03', 'C-04'];
		await Promise.all(numbers.map((n) => runOk(stack, n)));
		const made = (await logins(emulator)) - before;
		check(
			made >= 1 && made <= numbers.length,
			`logins ${made}: expected between 1 and ${numbers.length}`,
		);
		// Whichever session was stored last is the one every later run uses: no more logins.
		const settled = await logins(emulator);
		await pool(['C-05', 'C-06', 'C-07', 'C-08'], 2, (n) => runOk(stack, n));
		const later = (await logins(emulator)) - settled;
		check(later === 0, `the 4 runs after the burst logged in ${later} more times, expected 0`);
		return `${numbers.length} runs started together after the expiry: ${made} login(s) (n8n has no lock around a credential's login, within a worker or across workers; bound = runs in flight); the next 4 runs: ${later}`;
	});
}

/** @param {Stack} stack */
export async function testWorkerKill(stack) {
	const { emulator, pg, workers } = stack;
	await test(BILL_TESTS.workerKill, async () => {
		const seen = new Set(pg.query('select id from execution_entity').map(([id]) => id));
		const victim = workers[1];
		// Slow BILL down so executions are in flight when the worker dies.
		await emulator.control('POST', '/options', { latencyMs: 400 });
		const numbers = Array.from({ length: 10 }, (_, i) => `K-${String(i + 1).padStart(2, '0')}`);
		const runs = numbers.map((n) =>
			runBillWebhook(stack, n, { timeoutMs: 180_000 }).catch((error) => ({
				status: 0,
				body: String(error),
			})),
		);
		// Killed once its executions are under way and the first bills of the batch exist, so some
		// of its executions have created their bill and not finished (the case a retry must not repeat).
		const deadline = Date.now() + 60_000;
		let victimStarted = [];
		for (;;) {
			victimStarted = startedExecutions(victim.log()).filter((id) => !seen.has(id));
			const created = [...(await billsByInvoice(emulator)).keys()].filter((n) =>
				numbers.includes(n),
			).length;
			if (victimStarted.length >= 2 && created >= 2) break;
			check(
				Date.now() < deadline,
				`the batch did not get under way within 60 s (worker 2 started ${victimStarted.length}, bills ${created})`,
			);
			await sleep(100);
		}
		await victim.kill();
		say(`killed worker 2 (SIGKILL) with executions ${victimStarted.join(', ')} in flight`);
		const answers = await Promise.all(runs);
		await emulator.control('POST', '/options', { latencyMs: 0 });
		const fresh = await until(
			'the batch executions to settle',
			() => {
				const list = executions(pg, BILLS_WORKFLOW).filter((r) => !seen.has(r.id));
				return list.length >= 10 &&
					list.every((r) => r.status !== 'running' && r.status !== 'new' && r.status !== 'waiting')
					? list
					: undefined;
			},
			120_000,
		).catch(() => executions(pg, BILLS_WORKFLOW).filter((r) => !seen.has(r.id)));
		const counts = await billsByInvoice(emulator);
		const twice = numbers.filter((n) => (counts.get(n) ?? 0) > 1);
		const byStatus = fresh.reduce((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
		const answered = answers.reduce((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
		const byWorker = workerOf(workers);
		const retried = fresh.filter((r) => (byWorker.get(r.id) ?? []).length > 1).map((r) => r.id);
		const summary =
			`killed with ${victimStarted.length} executions started on it; executions: ${JSON.stringify(byStatus)}; ` +
			`webhook answers: ${JSON.stringify(answered)}; started on both workers (retried): ${retried.join(', ') || 'none'}; ` +
			`bills per invoice: ${numbers.map((n) => `${n}×${counts.get(n) ?? 0}`).join(' ')}`;
		check(!twice.length, `bills created twice: ${twice.join(', ')} (${summary})`);
		check(fresh.length === 10, `n8n recorded ${fresh.length} executions for 10 runs (${summary})`);
		const unsettled = fresh.filter(
			(r) => !['success', 'error', 'crashed', 'canceled'].includes(r.status),
		);
		check(
			!unsettled.length,
			`executions neither finished nor reported failed: ${JSON.stringify(unsettled)} (${summary})`,
		);
		const survivors = fresh.filter((r) => !victimStarted.includes(r.id));
		check(
			survivors.every((r) => r.status === 'success'),
			`executions the killed worker never had did not all succeed (${summary})`,
		);

		// What a user does with runs reported failed: run them again. Skip Existing finds a bill the
		// killed execution had created, so every invoice number ends with exactly one bill.
		const failedNumbers = numbers.filter((_, i) => answers[i].status !== 200);
		const rerun = await pool(failedNumbers, 3, (n) => runBillWebhook(stack, n));
		const after = await billsByInvoice(emulator);
		const notOne = numbers.filter((n) => after.get(n) !== 1);
		check(
			!notOne.length,
			`after running the ${failedNumbers.length} failed runs again: bills per invoice ${numbers.map((n) => `${n}×${after.get(n) ?? 0}`).join(' ')} (${summary})`,
		);
		check(
			rerun.every((r) => r.status === 200),
			`runs again: HTTP ${rerun.map((r) => r.status).join(', ')}`,
		);
		const found = failedNumbers.filter((n) => counts.get(n) === 1).length;
		return `${summary}; the ${failedNumbers.length} failed runs run again: every invoice has exactly 1 bill (${found} found by Skip Existing, created by the killed worker before it died)`;
	});
}
