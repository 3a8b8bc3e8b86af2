// @ts-check
/**
 * The small test runner of the suites that drive a real n8n (test/e2e, test/queue): named tests,
 * passed / failed / pending, and a result file in jest's summary shape that scripts/test.sh counts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from '../n8n-runtime.mjs';

/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
export function check(condition, message) {
	if (!condition) throw new Error(message);
}

/**
 * @param {unknown} actual
 * @param {unknown} expected
 * @param {string} what
 */
export function equal(actual, expected, what) {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/**
 * A suite whose results go to `.test-results/<name>.json`.
 * @param {string} name
 */
export function suite(name) {
	const results = [];
	const started = Date.now();

	function record(testName, status, message = '') {
		results.push({ name: testName, status, message });
		const mark = { passed: '✓', failed: '✗', pending: '–' }[status];
		console.log(
			`  ${mark} ${testName}${message ? `\n      ${message.replace(/\n/g, '\n      ')}` : ''}`,
		);
	}

	async function test(testName, fn) {
		try {
			const note = await fn();
			record(testName, 'passed', typeof note === 'string' ? note : '');
		} catch (error) {
			record(testName, 'failed', /** @type {Error} */ (error).stack ?? String(error));
		}
	}

	function writeResults() {
		mkdirSync(join(REPO, '.test-results'), { recursive: true });
		const count = (status) => results.filter((r) => r.status === status).length;
		const summary = {
			numPassedTests: count('passed'),
			numFailedTests: count('failed'),
			numPendingTests: count('pending'),
			tests: results,
		};
		writeFileSync(join(REPO, '.test-results', `${name}.json`), JSON.stringify(summary, null, 2));
		console.log(
			`\n${name}: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} pending (${Math.round((Date.now() - started) / 1000)} s)`,
		);
		return summary;
	}

	return { results, record, test, writeResults };
}

/**
 * An amount rounded to cents, as BILL keeps amounts (one rounding for every test and tool).
 * @param {number | string} n
 */
export const cents = (n) => Math.round((Number(n) + Number.EPSILON) * 100) / 100;
