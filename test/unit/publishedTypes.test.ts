/**
 * Node types as a user's n8n knows them. Installed from npm or from n8n's Community Nodes panel,
 * n8n names each node `<package name>.<description name>` (n8n-nodes-billcom.bill …), and an AI
 * tool `<…>Tool` for each node that is usableAsTool. Only a custom-extensions folder gives
 * `CUSTOM.bill`, which no user's n8n knows. Every example, README snippet and test workflow must
 * name a type the packed package registers: the names are derived here from package.json `n8n`
 * (what n8n loads) and the node classes' descriptions (what each file registers).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

const REPO = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[] };
};

/** The node class a `dist/…/X.node.js` of package.json comes from (its source under nodes/). */
function nodeClass(distFile: string): INodeType {
	const source = join(REPO, distFile.replace(/^dist\//, '').replace(/\.js$/, ''));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exports = require(source) as Record<string, new () => INodeType>;
	const [Class] = Object.values(exports).filter((value) => typeof value === 'function');
	return new Class();
}

function registeredTypes(): Set<string> {
	const types = new Set<string>();
	for (const file of pkg.n8n.nodes) {
		const node = nodeClass(file) as INodeType & { baseDescription?: INodeTypeDescription };
		const description = node.description ?? node.baseDescription;
		types.add(`${pkg.name}.${description.name}`);
		if (description.usableAsTool) types.add(`${pkg.name}.${description.name}Tool`);
	}
	return types;
}

/** Files that hold workflows users import or tests run: examples, README, the runners, the demo. */
function filesToCheck(): string[] {
	const walk = (dir: string): string[] =>
		existsSync(join(REPO, dir))
			? readdirSync(join(REPO, dir)).flatMap((name) => {
					const path = join(dir, name);
					if (statSync(join(REPO, path)).isDirectory())
						return ['.tmp', '.screens', 'out'].includes(name) ? [] : walk(path);
					return /\.(json|mjs|js|ts|md)$/.test(name) ? [path] : [];
				})
			: [];
	return [
		'README.md',
		...walk('examples'),
		...walk('docs'),
		...walk('test/e2e'),
		...walk('test/browser'),
		...walk('test/queue'),
		...walk('test/package'),
		...walk('test/integration'),
		...walk('test/unit'),
		...walk('bench'),
		...walk('scripts'),
	].filter((file) => file !== relative(REPO, __filename));
}

/** Every quoted `n8n-nodes-billcom.x` and every `CUSTOM.x` in a text, with its line number. */
function typeMentions(text: string): Array<{ type: string; line: number }> {
	const mentions: Array<{ type: string; line: number }> = [];
	const escaped = pkg.name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
	const pattern = new RegExp(
		`["'\`](${escaped}\\.[A-Za-z]\\w*)["'\`]|\\b(CUSTOM\\.[A-Za-z]\\w*)`,
		'g',
	);
	for (const match of text.matchAll(pattern)) {
		const line = text.slice(0, match.index).split('\n').length;
		mentions.push({ type: match[1] ?? match[2], line });
	}
	return mentions;
}

describe('node types named in examples, the README and test workflows', () => {
	const registered = registeredTypes();

	it('the packed package registers the five nodes and the AI tools of the two action nodes', () => {
		expect([...registered].sort()).toEqual([
			`${pkg.name}.bill`,
			`${pkg.name}.billPollingTrigger`,
			`${pkg.name}.billSpend`,
			`${pkg.name}.billSpendTool`,
			`${pkg.name}.billSpendTrigger`,
			`${pkg.name}.billTool`,
			`${pkg.name}.billTrigger`,
		]);
	});

	it('every example names only node types the package registers (or n8n’s own)', () => {
		const problems: string[] = [];
		const dir = join(REPO, 'examples');
		const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
		expect(files.length).toBeGreaterThanOrEqual(21);
		for (const file of files) {
			const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
				nodes: Array<{ name: string; type: string }>;
			};
			for (const node of workflow.nodes) {
				const ours = !/^(n8n-nodes-base|@n8n\/n8n-nodes-langchain)\./.test(node.type);
				if (ours && !registered.has(node.type))
					problems.push(`${file}: "${node.name}" has type ${node.type}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('no example, README snippet or test workflow names a CUSTOM. type or one the package does not register', () => {
		const problems = filesToCheck().flatMap((file) =>
			typeMentions(readFileSync(join(REPO, file), 'utf8'))
				.filter(({ type }) => !registered.has(type))
				.map(({ type, line }) => `${file}:${line}: ${type}`),
		);
		expect(problems).toEqual([]);
	});

	it('finds a CUSTOM. type and an unknown package type where they are written', () => {
		const text = `{"type": "CUSTOM.bill"}\n{ type: '${pkg.name}.bil' }\n\`${pkg.name}.billTool\``;
		expect(typeMentions(text)).toEqual([
			{ type: 'CUSTOM.bill', line: 1 },
			{ type: `${pkg.name}.bil`, line: 2 },
			{ type: `${pkg.name}.billTool`, line: 3 },
		]);
	});
});
