/**
 * The tools keep one shape (issue 30, "Typed, short tools"): no file under test/, scripts/,
 * bench/ or emulator/ is over 400 lines, and every .mjs file starts with `// @ts-check`, so that
 * `tsc -p test/tsconfig.tools.json` checks it. The offenders are listed by path and line count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FOLDERS = ['test', 'scripts', 'bench', 'emulator'];
const MAX_LINES = 400;

/**
 * Files allowed to break the rule for a while (a split under way); empty now, and a path on it
 * that obeys the rule fails the second test below.
 */
const NOT_YET: string[] = [];

interface Offence {
	path: string;
	lines: number;
	problem: string;
}

function toolFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return toolFiles(path);
		return /\.(ts|mjs|js)$/.test(entry.name) ? [path] : [];
	});
}

/** Every file that breaks a rule, with its path (from the repository's root) and line count. */
function offences(root = ROOT): Offence[] {
	return FOLDERS.flatMap((folder) => toolFiles(join(root, folder))).flatMap((file) => {
		const text = readFileSync(file, 'utf8');
		const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
		const path = relative(root, file).split('\\').join('/');
		const found: Offence[] = [];
		if (lines > MAX_LINES) found.push({ path, lines, problem: `over ${MAX_LINES} lines` });
		// A script run as ./file keeps its shebang first; // @ts-check comes right after it.
		const [first, second] = text.split('\n');
		const check = first.startsWith('#!') ? second : first;
		if (file.endsWith('.mjs') && check?.trim() !== '// @ts-check')
			found.push({ path, lines, problem: 'does not start with // @ts-check (after a shebang)' });
		return found;
	});
}

const describeOffence = ({ path, lines, problem }: Offence) =>
	`${path} (${lines} lines): ${problem}`;

describe('tool files', () => {
	const all = offences();

	it('no file outside NOT_YET is over 400 lines or an .mjs file without // @ts-check', () => {
		expect(all.filter((o) => !NOT_YET.includes(o.path)).map(describeOffence)).toEqual([]);
	});

	it('NOT_YET names only files that still break a rule (remove the others)', () => {
		const offending = new Set(all.map((o) => o.path));
		expect(NOT_YET.filter((path) => !offending.has(path))).toEqual([]);
	});

	(NOT_YET.length ? it.skip : it)('every tool file obeys (runs once NOT_YET is empty)', () => {
		expect(all.map(describeOffence)).toEqual([]);
	});
});
