import { config } from '@n8n/node-cli/eslint';

// n8n's own community-node lint rules (the configuration `n8n-node lint` uses), over the
// shipped code only: nodes/, credentials/ and package.json. Tests and tooling are not shipped.
export default [
	...config,
	{
		ignores: [
			'test/**',
			'emulator/**',
			'scripts/**',
			'bench/**',
			'examples/**',
			'gulpfile.js',
			'index.js',
			'jest.config.js',
			'eslint.config.mjs',
		],
	},
];
