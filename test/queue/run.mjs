#!/usr/bin/env node
/**
 * The BILL nodes in n8n's queue mode (`npm run test:queue`): redis-server and a throw-away
 * PostgreSQL cluster on loopback, the BILL emulator, then n8n 2.x (scripts/n8n-runtime.mjs) as
 * `n8n start` (main, EXECUTIONS_MODE=queue) plus two `n8n worker` processes, all on PostgreSQL.
 * What each test asserts is read from n8n's execution records (PostgreSQL), the workers' logs
 * ("Worker started execution N") and the emulator's state and request log; nothing is assumed.
 *
 * Executions are started the way queue mode starts them: production webhooks received by the main
 * and enqueued to Redis (`n8n execute` does not use the queue). Writes .test-results/queue.json;
 * exits 1 when a test failed. When Redis or PostgreSQL can be neither found nor installed, every
 * test is reported pending with a loud message, and the exit code is 0.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_VERSION, REPO, prepareRuntime } from '../../scripts/n8n-runtime.mjs';
import { freePort, startEmulatorProcess } from '../../scripts/lib/stack.mjs';
import { findOrInstall, startPostgres, startRedis } from '../../scripts/queue/services.mjs';
import { importAndPublish, queueEnv, startN8nProcess, startedExecutions } from '../../scripts/queue/stack.mjs';

const TESTS = {
	workers: '20 webhook runs that create and read a bill are executed by both workers, each bill created once',
	session: 'the 20 runs share one BILL session: the emulator counts 1 login',
	renewal: 'a session expired between runs is renewed once, and the other worker uses the renewed session',
	concurrentRenewal: 'a session expired while runs start on both workers at once: logins counted and bounded',
	trigger: 'BILL Trigger in queue mode: deliveries to the main, executions on the workers, each event once though delivered twice',
	workerKill: 'a worker killed in the middle of a batch: its executions are retried or reported failed, no bill created twice',
};

const LOG_DIR = join(REPO, '.test-results', 'queue-logs');
const results = [];
const started = Date.now();
const say = (message) => console.log(`[queue] ${message}`);

function record(name, status, message = '') {
	results.push({ name, status, message });
	const mark = { passed: '✓', failed: '✗', pending: '–' }[status];
	console.log(`  ${mark} ${name}${message ? `\n      ${message.replace(/\n/g, '\n      ')}` : ''}`);
}

async function test(name, fn) {
	try {
		const note = await fn();
		record(name, 'passed', typeof note === 'string' ? note : '');
	} catch (error) {
		record(name, 'failed', error.stack ?? String(error));
	}
}

function check(condition, message) {
	if (!condition) throw new Error(message);
}

function writeResults() {
	mkdirSync(join(REPO, '.test-results'), { recursive: true });
	const count = (status) => results.filter((r) => r.status === status).length;
	const summary = { numPassedTests: count('passed'), numFailedTests: count('failed'), numPendingTests: count('pending'), tests: results };
	writeFileSync(join(REPO, '.test-results', 'queue.json'), JSON.stringify(summary, null, 2));
	console.log(
		`\nqueue: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} pending (${Math.round((Date.now() - started) / 1000)} s)`,
	);
	return summary;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, check, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(500);
	}
}

/** Runs `fn` over `items` with at most `limit` at a time; results in order. */
async function pool(items, limit, fn) {
	const out = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) {
				const i = next++;
				out[i] = await fn(items[i], i);
			}
		}),
	);
	return out;
}

// ------------------------------------------------------------------ workflows

const BILL_CREDENTIAL = { id: 'billQueueCred', name: 'BILL (emulator, queue)' };
const TRIGGER_CREDENTIAL = { id: 'billQueueTrigger', name: 'BILL (emulator, trigger)' };
const BILLS_WORKFLOW = 'billQueueBills';
const TRIGGER_WORKFLOW = 'billQueueTrigger';
const BILLS_PATH = 'bill-queue-bills';

/**
 * Webhook (production, answers with the last node's output, so the caller waits for the worker)
 * → BILL Create bill (Skip Existing on: an invoice number BILL already has is not created again)
 * → BILL Get bill.
 */
