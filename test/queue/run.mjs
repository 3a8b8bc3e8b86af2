// @ts-check
/**
 * The BILL nodes in n8n's queue mode (`npm run test:queue`): redis-server and a throw-away
 * PostgreSQL cluster on loopback, the BILL emulator, then n8n 2.x (scripts/n8n-runtime.mjs) as
 * `n8n start` (main, EXECUTIONS_MODE=queue) plus two `n8n worker` processes, all on PostgreSQL
 * (setup.mjs). What each test asserts is read from n8n's execution records (PostgreSQL), the
 * workers' logs ("Worker started execution N") and the emulator's state and request log; nothing
 * is assumed. The parts: bills.mjs (the BILL node: sessions, renewal, a worker killed),
 * trigger.mjs (the BILL Trigger: repeated deliveries), burst.mjs (200 events at once),
 * partner.mjs (the partner credential over client organizations).
 *
 * Executions are started the way queue mode starts them: production webhooks received by the main
 * and enqueued to Redis (`n8n execute` does not use the queue). Writes .test-results/queue.json;
 * exits 1 when a test failed. When Redis or PostgreSQL can be neither found nor installed, every
 * test is reported pending with a loud message, and the exit code is 0. n8n's, Redis's and
 * PostgreSQL's logs are kept in .test-results/queue-logs/.
 *
 * For diagnosis: QUEUE_ONLY=session,renewal,trigger,burst,partner,workerKill runs some parts;
 * QUEUE_CONTROL_REGULAR=1 runs the main alone in regular mode; QUEUE_PG_LOG_STATEMENTS=1 logs
 * PostgreSQL's writes; QUEUE_MAIN_NODE_OPTIONS is NODE_OPTIONS for the main (a --require hook).
 */
import { prepareRuntime } from '../../scripts/n8n-runtime.mjs';
import { findOrInstall } from '../../scripts/queue/services.mjs';
import { BILL_TESTS, testRenewal, testWorkerKill, testWorkersAndSession } from './bills.mjs';
import { BURST_TESTS, testBurst } from './burst.mjs';
import { queueSuite, say } from './kit.mjs';
import { PARTNER_TESTS, testPartner } from './partner.mjs';
import { build, cleanupAll, startStack, stopOnSignals } from './setup.mjs';
import { TRIGGER_TESTS, testTrigger } from './trigger.mjs';

const TESTS = { ...BILL_TESTS, ...TRIGGER_TESTS, ...BURST_TESTS, ...PARTNER_TESTS };
const { results, record, writeResults } = queueSuite;

async function main() {
	console.log('\nThe BILL nodes in n8n queue mode (Redis, PostgreSQL, main + 2 workers)\n');
	const tools = findOrInstall(/** @type {any} */ (say));
	if (tools.skip) {
		const banner = `SKIPPED: the queue-mode tests need redis-server and PostgreSQL: ${tools.skip}`;
		console.error(`\n${'!'.repeat(banner.length)}\n${banner}\n${'!'.repeat(banner.length)}\n`);
		for (const name of Object.values(TESTS)) record(name, 'pending', banner);
		return writeResults();
	}
	prepareRuntime();
	build();
	const stack = await startStack(/** @type {any} */ (tools));
	// QUEUE_ONLY=trigger,workerKill runs a part (for work on one test); the rest is reported pending.
	const only = process.env.QUEUE_ONLY?.split(',');
	/** @type {Record<string, (stack: import('./kit.mjs').Stack) => Promise<void>>} */
	const parts = {
		session: testWorkersAndSession,
		renewal: testRenewal,
		trigger: testTrigger,
		// Before workerKill: the partner test needs both workers alive.
		partner: testPartner,
		// After the trigger tests (their workflow and subscription) and the partner test (a burst
		// slows the main for a while), before workerKill (it needs both workers).
		burst: testBurst,
		workerKill: testWorkerKill,
	};
	// The burst runs when asked (QUEUE_BURST=1 or QUEUE_ONLY=burst): on a 2-core machine the main
	// cannot answer 200 deliveries within the emulator's 5 s, BILL disables the subscription after
	// its retries, and the run takes about 8 minutes more to end pending with that cause.
	const burstAsked = process.env.QUEUE_BURST === '1' || only?.includes('burst');
	for (const [name, run] of Object.entries(parts)) {
		if (name === 'burst' && !burstAsked) {
			for (const title of Object.values(BURST_TESTS))
				record(
					title,
					'pending',
					'not run by default: QUEUE_BURST=1 runs it (about 8 minutes on 2 cores)',
				);
			continue;
		}
		if (!only || only.includes(name)) await run(stack);
	}
	for (const name of Object.values(TESTS))
		if (!results.some((/** @type {{ name: string }} */ r) => r.name === name))
			record(name, 'pending', `not run (QUEUE_ONLY=${process.env.QUEUE_ONLY})`);
	return writeResults();
}

stopOnSignals();
let exitCode = 1;
try {
	const summary = await main();
	exitCode = summary.numFailedTests ? 1 : 0;
} catch (error) {
	console.error(
		`\n[queue] the stack could not run: ${/** @type {Error} */ (error).stack ?? error}`,
	);
	for (const name of Object.values(TESTS))
		if (!results.some((/** @type {{ name: string }} */ r) => r.name === name))
			record(name, 'failed', `not run: ${/** @type {Error} */ (error).message}`);
	writeResults();
} finally {
	await cleanupAll();
}
process.exit(exitCode);
