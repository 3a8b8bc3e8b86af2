/**
 * The package as n8n and its registry see it (after `npm run build`, which scripts/test.sh runs
 * first): no runtime dependencies, no install scripts, only dist/ (plus README and LICENSE)
 * packed, and every node and credential n8n is told about built, loadable and named as n8n wants.
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { basename, join, resolve } from 'path';

const ROOT = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	scripts: Record<string, string>;
	keywords: string[];
	files: string[];
	license: string;
	n8n: { n8nNodesApiVersion: number; strict: boolean; nodes: string[]; credentials: string[] };
};

describe('package.json', () => {
	it('has no runtime dependencies and only n8n-workflow as a peer', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(Object.keys(pkg.peerDependencies ?? {})).toEqual(['n8n-workflow']);
	});

	it('has no install scripts, the community keyword, MIT, and files: [dist]', () => {
		for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish'])
			expect(pkg.scripts[hook]).toBeUndefined();
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
	});
});

describe('the built package', () => {
	const built = [...pkg.n8n.nodes, ...pkg.n8n.credentials];

	it('has every node and credential n8n loads, each exporting a class named as its file', () => {
		for (const file of built) {
			const full = join(ROOT, file);
			expect({ file, exists: existsSync(full) }).toEqual({ file, exists: true });
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const exported = require(full) as Record<
				string,
				new () => { description?: { name: string }; name?: string }
			>;
			const className = basename(file).split('.')[0];
			expect(typeof exported[className]).toBe('function');
			const instance = new exported[className]();
			expect(instance.description?.name ?? instance.name).toBeTruthy();
		}
	});

	it("packs only dist/, index.js (main), README.md, LICENSE and package.json, with the nodes' icons", () => {
		const [pack] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: ROOT,
				encoding: 'utf8',
			}),
		) as Array<{ files: Array<{ path: string }> }>;
		const paths = pack.files.map((f) => f.path);
		expect(
			paths.filter(
				(p) =>
					!p.startsWith('dist/') &&
					!['README.md', 'LICENSE', 'package.json', 'index.js'].includes(p),
			),
		).toEqual([]);
		for (const file of built) expect(paths).toContain(file);
		for (const icon of [
			'dist/nodes/Bill/bill.svg',
			'dist/nodes/Bill/bill.dark.svg',
			'dist/nodes/BillTrigger/bill.svg',
			'dist/credentials/bill.svg',
		]) {
			expect(paths).toContain(icon);
		}
		expect(paths.some((p) => /test|emulator|\.ts$/.test(p.replace(/\.d\.ts$/, '')))).toBe(false);
	});
});
