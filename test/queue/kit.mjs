// @ts-check
/**
 * What every part of the queue-mode test shares: the result suite, waiting and pooling, and
 * what the tests read from n8n's execution records (PostgreSQL) and the workers' logs.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { REPO } from '../../scripts/n8n-runtime.mjs';
import { startedExecutions } from '../../scripts/queue/stack.mjs';
import { suite } from '../../scripts/lib/testkit.mjs';

/**
 * @typedef {{ name: string, log: () => string, stop: (graceMs?: number) => Promise<void>, kill: () => Promise<void> }} N8nProcess
 * @typedef {{ query: (sql: string) => string[][] }} Postgres
 * @typedef {{ baseUrl: string, url: string, fixtures: any, control: (method: string, path: string, body?: unknown) => Promise<any> }} Emulator
 * @typedef {{ dir: string, pg: Postgres, emulator: Emulator, main: N8nProcess, workers: N8nProcess[], mainPort: number, vendorId: string }} Stack
 * @typedef {{ id: string, status: string, finished: boolean, mode: string }} ExecutionRecord
 */

/** n8n's, Redis's and PostgreSQL's logs of the last run. */
export const LOG_DIR = join(REPO, '.test-results', 'queue-logs');
/** The queue suite: `test`, `record`, `results`, `writeResults` (.test-results/queue.json). */
export const queueSuite = suite('queue');
/** A line of progress. */
export const say = (/** @type {string} */ message) => console.log(`[queue] ${message}`);
/** Waits `ms` milliseconds. */
export const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
/** The date `n` days from today, YYYY-MM-DD. */
export const day = (/** @type {number} */ n) =>
	new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Calls `check` every half second until it returns something truthy (returned), or fails
 * naming `what` after `timeoutMs`.
 * @template T
 * @param {string} what
 * @param {() => T | Promise<T>} check
 * @returns {Promise<NonNullable<T>>}
 */
export async function until(what, check, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return /** @type {NonNullable<T>} */ (value);
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(500);
	}
}

/**
 * Runs `fn` over `items` with at most `limit` at a time; results in order.
 * @template I, O
 * @param {I[]} items
 * @param {number} limit
 * @param {(item: I, index: number) => Promise<O>} fn
 * @returns {Promise<O[]>}
 */
export async function pool(items, limit, fn) {
	/** @type {O[]} */
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

/**
 * A production webhook that answers with the last node's output (the caller waits for the worker).
 * @param {string} path
 * @param {string} responseData
 */
export function webhookNode(path, responseData) {
	return {
		id: 'hook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData, options: {} },
	};
}

/**
 * A BILL node of the queue workflows: `bill(id, name, position, parameters)` with `authentication`
 * and its credential set, `base` parameters first.
 * @param {string} authentication the credential type (billApi, billPartnerApi)
 * @param {{ id: string, name: string }} credential
 * @param {Record<string, unknown>} [base]
 */
export function billNodes(authentication, credential, base = {}) {
	return (
		/** @type {string} */ id,
		/** @type {string} */ name,
		/** @type {number[]} */ position,
		/** @type {Record<string, unknown>} */ parameters,
	) => ({
		id,
		name,
		type: 'n8n-nodes-billcom.bill',
		typeVersion: 1,
		position,
		parameters: { authentication, ...base, ...parameters },
		credentials: { [authentication]: credential },
	});
}

/**
 * n8n's execution records of a workflow, from PostgreSQL, oldest first.
 * @param {Postgres} pg
 * @param {string} workflowId
 * @returns {ExecutionRecord[]}
 */
export function executions(pg, workflowId) {
	return pg
		.query(
			`select id, status, finished, mode from execution_entity where "workflowId" = '${workflowId}' order by id`,
		)
		.map(([id, status, finished, mode]) => ({ id, status, finished: finished === 't', mode }));
}

/**
 * The stored run data of an execution (n8n's flatted JSON, read as text).
 * @param {Postgres} pg
 * @param {string} id
 */
export function executionData(pg, id) {
	return (
		pg.query(`select data from execution_data where "executionId" = ${Number(id)}`)[0]?.[0] ?? ''
	);
}

/** The emulator's count of BILL logins. */
export const logins = async (/** @type {Emulator} */ emulator) =>
	/** @type {number} */ ((await emulator.control('GET', '/stats')).logins);

/**
 * Which worker started each execution (from the workers' logs): Map id → worker names.
 * @param {N8nProcess[]} workers
 * @returns {Map<string, string[]>}
 */
export function workerOf(workers) {
	const map = new Map();
	for (const worker of workers)
		for (const id of startedExecutions(worker.log()))
			map.set(id, [...(map.get(id) ?? []), worker.name]);
	return map;
}

/**
 * How many of `records` each worker started, in the order of `workers`.
 * @param {N8nProcess[]} workers
 * @param {ExecutionRecord[]} records
 */
export function perWorker(workers, records) {
	const byWorker = workerOf(workers);
	return workers.map((w) => records.filter((r) => byWorker.get(r.id)?.[0] === w.name).length);
}

/**
 * The errors the workers logged, for a failure message.
 * @param {N8nProcess[]} workers
 */
export function workerErrors(workers) {
	return workers
		.map(
			(w) =>
				`${w.name}: ${
					w
						.log()
						.split('\n')
						.filter((line) => /error|failed|timed out/i.test(line))
						.slice(-5)
						.join(' | ') || 'no errors logged'
				}`,
		)
		.join('\n');
}
