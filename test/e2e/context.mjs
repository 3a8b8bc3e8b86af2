// @ts-check
/**
 * What the groups of end-to-end tests share (run.mjs builds one `ctx` for all of them): the
 * examples pending on an n8n line, and helpers that wait for n8n or run an example.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { executeWorkflow, runFailure } from '../../scripts/lib/stack.mjs';
import { check } from '../../scripts/lib/testkit.mjs';

/**
 * Examples that do not pass on another n8n line yet, with what was seen: recorded as pending (and
 * counted in the tally), never as passed. README → Compatibility says the same to users.
 * @type {Record<string, Record<string, string>>}
 */
export const NOT_YET_ON_LINE = {
	// Examples 07 and 12 (the BILL Trigger) and 21 pass on 1.x since issue 32: the examples' IDs have
	// at most 16 characters (n8n 1.x saves no static data for longer ones), and BILL's error array is
	// read from the full response (n8n 1.x's NodeApiError drops it).
	'1.x': {},
};

export const PARTNER_CREDENTIAL = { id: 'billEmulatorPartner', name: 'BILL Partner (emulator)' };

/**
 * Everything a group of tests gets from run.mjs (a group takes what it needs).
 * @typedef {object} E2EContext
 * @property {{ name: string, version: string, n8nPackage: string }} line the n8n line under test
 * @property {boolean} examplesOnly `--examples`: only the example workflows' tests run
 * @property {(name: string, fn: () => unknown) => Promise<unknown>} test runs (or, with --examples, skips) a test
 * @property {(name: string, status: string, detail?: string) => void} record records a result
 * @property {(example: string) => string | false | undefined} pendingOr why an example is pending, if it is
 * @property {NodeJS.ProcessEnv} env the n8n environment (user folder, ports, line)
 * @property {any} emulator the BILL emulator (scripts/lib/stack.mjs startEmulatorProcess)
 * @property {string} workdir the n8n user folder
 * @property {number} n8nPort the port `n8n start` listens on
 * @property {boolean} triggerBuilt whether dist/ holds the BILL Trigger
 * @property {(collection: string) => Promise<any>} state the emulator's objects of a collection
 * @property {() => Promise<any>} stats the emulator's request counts and logins
 * @property {(route: string) => Promise<number>} requests requests the emulator saw on a route
 * @property {(env: NodeJS.ProcessEnv, id: string) => Promise<any>} runOk runs a workflow with `n8n execute`; fails with n8n's message
 * @property {(read: () => Promise<any>, done: (value: any) => boolean, what: string) => Promise<any>} waitFor
 * @property {(rest: any, workflowId: string, options?: { skip?: Set<string> }) => Promise<Execution>} waitForExecution
 */

/** @typedef {{ id: string, status: string, output: Record<string, any[]> }} Execution */

/** A name as the examples match it: trimmed, lower case. @param {unknown} name */
export const key = (name) =>
	String(name ?? '')
		.trim()
		.toLowerCase();

/** @param {Array<{ name: string }>} list @returns {Map<string, any>} by key(name) */
export const byName = (list) => new Map(list.map((v) => [key(v.name), v]));

/** Polls `read` until `done(value)` (up to 30 s); returns the value, or fails naming what it waited for. */
export { waitFor } from '../../scripts/lib/live.mjs';

/**
 * A function that waits (up to a minute) for a finished execution of a workflow, other than those
 * in `skip`, and returns its id, status and output per node; executions are read through n8n's
 * REST API, their data with the `flatted` of the n8n of `line`.
 * @param {{ n8nPackage: string }} line
 */
export function executionWaiter(line) {
	const flatted = createRequire(join(line.n8nPackage, 'package.json'))('flatted');
	/** @type {E2EContext['waitForExecution']} */
	return async (rest, workflowId, { skip = new Set() } = {}) => {
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			const list = await rest.call(
				'GET',
				`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
			);
			const done = (list?.results ?? []).find(
				(/** @type {any} */ e) =>
					e.status && !['new', 'running', 'waiting'].includes(e.status) && !skip.has(e.id),
			);
			if (done) {
				const full = await rest.call('GET', `/executions/${done.id}`);
				const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
				const output = Object.fromEntries(
					Object.entries(data?.resultData?.runData ?? {}).map(([node, runs]) => [
						node,
						(runs.at(-1)?.data?.main?.[0] ?? []).map((/** @type {any} */ i) => i.json),
					]),
				);
				return { id: done.id, status: full.status ?? done.status, output };
			}
			await new Promise((resolveWait) => setTimeout(resolveWait, 500));
		}
		throw new Error(`no finished execution of ${workflowId} within 60 s`);
	};
}

/**
 * Runs a workflow with `n8n execute` and fails with n8n's own message when the run did not succeed.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} id
 */
export async function runOk(env, id) {
	const result = await executeWorkflow(env, id);
	check(result.ok, `workflow ${id} did not succeed: ${runFailure(result)}`);
	return result.run;
}
