/**
 * Saved workflows keep working: every parameter the BILL node had when
 * test/fixtures/bill-node-parameters.json was written is still there, with the same name, type,
 * default, option values and displayOptions, in the same order within its operation. New parameters and new option
 * values may be added (a superset check, not a snapshot).
 *
 * To rewrite the fixture after a deliberate change (review the diff):
 *   UPDATE_PARAMETER_FIXTURE=1 npx jest test/unit/compatibility.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Bill } from '../../nodes/Bill/Bill.node';
import { parameterTable, scopeOf, type ParameterEntry } from '../harness/parameters';
import { TEXT_TO_LOCATOR } from '../harness/textToLocator';

const FIXTURE = join(__dirname, '..', 'fixtures', 'bill-node-parameters.json');
const current = parameterTable(new Bill().description.properties);

if (process.env.UPDATE_PARAMETER_FIXTURE) {
	writeFileSync(FIXTURE, `${JSON.stringify(current, null, '\t')}\n`);
}

const saved = JSON.parse(readFileSync(FIXTURE, 'utf8')) as FixtureEntry[];
const byPath = new Map(current.map((entry) => [entry.path, entry]));

/** JSON with keys sorted, so that only values count (not the order keys were written in). */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
			: v,
	);
}

/** Whether `part` appears in `whole` in the same order (other values may come between). */
function inOrder<T>(part: T[], whole: T[]): boolean {
	let at = 0;
	for (const value of whole) if (at < part.length && value === part[at]) at++;
	return at === part.length;
}

/**
 * Deliberate changes a saved workflow survives: a text field that became a resource locator is
 * in the fixture as the locator it is now, marked `"savedAs": "string"` (what older workflows
 * hold there), and test/harness/textToLocator.ts names the test that runs such a saved string.
 */
type FixtureEntry = ParameterEntry & { savedAs?: string };
const converted = (path: string) =>
	TEXT_TO_LOCATOR.some((rule) => rule.path.test(path.replace(/#\d+/g, '')));

describe('BILL node parameters (compatibility with saved workflows)', () => {
	it('the fixture covers the node', () => {
		expect(saved.length).toBeGreaterThan(300);
	});

	it('every saved parameter is still there, unchanged', () => {
		const changed: Array<{ path: string; was: ParameterEntry; now?: ParameterEntry }> = [];
		for (const was of saved) {
			const now = byPath.get(was.path);
			const { options: wasOptions, savedAs: _savedAs, ...wasRest } = was;
			const { options: nowOptions, ...nowRest } = now ?? ({} as ParameterEntry);
			const same =
				now !== undefined &&
				canonical(nowRest) === canonical(wasRest) &&
				(!wasOptions || (nowOptions !== undefined && inOrder(wasOptions, nowOptions)));
			if (!same) changed.push({ path: was.path, was, now });
		}
		expect(changed).toEqual([]);
	});

	it('every text field that became a resource locator has a test running a saved plain string', () => {
		const marked = saved.filter((entry) => entry.savedAs !== undefined);
		expect(
			marked.filter(
				(e) => e.savedAs !== 'string' || e.type !== 'resourceLocator' || !converted(e.path),
			),
		).toEqual([]);
		// Every rule marks entries (none is stale), and has its test.
		for (const rule of TEXT_TO_LOCATOR)
			expect([rule.path, marked.some((e) => rule.path.test(e.path.replace(/#\d+/g, '')))]).toEqual([
				rule.path,
				true,
			]);
		const missing = TEXT_TO_LOCATOR.filter(({ proof: [file, title] }) => {
			const text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
			return !text.includes(`'${title}`);
		}).map(({ proof }) => proof.join(': '));
		expect(missing).toEqual([]);
	});

	it('keeps the parameters of each operation in the same order', () => {
		const misordered = [...new Set(saved.map((entry) => scopeOf(entry.path)))].filter((scope) => {
			const was = saved.filter((e) => scopeOf(e.path) === scope).map((e) => e.path);
			const now = current.filter((e) => scopeOf(e.path) === scope).map((e) => e.path);
			return !inOrder(was, now);
		});
		expect(misordered).toEqual([]);
	});
});
