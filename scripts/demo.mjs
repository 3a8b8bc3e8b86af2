#!/usr/bin/env node
/**
 * `npm run demo`: the main job without the editor. Builds the package, prepares n8n (cached in
 * .n8n-runtime/), starts the BILL emulator with demo vendors, imports the BILL credential and the
 * example workflows into a throw-away n8n, runs them with `n8n execute` and prints what each did.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

import { REPO, RuntimeError, n8nEnv, prepareRuntime } from './n8n-runtime.mjs';
import { EXAMPLES, notRunnable } from './lib/examples.mjs';
import {
	executeWorkflow,
	freePort,
	importIntoN8n,
	runFailure,
	startEmulatorProcess,
} from './lib/stack.mjs';

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
const step = (text) => console.log(`\n▸ ${text}`);

function npm(args, what) {
	const result = spawnSync('npm', args, {
		cwd: REPO,
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	if (result.status !== 0)
		throw new RuntimeError(
			`${what} failed (npm ${args.join(' ')}):\n${result.stdout.slice(-2000)}`,
		);
}

async function main() {
	if (!existsSync(join(REPO, 'node_modules'))) {
		step('npm ci (first run)');
		npm(['ci', '--no-audit', '--no-fund'], 'Installing the dev dependencies');
	}
	step('build');
	npm(['run', 'build'], 'Building the package');
	step('n8n runtime');
	prepareRuntime();
	const setUpDone = Date.now();

	step('BILL emulator with demo data');
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	console.log(`  ${emulator.baseUrl}`);
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-demo-'));
	try {
		const env = n8nEnv({
			userFolder: workdir,
			encryptionKey: randomBytes(24).toString('hex'),
			port: await freePort(),
			brokerPort: await freePort(),
		});
		step('import the BILL credential and the example workflows into n8n');
		await importIntoN8n(env, emulator, workdir);

		step('run the examples with n8n execute');
		let failures = 0;
		for (const example of EXAMPLES) {
			if (example.manual) {
				console.log(
					`  – ${example.title}: imported, not run here: ${example.manual} (try it in the editor: npm start)`,
				);
				continue;
			}
			const why = notRunnable(example, emulator);
			if (why) {
				console.log(`  – ${example.title}: skipped, ${why}`);
				continue;
			}
			const result = await executeWorkflow(env, example.id);
			if (!result.ok) {
				failures++;
				console.log(`  ✗ ${example.title}: ${runFailure(result)}`);
				continue;
			}
			console.log(`  ✓ ${example.title}\n      ${example.summary(result.run)}`);
		}
		const stats = await emulator.control('GET', '/stats');
		step('what BILL (the emulator) saw');
		console.log(
			`  ${stats.total} requests, ${stats.logins} login(s): ${JSON.stringify(stats.requests)}`,
		);
		console.log(
			`  now holds ${stats.counts.vendors} vendors, ${stats.counts.bills} bills, ${stats.counts.bankAccounts} bank accounts`,
		);
		console.log(
			`\nDone in ${seconds()} (${Math.round((Date.now() - setUpDone) / 1000)} s after set-up). "npm start" opens the same in the n8n editor.`,
		);
		if (failures) process.exitCode = 1;
	} finally {
		await emulator.stop();
		rmSync(workdir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(`\ndemo failed: ${error instanceof RuntimeError ? error.message : error.stack}`);
	process.exit(1);
});
