// @ts-check
/**
 * The closing lines of scripts/test.sh: every suite's counts from .test-results/*.json (jest's
 * summary shape), the total, and per n8n line what its end-to-end run covered: the tests and the
 * example workflows (tests named "example NN: …") that passed there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_LINE, LINES, REPO } from '../n8n-runtime.mjs';

const DIR = join(REPO, '.test-results');
const read = (name) => {
	const file = join(DIR, `${name}.json`);
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
};
const e2eName = (line) => (line === DEFAULT_LINE ? 'e2e' : `e2e-${line}`);
const suites = ['jest', ...Object.keys(LINES).map(e2eName), 'browser', 'install', 'queue'];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of suites) {
	const r = read(name);
	if (!r) continue;
	passed += r.numPassedTests || 0;
	failed += r.numFailedTests || 0;
	skipped += r.numPendingTests || 0;
}
console.log('');
for (const [line, { version }] of Object.entries(LINES)) {
	const r = read(e2eName(line));
	if (!r) {
		console.log(`n8n ${version} (${line}): end-to-end tests not run`);
		continue;
	}
	const examples = new Set(
		(r.tests ?? [])
			.filter((t) => t.status === 'passed')
			.map((t) => /\bexample (\d+)\b/.exec(t.name)?.[1])
			.filter(Boolean),
	);
	const failedExamples = new Set(
		(r.tests ?? [])
			.filter((t) => t.status === 'failed')
			.map((t) => /\bexample (\d+)\b/.exec(t.name)?.[1])
			.filter(Boolean),
	);
	for (const n of failedExamples) examples.delete(n);
	const also = line === DEFAULT_LINE ? '; browser, install and queue-mode tests run here' : '';
	console.log(
		`n8n ${version} (${line}): end-to-end ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} pending; ` +
			`${examples.size} examples ran and passed (${[...examples].sort().join(', ')})` +
			`${failedExamples.size ? `, ${failedExamples.size} failed (${[...failedExamples].sort().join(', ')})` : ''}${also}`,
	);
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
