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
import { TEXT_TO_LOCATOR } from '../harness/textToLocator';

/**
 * A fixture entry: `fromVersion` for a path's parameter from that version on; `savedAs` for a
 * text field that became a resource locator (the entry is the locator it is now, `savedAs` what
 * older workflows hold there), with test/harness/textToLocator.ts naming the test that runs such a
 * saved string.
 */
type SavedEntry = ParameterEntry & { fromVersion?: number; savedAs?: string };

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
		.map(({ fromVersion: _, savedAs: _savedAs, ...entry }) => entry);
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
	const marks = new Map(
		(JSON.parse(readFileSync(FIXTURE, 'utf8')) as SavedEntry[])
			.filter((entry) => entry.savedAs !== undefined)
			.map((entry) => [`${entry.path}@${entry.fromVersion ?? ''}`, entry.savedAs]),
	);
	const rewritten = fixtureOf().map((entry) => {
		const savedAs = marks.get(`${entry.path}@${entry.fromVersion ?? ''}`);
		return savedAs === undefined ? entry : { ...entry, savedAs };
	});
	writeFileSync(FIXTURE, `${JSON.stringify(rewritten, null, '\t')}\n`);
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

const converted = (path: string) =>
	TEXT_TO_LOCATOR.some((rule) => rule.path.test(path.replace(/#\d+/g, '')));

describe('BILL node parameters (compatibility with saved workflows)', () => {
	it('the fixture covers the node', () => {
		expect(saved.length).toBeGreaterThan(300);
	});

	it('the fixture has entries of every version since the first, and of no other', () => {
		const fromVersions = [...new Set(saved.map(since))].sort((a, b) => a - b);
		expect(versions).toEqual(expect.arrayContaining(fromVersions));
		expect(fromVersions[0]).toBe(versions[0]);
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
				if (!same) changed.push({ path: was.path, was, now });
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
