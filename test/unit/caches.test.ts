/**
 * Every cache that outlives one execution (module-level mutable state in nodes/ and credentials/)
 * is listed in CONTRIBUTING.md's "Process-wide caches" table, with why it is safe across
 * executions; a cache added without a line there fails here. Module-level Maps, Sets and
 * WeakMaps created empty are caches; a Set or Map built from literal values is a constant.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

const REPO = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** `const name = new Map<…>()` (or Set, WeakMap, WeakSet, `let`, `export`) at the top level. */
const MODULE_CACHE =
	/^(?:export\s+)?(?:const|let)\s+(\w+)\s*(?::[^=]+)?=\s*new\s+(?:Weak)?(?:Map|Set)\b[^(]*\(\s*\)/gm;

function caches(): Array<{ name: string; file: string }> {
	return ['nodes', 'credentials'].flatMap((root) =>
		sourceFiles(join(REPO, root)).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(MODULE_CACHE)].map((match) => ({
				name: match[1],
				file: relative(REPO, file),
			})),
		),
	);
}

function listed(): Array<{ name: string; file: string }> {
	const text = readFileSync(join(REPO, 'CONTRIBUTING.md'), 'utf8');
	const section = text.slice(text.indexOf('## Process-wide caches'));
	return [...section.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)].map((m) => ({
		name: m[1],
		file: m[2],
	}));
}

describe('process-wide caches', () => {
	it('finds the module-level caches of the package (the scan works)', () => {
		const names = caches().map((c) => c.name);
		expect(names).toEqual(expect.arrayContaining(['sharedLogins', 'bySubscription']));
	});

	it('lists every one in CONTRIBUTING.md with where it is', () => {
		const table = listed();
		const missing = caches().filter(
			(c) => !table.some((row) => row.name === c.name && row.file === c.file),
		);
		expect(missing).toEqual([]);
	});

	it('lists none that is gone', () => {
		const found = caches();
		const stale = listed().filter(
			(row) => !found.some((c) => c.name === row.name && c.file === row.file),
		);
		expect(stale).toEqual([]);
	});
});
