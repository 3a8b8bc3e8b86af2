/**
 * The layers of nodes/ (issue 30): helpers and the shared code serve the resources and never
 * import from them, so an operation can change without touching a helper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const LAYERS = ['nodes/shared', 'nodes/Bill/helpers', 'nodes/BillSpend/helpers'];

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

describe('layers of nodes/', () => {
	it('no helper or shared module imports from a resources/ folder', () => {
		const offenders = LAYERS.flatMap((layer) => sources(join(ROOT, layer))).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/from '([^']*\/resources\/[^']*)'/g)].map(
				(m) => `${relative(ROOT, file)} imports ${m[1]}`,
			),
		);
		expect(offenders).toEqual([]);
	});
});
