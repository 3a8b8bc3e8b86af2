// @ts-check
/**
 * n8n in queue mode for the scale-out test: one main process (`n8n start`: editor, REST API,
 * production webhooks, the queue's producer) and `n8n worker` processes that take executions
 * from Redis, all on one PostgreSQL database and one encryption key. The BILL nodes need nothing
 * of their own here: this is n8n's documented queue-mode set-up, with our package installed in
 * the user folder every process shares (main and workers must load the same nodes).
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { NODE_BIN, n8nBin, n8nEnv, runN8n } from '../n8n-runtime.mjs';
import { emulatorCredential } from '../lib/stack.mjs';

/**
 * The environment every n8n process of the stack shares, plus per-process ports: `port` for the
 * main's HTTP server, `brokerPort` for each process's own task-runner broker.
 * @param {{ userFolder: string, encryptionKey: string, postgres: { port: number, database: string }, redis: { port: number }, port: number, brokerPort: number }} options
 */
export function queueEnv({ userFolder, encryptionKey, postgres, redis, port, brokerPort }) {
	return n8nEnv({
		userFolder,
		encryptionKey,
		port,
		brokerPort,
		extra: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: 'postgres',
			// The throw-away cluster trusts loopback connections; n8n wants a value.
			DB_POSTGRESDB_PASSWORD: 'unused',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			// Keep every execution, successes included, so the test reads them from PostgreSQL.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			N8N_LOG_OUTPUT: 'console',
			N8N_LOG_LEVEL: 'info',
		},
	});
}

async function n8nOk(args, env, what) {
	const result = await runN8n(args, env, { timeoutMs: 5 * 60_000 });
	if (result.code !== 0)
		throw new Error(
			`${what} failed (n8n ${args[0]} exited with ${result.code}):\n${(result.stdout + result.stderr).trim().slice(-3000)}`,
		);
	return result;
}

/**
 * Imports BILL credentials (pointing at the emulator) and the workflows, and publishes the
 * ones to be active. Runs before the main starts (the first command also creates n8n's tables).
 * @param {NodeJS.ProcessEnv} env
 * @param {import('../lib/stack.mjs').Emulator} emulator
 * @param {any[]} credentials
 * @param {any[]} workflows
 * @param {string} workdir
 */
export async function importAndPublish(env, emulator, credentials, workflows, workdir) {
	const credentialFile = join(workdir, 'credentials.json');
	// The emulator's fixture administrator, once per { id, name } asked for; or the { type, data } given.
	const data = credentials.map((c) =>
		c.type && c.data ? c : { ...emulatorCredential(emulator), id: c.id, name: c.name },
	);
	writeFileSync(credentialFile, JSON.stringify(data, null, 2));
	await n8nOk(
		['import:credentials', `--input=${credentialFile}`],
		env,
		'Importing the BILL credentials',
	);
	writeFileSync(credentialFile, '[]');
	for (const workflow of workflows) {
		const { publish, ...json } = workflow;
		const file = join(workdir, `${workflow.id}.json`);
		writeFileSync(file, JSON.stringify(json, null, 2));
		await n8nOk(['import:workflow', `--input=${file}`], env, `Importing workflow ${workflow.id}`);
		if (publish)
			await n8nOk(
				['publish:workflow', `--id=${workflow.id}`],
				env,
				`Publishing workflow ${workflow.id}`,
			);
	}
}

/**
 * One n8n process (`start` or `worker`) with its output in `logFile`. Resolves once it is ready:
 * the main when /healthz/readiness answers, a worker when it logs that it is ready.
 */
/**
 * @param {string} name
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} logFile
 * @param {{ readyUrl?: string, readyText?: string, timeoutMs?: number }} [options]
 */
export async function startN8nProcess(
	name,
	args,
	env,
	logFile,
	{ readyUrl, readyText, timeoutMs = 180_000 } = {},
) {
	const out = openSync(logFile, 'a');
	const child = spawn(NODE_BIN, [n8nBin(env), ...args], { env, stdio: ['ignore', out, out] });
	let exited = null;
	child.once('exit', (code, signal) => (exited = code ?? signal ?? -1));
	const proc = {
		name,
		child,
		pid: child.pid,
		logFile,
		get running() {
			return exited === null;
		},
		log: () => readFileSync(logFile, 'utf8'),
		/** SIGTERM (n8n finishes what runs, up to its own timeout), SIGKILL after `graceMs`. */
		stop: (graceMs = 30_000) =>
			/** @type {Promise<void>} */ (
				new Promise((resolveStop) => {
					if (exited !== null) return resolveStop();
					const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
					child.once('exit', () => {
						clearTimeout(timer);
						resolveStop();
					});
					child.kill('SIGTERM');
				})
			),
		/** SIGKILL: the crash of a worker, nothing finished or cleaned up. */
		kill: () =>
			/** @type {Promise<void>} */ (
				new Promise((resolveKill) => {
					if (exited !== null) return resolveKill();
					child.once('exit', () => resolveKill());
					child.kill('SIGKILL');
				})
			),
	};
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited !== null)
			throw new Error(
				`n8n ${args.join(' ')} (${name}) exited with ${exited} before it was ready:\n${proc.log().slice(-3000)}`,
			);
		if (Date.now() > deadline) {
			await proc.stop(5000);
			throw new Error(
				`n8n ${args.join(' ')} (${name}) not ready within ${timeoutMs / 1000} s:\n${proc.log().slice(-3000)}`,
			);
		}
		let ready = false;
		if (readyUrl)
			ready = await fetch(readyUrl).then(
				(r) => r.ok,
				() => false,
			);
		if (readyText) ready = proc.log().includes(readyText);
		if (ready) return proc;
		await new Promise((r) => setTimeout(r, 500));
	}
}

/**
 * Execution IDs a worker's log says it started ("Worker started execution 12 (job 7)").
 * @param {string} log
 */
export function startedExecutions(log) {
	return [...log.matchAll(/Worker started execution (\d+) \(job (\d+)\)/g)].map((m) => m[1]);
}
