/**
 * Saved workflows keep working: every parameter the BILL node had when
 * test/fixtures/bill-node-parameters.json was written is still there, with the same name, type,
 * default, option values and displayOptions, in the same order within its operation. New parameters and new option
 * values may be added (a superset check, not a snapshot).
 *
 * Each typeVersion of the node is checked on its own (a saved node keeps its typeVersion). The
 * fixture lists version 1's parameters; an entry with `fromVersion` is that path's parameter from
 * that version on (e.g. Simplify, on by default from 1.1), placed after the entry it replaces.
 * A version's `@version` conditions are resolved, not listed (test/harness/parameters.ts
 * propertiesAt).
 *
 * To rewrite the fixture after a deliberate change (review the diff):
 *   UPDATE_PARAMETER_FIXTURE=1 npx jest test/unit/compatibility.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Bill } from '../../nodes/Bill/Bill.node';
import { parameterTable, propertiesAt, scopeOf, type ParameterEntry } from '../harness/parameters';

type SavedEntry = ParameterEntry & { fromVersion?: number };

const FIXTURE = join(__dirname, '..', 'fixtures', 'bill-node-parameters.json');
const node = new Bill().description;
const versions = (Array.isArray(node.version) ? [...node.version] : [node.version]).sort(
	(a, b) => a - b,
);
const tableAt = (version: number) => parameterTable(propertiesAt(node.properties, version));
const since = (entry: SavedEntry) => entry.fromVersion ?? versions[0];

/** The entries a node of `version` has: each path's latest entry up to that version, in file order. */
function entriesAt(entries: SavedEntry[], version: number): ParameterEntry[] {
	const latest = new Map<string, SavedEntry>();
	for (const entry of entries) {
		const was = latest.get(entry.path);
		if (since(entry) <= version && (!was || since(was) <= since(entry)))
			latest.set(entry.path, entry);
	}
	return entries
		.filter((entry) => latest.get(entry.path) === entry)
		.map(({ fromVersion: _, ...entry }) => entry);
}

/** The first version's table, and each later version's differences after the entries they follow. */
function fixtureOf(): SavedEntry[] {
	const [first, ...later] = versions;
	const out: SavedEntry[] = tableAt(first);
	for (const version of later) {
		const was = new Map(entriesAt(out, version).map((entry) => [entry.path, entry]));
		let after = -1;
		for (const entry of tableAt(version)) {
			const lastOf = out.map((e) => e.path).lastIndexOf(entry.path);
			if (lastOf >= 0) after = lastOf;
			if (canonical(was.get(entry.path)) === canonical(entry)) continue;
			const { path, ...rest } = entry;
			out.splice(after + 1, 0, { path, fromVersion: version, ...rest });
			after++;
		}
	}
	return out;
}

if (process.env.UPDATE_PARAMETER_FIXTURE) {
	writeFileSync(FIXTURE, `${JSON.stringify(fixtureOf(), null, '\t')}\n`);
}

const saved = JSON.parse(readFileSync(FIXTURE, 'utf8')) as SavedEntry[];

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
 * Deliberate changes a saved workflow survives, each with the test that proves it. A text field
 * that became a resource locator (a bill's classifications, now picked by name): n8n hands a
 * saved plain string to the node as it is (n8n-core's extractValue returns a value that is not a
 * locator unchanged, and its checks before the run pass it), and the node reads both shapes
 * (test/unit/bill-classifications.test.ts runs saved plain IDs). Payment's card account, now
 * picked from the cards one may pay with: test/unit/payment-extras.test.ts runs a saved plain ID.
 */
const TEXT_TO_LOCATOR =
	/^bill\.\w+\.(\w+\.)*classifications\.\w+Id$|^payment\.(create|createBulk)\.cardAccountId$/;
const deliberate = (was: ParameterEntry, now?: ParameterEntry) =>
	TEXT_TO_LOCATOR.test(was.path) &&
	was.type === 'string' &&
	was.default === '' &&
	now?.type === 'resourceLocator' &&
	now.name === was.name;

describe('BILL node parameters (compatibility with saved workflows)', () => {
	it('the fixture covers the node', () => {
		expect(saved.length).toBeGreaterThan(300);
	});

	it('the fixture has entries of every version since the first, and of no other', () => {
		const fromVersions = [...new Set(saved.map(since))].sort((a, b) => a - b);
		expect(versions).toEqual(expect.arrayContaining(fromVersions));
		expect(fromVersions[0]).toBe(versions[0]);
	});

	describe.each(versions)('typeVersion %s', (version) => {
		const expected = entriesAt(saved, version);
		const current = tableAt(version);
		const byPath = new Map(current.map((entry) => [entry.path, entry]));

		it('every saved parameter is still there, unchanged', () => {
			const changed: Array<{ path: string; was: ParameterEntry; now?: ParameterEntry }> = [];
			for (const was of expected) {
				const now = byPath.get(was.path);
				const { options: wasOptions, ...wasRest } = was;
				const { options: nowOptions, ...nowRest } = now ?? ({} as ParameterEntry);
				const same =
					now !== undefined &&
					canonical(nowRest) === canonical(wasRest) &&
					(!wasOptions || (nowOptions !== undefined && inOrder(wasOptions, nowOptions)));
				if (!same && !deliberate(was, now)) changed.push({ path: was.path, was, now });
			}
			expect(changed).toEqual([]);
		});

		it('keeps the parameters of each operation in the same order', () => {
			const misordered = [...new Set(expected.map((entry) => scopeOf(entry.path)))].filter(
				(scope) => {
					const was = expected.filter((e) => scopeOf(e.path) === scope).map((e) => e.path);
					const now = current.filter((e) => scopeOf(e.path) === scope).map((e) => e.path);
					return !inOrder(was, now);
				},
			);
			expect(misordered).toEqual([]);
		});
	});
});
