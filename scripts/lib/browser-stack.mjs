// @ts-check
/**
 * The stack the browser tests and `npm run screenshots` drive: what `npm start` runs (the BILL
 * emulator with demo data, n8n with our nodes, the BILL credential and the example workflows
 * imported, the demo owner), built from the same functions (scripts/lib/stack.mjs), but on free
 * ports and in a throw-away user folder, with n8n's log in a file the tests read.
 *
 *   node scripts/lib/browser-stack.mjs     starts it and waits (for writing tests: prints the URLs)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { n8nEnv, prepareRuntime } from '../n8n-runtime.mjs';
import { installPackage } from './package.mjs';
import {
	DEMO_OWNER,
	freePort,
	importIntoN8n,
	restClient,
	startEmulatorProcess,
	startN8nServer,
} from './stack.mjs';

/** Starts emulator + n8n; resolves with { emulator, server, base, env, rest, logFile, log(), stop() }. */
export async function startStack() {
	prepareRuntime({ quiet: true });
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-browser-'));
	let server;
	try {
		const port = await freePort();
		const env = n8nEnv({
			userFolder: workdir,
			encryptionKey: randomBytes(24).toString('hex'),
			port,
			brokerPort: await freePort(),
			// The trigger's webhook URL must be one BILL (the emulator) can reach.
			extra: { WEBHOOK_URL: `http://127.0.0.1:${port}/` },
		});
		installPackage(env);
		await importIntoN8n(env, emulator, join(workdir, 'import'));
		rmSync(join(workdir, 'import'), { recursive: true, force: true });
		const logFile = join(workdir, 'n8n.log');
		server = await startN8nServer(env, port, { output: openSync(logFile, 'a') });
		const rest = restClient(server.base);
		const owner = await rest.ownerSession();
		if (!owner.loggedIn) throw new Error('could not log in to n8n as the demo owner');
		return {
			emulator,
			server,
			base: server.base,
			env,
			rest,
			owner: DEMO_OWNER,
			logFile,
			log: () => readFileSync(logFile, 'utf8'),
			async stop() {
				await server.stop();
				await emulator.stop();
				rmSync(workdir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await server?.stop();
		await emulator.stop();
		rmSync(workdir, { recursive: true, force: true });
		throw error;
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const stack = await startStack();
	console.log(
		JSON.stringify({ n8n: stack.base, emulator: stack.emulator.baseUrl, log: stack.logFile }),
	);
	const stop = () => void stack.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
