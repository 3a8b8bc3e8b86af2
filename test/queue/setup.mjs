// @ts-check
/**
 * The queue-mode stack: redis-server and a throw-away PostgreSQL cluster on loopback, the BILL
 * emulator, the package installed as users install it, the workflows imported and published,
 * then n8n as `n8n start` (main, EXECUTIONS_MODE=queue) plus two `n8n worker` processes. Every
 * process started is stopped by cleanupAll (also on SIGINT and SIGTERM).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_VERSION, REPO } from '../../scripts/n8n-runtime.mjs';
import { installPackage } from '../../scripts/lib/package.mjs';
import {
	freePort,
	partnerEmulatorCredential,
	startEmulatorProcess,
} from '../../scripts/lib/stack.mjs';
import { startPostgres, startRedis } from '../../scripts/queue/services.mjs';
import { importAndPublish, queueEnv, startN8nProcess } from '../../scripts/queue/stack.mjs';
import { check } from '../../scripts/lib/testkit.mjs';
import { BILL_CREDENTIAL, billsWorkflow } from './bills.mjs';
import { LOG_DIR, say } from './kit.mjs';
import { PARTNER_CREDENTIAL, partnerWorkflow } from './partner.mjs';
import { TRIGGER_CREDENTIAL, triggerWorkflow } from './trigger.mjs';

/** @typedef {import('./kit.mjs').Stack} Stack */

/** @type {Array<[string, () => unknown]>} what to stop, last started first */
const cleanups = [];
let cleaning;
/** Stops everything started, last first; once. */
export async function cleanupAll() {
	cleaning ??= (async () => {
		while (cleanups.length) {
			const [name, fn] = /** @type {[string, () => unknown]} */ (cleanups.pop());
			try {
				await fn();
			} catch (error) {
				console.error(`[queue] stopping ${name} failed: ${/** @type {Error} */ (error).message}`);
			}
		}
	})();
	return cleaning;
}
/** On SIGINT or SIGTERM: everything stopped, then exit 130. */
export function stopOnSignals() {
	for (const signal of ['SIGINT', 'SIGTERM'])
		process.on(signal, () => {
			console.error(`\n[queue] ${signal}: stopping everything this test started`);
			void cleanupAll().then(() => process.exit(130));
		});
}

/** `npm run build`, so n8n loads the current nodes from dist/. */
export function build() {
	say('building the package (npm run build) so n8n loads the current nodes from dist/');
	const result = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`npm run build failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
}
/**
 * A temp folder (kept from others, traversable by `postgres`), redis-server, PostgreSQL and the
 * BILL emulator; their logs are copied to LOG_DIR when the stack stops.
 * @param {{ redisServer: string, pgBin: string }} tools
 */
async function startServices(tools) {
	const dir = mkdtempSync(join(tmpdir(), 'bill-queue-'));
	// Traversable (not readable) by others: PostgreSQL runs as `postgres` when we are root.
	chmodSync(dir, 0o711);
	cleanups.push(['temp folder', () => rmSync(dir, { recursive: true, force: true })]);
	rmSync(LOG_DIR, { recursive: true, force: true });
	mkdirSync(LOG_DIR, { recursive: true });
	cleanups.push([
		'log copy',
		() =>
			['redis/redis.log', 'pg/postgres.log'].forEach(
				(f) => existsSync(join(dir, f)) && cpSync(join(dir, f), join(LOG_DIR, f.split('/')[1])),
			),
	]);

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
	return { dir, redis, redisPort, pg, pgPort, emulator };
}

/**
 * The whole stack: services, the package installed in n8n's user folder, the credentials and
 * workflows imported and published, the main and (unless QUEUE_CONTROL_REGULAR=1) two workers.
 * @param {{ redisServer: string, pgBin: string }} tools
 * @returns {Promise<Stack>}
 */
export async function startStack(tools) {
	const { dir, redis, redisPort, pg, pgPort, emulator } = await startServices(tools);
	const [mainPort, ...brokerPorts] = await Promise.all([
		freePort(),
		freePort(),
		freePort(),
		freePort(),
	]);
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
		// n8n's default pool of 2 PostgreSQL connections: under burst.mjs's 200 deliveries at once
		// the main logged "timeout exceeded when trying to connect" and answered BILL with 503
		// "Database is not ready!" until BILL gave up. A production main sized for bursts has more.
		DB_POSTGRESDB_POOL_SIZE: '20',
	};
	const envFor = (/** @type {number} */ brokerPort) => ({
		...queueEnv({ ...base, brokerPort }),
		...extra,
	});
	// Main and workers share the user folder: the package installed there as users install it.
	installPackage(base.userFolder);
	// Diagnosis knobs: QUEUE_MAIN_NODE_OPTIONS (e.g. a --require hook in the main);
	// QUEUE_CONTROL_REGULAR=1 runs the main in regular mode without workers, to tell what is queue mode's.
	const regular = process.env.QUEUE_CONTROL_REGULAR === '1';
	const mainEnv = {
		...envFor(brokerPorts[0]),
		...(process.env.QUEUE_MAIN_NODE_OPTIONS
			? { NODE_OPTIONS: process.env.QUEUE_MAIN_NODE_OPTIONS }
			: {}),
		...(regular ? { EXECUTIONS_MODE: 'regular' } : {}),
	};

	const vendors = await emulator.control('GET', '/state/vendors');
	check(vendors.length > 0, 'the seeded emulator has no vendors');
	const workflows = [billsWorkflow(), triggerWorkflow(), partnerWorkflow()];
	const importDir = join(dir, 'import');
	mkdirSync(importDir);
	say('importing the BILL credentials and the workflows into PostgreSQL, publishing them');
	const credentials = [
		BILL_CREDENTIAL,
		TRIGGER_CREDENTIAL,
		partnerEmulatorCredential(emulator, PARTNER_CREDENTIAL),
	];
	await importAndPublish(mainEnv, emulator, credentials, workflows, importDir);

	say(`n8n ${N8N_VERSION} main (n8n start, queue mode) on 127.0.0.1:${mainPort}`);
	const main = await startN8nProcess(
		'main',
		['start'],
		mainEnv,
		join(LOG_DIR, 'main.log'),
		/** @type {any} */ ({
			readyUrl: `http://127.0.0.1:${mainPort}/healthz/readiness`,
		}),
	);
	cleanups.push(['n8n main', () => main.stop()]);
	const workers = [];
	for (const [i, brokerPort] of (regular ? [] : brokerPorts.slice(1)).entries()) {
		say(`n8n worker ${i + 1}`);
		const worker = await startN8nProcess(
			`worker${i + 1}`,
			['worker', '--concurrency=5'],
			envFor(brokerPort),
			join(LOG_DIR, `worker${i + 1}.log`),
			/** @type {any} */ ({ readyText: 'n8n worker is now ready' }),
		);
		cleanups.push([`n8n worker ${i + 1}`, () => worker.stop()]);
		workers.push(worker);
	}
	return /** @type {Stack} */ ({
		dir,
		redis,
		pg: /** @type {any} */ (pg),
		emulator,
		main,
		workers,
		mainPort,
		vendorId: vendors[0].id,
	});
}
