// @ts-check
/**
 * Fails on any import cycle among the shipped sources (nodes/, credentials/): a cycle makes
 * a module see another half-initialised (an `undefined` import at load time) and ties files
 * together that should change apart. Type-only imports count too: they tie the files together
 * in the same way for a reader.
 *
 *   node scripts/check-cycles.mjs        prints each cycle found; exit 1 if any
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = ['nodes', 'credentials'];

function sourceFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
	});
}

function resolveImport(from, specifier) {
	if (!specifier.startsWith('.')) return undefined;
	const base = resolve(dirname(from), specifier);
	for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
		if (existsSync(candidate)) return candidate;
	}
	return undefined;
}

function importsOf(file) {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const found = [];
	for (const statement of source.statements) {
		const specifier =
			(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
			statement.moduleSpecifier &&
			ts.isStringLiteral(statement.moduleSpecifier)
				? statement.moduleSpecifier.text
				: undefined;
		const target = specifier && resolveImport(file, specifier);
		if (target) found.push(target);
	}
	return found;
}

const files = ROOTS.flatMap((root) => sourceFiles(join(REPO, root)));
const graph = new Map(files.map((file) => [file, importsOf(file)]));

// Tarjan's strongly connected components: every component of more than one file is a cycle.
let index = 0;
const indexOf = new Map();
const lowOf = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(file) {
	indexOf.set(file, index);
	lowOf.set(file, index++);
	stack.push(file);
	onStack.add(file);
	for (const next of graph.get(file) ?? []) {
		if (!indexOf.has(next)) {
			visit(next);
			lowOf.set(file, Math.min(lowOf.get(file), lowOf.get(next)));
		} else if (onStack.has(next)) {
			lowOf.set(file, Math.min(lowOf.get(file), indexOf.get(next)));
		}
	}
	if (lowOf.get(file) === indexOf.get(file)) {
		const component = [];
		let member;
		do {
			member = stack.pop();
			onStack.delete(member);
			component.push(member);
		} while (member !== file);
		const selfImport = (graph.get(file) ?? []).includes(file);
		if (component.length > 1 || selfImport) cycles.push(component);
	}
}
for (const file of files) if (!indexOf.has(file)) visit(file);

if (cycles.length) {
	console.error(`Import cycles in ${ROOTS.join(', ')} (${cycles.length}):`);
	for (const cycle of cycles) {
		console.error(
			`  ${cycle
				.map((f) => relative(REPO, f))
				.sort()
				.join(' <-> ')}`,
		);
	}
	process.exit(1);
}
console.log(`No import cycle among ${files.length} files in ${ROOTS.join(', ')}.`);