function billsWorkflow() {
	const bill = (id, name, position, parameters) => ({
		id,
		name,
		type: 'CUSTOM.bill',
		typeVersion: 1,
		position,
		parameters: { authentication: 'billApi', resource: 'bill', ...parameters },
		credentials: { billApi: BILL_CREDENTIAL },
	});
	return {
		id: BILLS_WORKFLOW,
		name: 'Queue test: create and read a bill',
		publish: true,
		nodes: [
			{
				id: 'hook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: BILLS_PATH, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
			},
			bill('create', 'Create bill', [240, 0], {
				operation: 'create',
				vendorId: { __rl: true, mode: 'id', value: '={{ $json.body.vendorId }}' },
				invoiceNumber: '={{ $json.body.invoiceNumber }}',
				invoiceDate: '={{ $json.body.invoiceDate }}',
				dueDate: '={{ $json.body.dueDate }}',
				lineItemsInput: 'fields',
				lineItems: { lineItem: [{ pricedBy: 'amount', amount: '={{ $json.body.amount }}', description: 'queue test' }] },
				additionalFields: {},
				skipExisting: true,
			}),
			bill('get', 'Get bill', [480, 0], { operation: 'get', billId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }),
		],
		connections: {
			Webhook: { main: [[{ node: 'Create bill', type: 'main', index: 0 }]] },
			'Create bill': { main: [[{ node: 'Get bill', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** BILL Trigger on vendor.created → BILL Get vendor (what a user's workflow does with the event). */
function triggerWorkflow() {
	return {
		id: TRIGGER_WORKFLOW,
		name: 'Queue test: BILL Trigger',
		publish: true,
		nodes: [
			{
				id: 'trigger',
				name: 'BILL Trigger',
				type: 'CUSTOM.billTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { authentication: 'billApi', events: ['vendor.created'], options: {} },
				credentials: { billApi: TRIGGER_CREDENTIAL },
			},
			{
				id: 'get-vendor',
				name: 'Get vendor',
				type: 'CUSTOM.bill',
				typeVersion: 1,
				position: [240, 0],
				parameters: { authentication: 'billApi', resource: 'vendor', operation: 'get', vendorId: { __rl: true, mode: 'id', value: '={{ $json.vendor.id }}' } },
				credentials: { billApi: TRIGGER_CREDENTIAL },
			},
		],
		connections: { 'BILL Trigger': { main: [[{ node: 'Get vendor', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

// ------------------------------------------------------------------ the stack

const cleanups = [];
let cleaning;
async function cleanupAll() {
	cleaning ??= (async () => {
		while (cleanups.length) {
			const [name, fn] = cleanups.pop();
			try {
				await fn();
			} catch (error) {
				console.error(`[queue] stopping ${name} failed: ${error.message}`);
			}
		}
	})();
	return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		console.error(`\n[queue] ${signal}: stopping everything this test started`);
		void cleanupAll().then(() => process.exit(130));
	});
}

function build() {
	say('building the package (npm run build) so n8n loads the current nodes from dist/');
	const result = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`npm run build failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
}

async function startStack(tools) {
	const dir = mkdtempSync(join(tmpdir(), 'bill-queue-'));
	// Traversable (not readable) by others: PostgreSQL runs as `postgres` when we are root.
	chmodSync(dir, 0o711);
	cleanups.push(['temp folder', () => rmSync(dir, { recursive: true, force: true })]);
	rmSync(LOG_DIR, { recursive: true, force: true });
	mkdirSync(LOG_DIR, { recursive: true });
	cleanups.push(['log copy', () => ['redis/redis.log', 'pg/postgres.log'].forEach((f) => existsSync(join(dir, f)) && cpSync(join(dir, f), join(LOG_DIR, f.split('/')[1])))]);

	const redisPort = await freePort();
	say(`redis-server on 127.0.0.1:${redisPort}`);
	const redis = await startRedis(tools.redisServer, redisPort, join(dir, 'redis'));
	cleanups.push(['redis-server', () => redis.stop()]);

	const pgPort = await freePort();
	say(`PostgreSQL (${tools.pgBin}) on 127.0.0.1:${pgPort}`);
	const pg = await startPostgres(tools.pgBin, pgPort, join(dir, 'pg'), 'n8n');
	cleanups.push(['postgres', () => pg.stop()]);

	say('BILL emulator');
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	cleanups.push(['BILL emulator', () => emulator.stop()]);

	const [mainPort, ...brokerPorts] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
	const base = {
		userFolder: join(dir, 'n8n'),
		encryptionKey: randomBytes(24).toString('hex'),
		postgres: { port: pgPort, database: 'n8n' },
		redis: { port: redisPort },
		port: mainPort,
	};
	const extra = {
		// A worker that dies holds its job's lock this long; then Bull counts the job stalled.
		QUEUE_WORKER_LOCK_DURATION: '15000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
	};
	const envFor = (brokerPort) => ({ ...queueEnv({ ...base, brokerPort }), ...extra });
	const mainEnv = envFor(brokerPorts[0]);

	const vendors = await emulator.control('GET', '/state/vendors');
	check(vendors.length > 0, 'the seeded emulator has no vendors');
	const workflows = [billsWorkflow(), triggerWorkflow()];
	const importDir = join(dir, 'import');
	mkdirSync(importDir);
	say('importing the BILL credentials and the workflows into PostgreSQL, publishing them');
	const credentials = [BILL_CREDENTIAL, TRIGGER_CREDENTIAL];
	await importAndPublish(mainEnv, emulator, credentials, workflows, importDir);

	say(`n8n ${N8N_VERSION} main (n8n start, queue mode) on 127.0.0.1:${mainPort}`);
	const main = await startN8nProcess('main', ['start'], mainEnv, join(LOG_DIR, 'main.log'), { readyUrl: `http://127.0.0.1:${mainPort}/healthz/readiness` });
	cleanups.push(['n8n main', () => main.stop()]);
	const workers = [];
	for (const [i, brokerPort] of brokerPorts.slice(1).entries()) {
		say(`n8n worker ${i + 1}`);
		const worker = await startN8nProcess(`worker${i + 1}`, ['worker', '--concurrency=5'], envFor(brokerPort), join(LOG_DIR, `worker${i + 1}.log`), {
			readyText: 'n8n worker is now ready',
		});
		cleanups.push([`n8n worker ${i + 1}`, () => worker.stop()]);
		workers.push(worker);
	}
	return { dir, redis, pg, emulator, main, workers, mainPort, vendorId: vendors[0].id };
}

// ------------------------------------------------------------------ what the tests read

/** n8n's execution records of a workflow, from PostgreSQL: [{ id, status, finished, mode }]. */
function executions(pg, workflowId) {
	return pg
		.query(`select id, status, finished, mode from execution_entity where "workflowId" = '${workflowId}' order by id`)
		.map(([id, status, finished, mode]) => ({ id, status, finished: finished === 't', mode }));
}

/** The stored run data of an execution (n8n's flatted JSON, read as text). */
function executionData(pg, id) {
	return pg.query(`select data from execution_data where "executionId" = ${Number(id)}`)[0]?.[0] ?? '';
}

const logins = async (emulator) => (await emulator.control('GET', '/stats')).logins;

/** Which worker started each execution (from the workers' logs): Map id → worker name. */
function workerOf(workers) {
	const map = new Map();
	for (const worker of workers) for (const id of startedExecutions(worker.log())) map.set(id, [...(map.get(id) ?? []), worker.name]);
	return map;
}

/** The errors the workers logged, for a failure message. */
function workerErrors(workers) {
	return workers
		.map((w) => `${w.name}: ${w.log().split('\n').filter((line) => /error|failed|timed out/i.test(line)).slice(-5).join(' | ') || 'no errors logged'}`)
		.join('\n');
}

const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** One POST to the bills webhook; resolves with { status, body } (the Get bill output). */
async function runBillWebhook(stack, invoiceNumber, { timeoutMs = 120_000 } = {}) {
	const response = await fetch(`http://127.0.0.1:${stack.mainPort}/webhook/${BILLS_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ vendorId: stack.vendorId, invoiceNumber, invoiceDate: day(-1), dueDate: day(14), amount: 100 }),
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
	check(status === 200 && body?.invoice?.invoiceNumber === invoiceNumber && /^00n/.test(String(body?.id)), `run ${invoiceNumber}: HTTP ${status} ${JSON.stringify(body).slice(0, 500)}`);
	return body;
}

// ------------------------------------------------------------------ the tests

async function testWorkersAndSession(stack) {
	const { emulator, pg, workers } = stack;
	const before = await logins(emulator);
	const numbers = Array.from({ length: 20 }, (_, i) => `Q-${String(i + 1).padStart(2, '0')}`);
	// The first run alone: it finds the credential without a session and logs in. The other 19
	// start after it, 4 at a time, so both workers have executions in flight together.
	let bills;
	try {
		bills = [await runOk(stack, numbers[0]), ...(await pool(numbers.slice(1), 4, (n) => runOk(stack, n)))];
	} catch (error) {
		for (const name of [TESTS.workers, TESTS.session]) record(name, 'failed', `${error.message}\n${workerErrors(workers)}`);
		return;
	}
	const afterLogins = await logins(emulator);
	const records = executions(pg, BILLS_WORKFLOW);
	const byWorker = workerOf(workers);

	await test(TESTS.workers, async () => {
		check(records.length === 20, `n8n recorded ${records.length} executions of the bills workflow, expected 20`);
		const notOk = records.filter((r) => r.status !== 'success');
		check(!notOk.length, `executions not successful: ${JSON.stringify(notOk)}`);
		const unattributed = records.filter((r) => (byWorker.get(r.id) ?? []).length !== 1);
		check(!unattributed.length, `executions not started by exactly one worker (per the workers' logs): ${unattributed.map((r) => `${r.id}: ${byWorker.get(r.id) ?? 'none'}`).join(', ')}`);
		check(!startedExecutions(stack.main.log()).length, 'the main process executed some itself');
		const perWorker = workers.map((w) => records.filter((r) => byWorker.get(r.id)[0] === w.name).length);
		check(perWorker.every((n) => n > 0), `executions per worker ${perWorker.join(' / ')}: one worker ran none`);
		const counts = await billsByInvoice(emulator);
		const wrong = numbers.filter((n) => counts.get(n) !== 1);
		check(!wrong.length, `bills not created exactly once: ${wrong.map((n) => `${n}×${counts.get(n) ?? 0}`).join(', ')}`);
		check(new Set(bills.map((b) => b.id)).size === 20, 'the 20 runs answered with fewer than 20 distinct bills');
		return `20 executions: ${perWorker.map((n, i) => `worker ${i + 1} ran ${n}`).join(', ')}; 20 bills in the emulator, one per invoice number`;
	});

	await test(TESTS.session, async () => {
		const made = afterLogins - before;
		check(made === 1, `the emulator counted ${made} logins during the 20 runs, expected 1 (one session in the credential, shared through PostgreSQL)`);
		return `logins during the 20 runs on 2 workers: ${made}`;
	});
}

async function testRenewal(stack) {
	const { emulator, pg, workers } = stack;
	await test(TESTS.renewal, async () => {
		const seen = new Set(executions(pg, BILLS_WORKFLOW).map((r) => r.id));
		await emulator.control('POST', '/clock', { advanceMs: 36 * 60_000 });
		const before = await logins(emulator);
		await runOk(stack, 'R-01');
		const afterFirst = await logins(emulator);
		await pool(['R-02', 'R-03', 'R-04', 'R-05', 'R-06', 'R-07', 'R-08', 'R-09', 'R-10'], 3, (n) => runOk(stack, n));
		const afterAll = await logins(emulator);
		const byWorker = workerOf(workers);
		const fresh = executions(pg, BILLS_WORKFLOW).filter((r) => !seen.has(r.id));
		const perWorker = workers.map((w) => fresh.filter((r) => byWorker.get(r.id)?.[0] === w.name).length);
		check(fresh.length === 10 && fresh.every((r) => r.status === 'success'), `expected 10 successful executions after the expiry, got ${JSON.stringify(fresh)}`);
		check(afterFirst - before === 1, `the first run after the expiry logged in ${afterFirst - before} times, expected 1`);
		check(afterAll - afterFirst === 0, `the 9 runs after the renewal logged in ${afterAll - afterFirst} more times, expected 0 (the renewed session is in PostgreSQL for both workers)`);
		check(perWorker.every((n) => n > 0), `runs after the expiry per worker ${perWorker.join(' / ')}: the renewed session was not used by both`);
		const rejected = (await emulator.control('GET', '/log')).filter((e) => e.status === 401).length;
		return `session expired (emulator clock +36 min): 1 login for 10 runs (${perWorker.join(' + ')} on the two workers); 401 answers in the log so far: ${rejected}`;
	});

	await test(TESTS.concurrentRenewal, async () => {
		// n8n has no lock across workers: each execution that meets an expired session logs in
		// itself. The bound that holds is one login per execution in flight at the expiry.
		await emulator.control('POST', '/clock', { advanceMs: 36 * 60_000 });
		const before = await logins(emulator);
		const numbers = ['C-01', 'C-02', 'C-03', 'C-04'];
		await Promise.all(numbers.map((n) => runOk(stack, n)));
		const made = (await logins(emulator)) - before;
		check(made >= 1 && made <= numbers.length, `logins ${made}: expected between 1 and ${numbers.length}`);
		return `${numbers.length} runs started together after the expiry: ${made} login(s) (n8n has no cross-worker lock; bound = runs in flight)`;
	});
}

async function testTrigger(stack) {
	const { emulator, pg, workers, mainPort } = stack;
	await test(TESTS.trigger, async () => {
		const subscriptions = await emulator.control('GET', '/state/subscriptions');
		const mine = subscriptions.filter((s) => String(s.notificationUrl).startsWith(`http://127.0.0.1:${mainPort}/webhook/`));
		check(mine.length === 1, `expected 1 subscription pointing at the main process, got ${JSON.stringify(subscriptions.map((s) => s.notificationUrl))}`);
		const subscription = mine[0];

		// A client of our own (not n8n) creates vendors at BILL: each one is a vendor.created event.
		const f = emulator.fixtures;
		const login = await (await fetch(`${emulator.baseUrl}/v3/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: f.admin.username, password: f.admin.password, organizationId: f.organizationId, devKey: f.devKey }),
		})).json();
		const headers = { 'content-type': 'application/json', devKey: f.devKey, sessionId: login.sessionId };
		const names = Array.from({ length: 5 }, (_, i) => `Queue Trigger Vendor ${i + 1}`);
		const created = await Promise.all(
			names.map(async (name) => (await fetch(`${emulator.baseUrl}/v3/vendors`, { method: 'POST', headers, body: JSON.stringify({ name, accountType: 'BUSINESS', email: 'ap@queue.example' }) })).json()),
		);
		check(created.every((v) => /^009/.test(String(v.id))), `vendor creation failed: ${JSON.stringify(created).slice(0, 500)}`);
		const vendorIds = new Set(created.map((v) => v.id));
		const ourEvents = async () => (await emulator.control('GET', '/state/events')).filter((e) => e.subscriptionId === subscription.id && e.type === 'vendor.created');
		const events = await until('5 delivered vendor.created events', async () => {
			const list = await ourEvents();
			return list.length === 5 && list.every((e) => e.statusCode !== 0) ? list : undefined;
		});
		check(events.every((e) => e.statusCode === 200), `first deliveries answered ${events.map((e) => e.statusCode).join(', ')}`);

		// Every event delivered a second time, with the same event ID (BILL's resend).
		const resent = [];
		for (const event of events) {
			const response = await fetch(`${emulator.url}/connect-events/v3/events/subscription/${subscription.id}/event/${event.id}`, { method: 'POST', headers });
			resent.push({ status: response.status, record: await response.json() });
		}
		check(resent.every((r) => r.status === 200 && r.record.statusCode === 200), `resends: ${JSON.stringify(resent).slice(0, 500)}`);

		const records = await until('5 finished trigger executions', async () => {
			const list = executions(pg, TRIGGER_WORKFLOW);
			return list.length >= 5 && list.every((r) => r.finished || r.status === 'error' || r.status === 'crashed') ? list : undefined;
		});
		// Deliveries that might still start an execution have all been answered; a moment for stragglers.
		await sleep(3000);
		const final = executions(pg, TRIGGER_WORKFLOW);
		const perEvent = events.map((e) => final.filter((r) => executionData(pg, r.id).includes(e.id)).length);
		const byWorker = workerOf(workers);
		const perWorker = workers.map((w) => final.filter((r) => byWorker.get(r.id)?.[0] === w.name).length);
		check(final.length === 5, `n8n recorded ${final.length} executions of the trigger workflow for 5 events delivered twice each (expected 5): ${JSON.stringify(final)}`);
		check(perEvent.every((n) => n === 1), `executions per event ID: ${perEvent.join(', ')}`);
		check(final.every((r) => r.status === 'success' && r.mode === 'webhook'), `trigger executions: ${JSON.stringify(final)}`);
		check(final.every((r) => (byWorker.get(r.id) ?? []).length === 1), `trigger executions not started by exactly one worker: ${JSON.stringify(final.map((r) => byWorker.get(r.id)))}`);
		const gotVendors = final.map((r) => [...vendorIds].find((id) => executionData(pg, r.id).includes(id)));
		check(new Set(gotVendors).size === 5, 'the executions did not each read one of the 5 new vendors');
		void records;
		return `5 events × 2 deliveries to the main (all answered 200) → 5 executions (${perWorker.join(' + ')} on the two workers), one per event ID`;
	});
}

async function testWorkerKill(stack) {
	const { emulator, pg, workers } = stack;
	await test(TESTS.workerKill, async () => {
		const seen = new Set(executions(pg, BILLS_WORKFLOW).map((r) => r.id));
		const victim = workers[1];
		// Slow BILL down so executions are in flight when the worker dies.
		await emulator.control('POST', '/options', { latencyMs: 400 });
		const numbers = Array.from({ length: 10 }, (_, i) => `K-${String(i + 1).padStart(2, '0')}`);
		const runs = numbers.map((n) => runBillWebhook(stack, n, { timeoutMs: 180_000 }).catch((error) => ({ status: 0, body: String(error) })));
		const victimStarted = await until('the victim worker to start executions', () => {
			const ids = startedExecutions(victim.log()).filter((id) => !seen.has(id));
			return ids.length >= 2 ? ids : undefined;
		});
		await victim.kill();
		say(`killed worker 2 (SIGKILL) with executions ${victimStarted.join(', ')} in flight`);
		const answers = await Promise.all(runs);
		await emulator.control('POST', '/options', { latencyMs: 0 });
		const fresh = await until('the batch executions to settle', () => {
			const list = executions(pg, BILLS_WORKFLOW).filter((r) => !seen.has(r.id));
			return list.length >= 10 && list.every((r) => r.status !== 'running' && r.status !== 'new' && r.status !== 'waiting') ? list : undefined;
		}, 120_000).catch(() => executions(pg, BILLS_WORKFLOW).filter((r) => !seen.has(r.id)));
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
		const unsettled = fresh.filter((r) => !['success', 'error', 'crashed', 'canceled'].includes(r.status));
		check(!unsettled.length, `executions neither finished nor reported failed: ${JSON.stringify(unsettled)} (${summary})`);
		const survivors = fresh.filter((r) => !victimStarted.includes(r.id));
		check(survivors.every((r) => r.status === 'success'), `executions the killed worker never had did not all succeed (${summary})`);
		return summary;
	});
}

// ------------------------------------------------------------------ main

async function main() {
	console.log('\nThe BILL nodes in n8n queue mode (Redis, PostgreSQL, main + 2 workers)\n');
	const tools = findOrInstall(say);
	if (tools.skip) {
		const banner = `SKIPPED: the queue-mode tests need redis-server and PostgreSQL: ${tools.skip}`;
		console.error(`\n${'!'.repeat(banner.length)}\n${banner}\n${'!'.repeat(banner.length)}\n`);
		for (const name of Object.values(TESTS)) record(name, 'pending', banner);
		return writeResults();
	}
	prepareRuntime();
	build();
	const stack = await startStack(tools);
	await testWorkersAndSession(stack);
	await testRenewal(stack);
	await testTrigger(stack);
	await testWorkerKill(stack);
	return writeResults();
}

let exitCode = 1;
try {
	const summary = await main();
	exitCode = summary.numFailedTests ? 1 : 0;
} catch (error) {
	console.error(`\n[queue] the stack could not run: ${error.stack ?? error}`);
	for (const name of Object.values(TESTS)) if (!results.some((r) => r.name === name)) record(name, 'failed', `not run: ${error.message}`);
	writeResults();
} finally {
	await cleanupAll();
}
process.exit(exitCode);
