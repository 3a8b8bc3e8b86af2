/**
 * docs/GUESSES.md, the table of guesses, holds to the code: every row names readings that
 * emulator/readings.ts has, code that exists, and a test (file and title) that exists; every
 * reading has a row. The open guesses (no reading yet) and the removed ones are counted.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { DEFAULT_READINGS } from '../../emulator/readings';

const ROOT = join(__dirname, '..', '..');
const text = readFileSync(join(ROOT, 'docs', 'GUESSES.md'), 'utf8');

/** The rows of the table under `heading` (up to the next heading), as cells. */
function rows(heading: RegExp | null): string[][] {
	const sections = text.split(/^## /m);
	const section = heading ? (sections.find((s) => heading.test(s)) ?? '') : sections[0];
	return section
		.split('\n')
		.filter((line) => /^\| [A-Z]\d+ \|/.test(line))
		.map((line) =>
			line
				.slice(1, -1)
				.split(' | ')
				.map((cell) => cell.trim()),
		);
}

const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

const guesses = rows(null);
const open = rows(/^Open/);
const removed = rows(/^Removed/);

describe('docs/GUESSES.md', () => {
	it('has one row per guess with a reading, numbered once', () => {
		expect(guesses.length).toBeGreaterThanOrEqual(10);
		const ids = [...guesses, ...open, ...removed].map((r) => r[0]);
		expect(new Set(ids).size).toBe(ids.length);
		for (const row of guesses) expect([row[0], row.length]).toEqual([row[0], 6]);
	});

	it('names readings emulator/readings.ts has, and every reading has a row', () => {
		const named = guesses.flatMap((row) => backticked(row[3]));
		const unknown = named.filter((name) => !(name in DEFAULT_READINGS));
		expect(unknown).toEqual([]);
		const withoutRow = Object.keys(DEFAULT_READINGS).filter((name) => !named.includes(name));
		expect(withoutRow).toEqual([]);
	});

	it('names a test that exists: the file, and the title in it', () => {
		const missing = guesses.flatMap((row) => {
			const [file] = backticked(row[4]);
			const title = row[4].split('›')[1]?.trim() ?? '';
			if (!file || !title) return [`${row[0]}: no test named`];
			const path = join(ROOT, file);
			if (!existsSync(path)) return [`${row[0]}: no file ${file}`];
			return readFileSync(path, 'utf8').includes(title)
				? []
				: [`${row[0]}: "${title}" not in ${file}`];
		});
		expect(missing).toEqual([]);
	});

	it('names code that exists (guesses and open guesses)', () => {
		const missing = [
			...guesses.map((r) => [r[0], r[2]]),
			...open.map((r) => [r[0], `${r[2]} ${r[3]}`]),
		]
			.flatMap(([id, cell]) => backticked(cell).map((path) => [id, path]))
			.filter(([, path]) => /^(nodes|emulator|credentials)\//.test(path))
			.filter(([, path]) => !existsSync(join(ROOT, path)))
			.map(([id, path]) => `${id}: ${path}`);
		expect(missing).toEqual([]);
	});

	it('says why each removed guess is gone', () => {
		for (const row of removed)
			expect([row[0], row.length, row[2].length > 20]).toEqual([row[0], 3, true]);
	});
});
