// @ts-check
/**
 * What scripts/n8n-runtime.mjs prepares and where: the Node version, the n8n lines we test, and
 * the folders under `.n8n-runtime/` (that script re-exports all of it).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';

/** A failed step: what failed, why, and what to do; the CLI prints it and exits 1. */
export class RuntimeError extends Error {}

/** The n8n lines we test; the first is the default. `dir` under .n8n-runtime/; `ready` its ready file. */
export const LINES = {
	// `size`: its folder on disk once installed (du -sh), for the message while it installs.
	'2.x': { name: '2.x', version: '2.41.1', dir: 'n8n', ready: 'ready.json', size: '2.8 GB' },
	'1.x': {
		name: '1.x',
		version: '1.123.81',
		size: '1.8 GB',
		dir: 'n8n-1',
		ready: 'ready-1.x.json',
		// n8n-nodes-base 1.x names xlsx as a tarball on cdn.sheetjs.com; the registry's last xlsx.
		overrides: { xlsx: '0.18.5' },
		// What n8n 1.x asks of every install (its start-up warns without it; 2.x has it on by
		// default). Without it, 1.123 runs the Code node in-process and its items reach the
		// default expression engine (isolated-vm) as proxies it cannot copy: `$('Code').item.json.x`
		// then reads null in any later node, n8n's own Set node included (README → Compatibility).
		// The task runner may take more than n8n's 60 s to take a Code node's first task on a busy
		// machine (seen in the tests: "Task request timed out after 60 seconds").
		env: { N8N_RUNNERS_ENABLED: 'true', N8N_RUNNERS_TASK_REQUEST_TIMEOUT: '240' },
	},
};
export const DEFAULT_LINE = '2.x';
export const N8N_VERSION = LINES[DEFAULT_LINE].version;

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RUNTIME_DIR = join(REPO, '.n8n-runtime');
export const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
export const NODE_DIR = join(RUNTIME_DIR, 'node');
export const NODE_HOME = join(NODE_DIR, 'node_modules', NODE_PACKAGE);
export const NODE_BIN = join(NODE_HOME, 'bin', 'node');
