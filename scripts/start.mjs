#!/usr/bin/env node
// @ts-check
/**
 * The main job (run through scripts/start.sh, which installs and builds first): the BILL emulator
 * with demo data, a real n8n 2.x (N8N_LINE=1.x: n8n 1.123) with this package installed as users install it, a BILL credential pointing at the emulator
 * and the example workflows imported; the editor on http://localhost:5678. Ctrl-C stops all.
 * n8n's data stays in .n8n-data/ between starts (the credential and the examples are imported
 * again each time; the emulator starts empty but for its demo vendors).
 */
import { seedDemoStory } from './lib/demo-data.mjs';
import { mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { REPO, RuntimeError, n8nEnv, prepareRuntime, runtimeLine } from './n8n-runtime.mjs';
import { installPackage } from './lib/package.mjs';
import {
	DEMO_OWNER,
	importIntoN8n,
	portInUse,
	restClient,
	startEmulatorProcess,
	startN8nServer,
} from './lib/stack.mjs';

const LINE = process.env.N8N_LINE ?? '2.x';
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const EMULATOR_PORT = Number(process.env.BILL_EMULATOR_PORT ?? 4010);
// n8n 1.x keeps its own data (its database is not 2.x's): .n8n-data/1.x/.
const DATA_DIR = LINE === '2.x' ? join(REPO, '.n8n-data') : join(REPO, '.n8n-data', LINE);
const DATA_SHOWN = DATA_DIR.slice(REPO.length + 1);
// Fixed so that .n8n-data/ stays readable from one start to the next; local demo data only.
const ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY ?? 'n8n-nodes-billcom-local-demo-key';

async function main() {
	prepareRuntime({ line: LINE });
	for (const port of [N8N_PORT, N8N_PORT + 1]) {
		if (await portInUse(port)) {
			throw new RuntimeError(
				`port ${port} is in use (n8n needs ${N8N_PORT} for the editor and ${N8N_PORT + 1} for its task runners). Stop what runs there, or set N8N_PORT.`,
			);
		}
	}
	const emulatorPort = (await portInUse(EMULATOR_PORT)) ? 0 : EMULATOR_PORT;
	const emulator = await startEmulatorProcess({ port: emulatorPort, seed: true });
	// The demo's customers, open invoices and card transactions, so the editor shows what
	// `npm run demo` prints (scripts/lib/demo-data.mjs).
	const story = await seedDemoStory(emulator);
	let server;
	const stopAll = async () => {
		await server?.stop();
		await emulator.stop();
	};
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			console.log('\nStopping n8n and the BILL emulator…');
			void stopAll().then(() => process.exit(0));
		});
	}
	try {
		mkdirSync(DATA_DIR, { recursive: true });
		const env = n8nEnv({
			userFolder: DATA_DIR,
			encryptionKey: ENCRYPTION_KEY,
			port: N8N_PORT,
			brokerPort: N8N_PORT + 1,
			line: LINE,
		});
		// The packed package, installed by the README's route into .n8n-data/.n8n/nodes.
		const installed = installPackage(env);
		console.log(`Installed the packed package (${installed.version}) into ${installed.nodesDir}`);
		const importDir = join(DATA_DIR, 'import');
		await importIntoN8n(env, emulator, importDir);
		rmSync(importDir, { recursive: true, force: true });
		console.log('Starting n8n…');
		const log = join(DATA_DIR, 'n8n.log');
		server = await startN8nServer(env, N8N_PORT, { output: openSync(log, 'a') });
		const owner = await restClient(server.base).ownerSession();
		const f = emulator.fixtures;
		console.log(
			[
				'',
				'──────────────────────────────────────────────────────────────────────',
				` n8n ${runtimeLine(LINE).version} with the BILL nodes is running:  http://localhost:${N8N_PORT}`,
				owner.loggedIn
					? `   log in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}${owner.created ? ' (just created)' : ''}`
					: '   log in with the owner account you created',
				'',
				' Open Overview → the "BILL: …" workflows, then "Execute workflow":',
				'   • vendors from a spreadsheet / bills from a spreadsheet (run twice: nothing twice)',
				'   • unpaid bills due in the next 7 days, digest per vendor',
				'   • record a payment made by check',
				'   • company bank account for all admins   • get the MFA ID (two runs)',
				'   • BILL Trigger → message: publish it, then create bills (e.g. the spreadsheet one)',
				'   • AI agent with BILL tools: add a chat model credential first',
				'',
				` BILL emulator (plays BILL's sandbox): ${emulator.baseUrl}`,
				`   credential "BILL (emulator)": ${f.admin.username}, org ${f.organizationId}, MFA ID set`,
				`   demo data: 4 vendors, ${story.customers} customers with ${story.invoices} open invoices (one overdue), ${story.transactions} card transactions`,
				`   what it holds: ${emulator.url}/__emulator/state/bills (…/vendors, …/bankAccounts, …/stats)`,
				'',
				` n8n's log: ${DATA_SHOWN}/n8n.log.  Ctrl-C stops n8n and the emulator.`,
				'──────────────────────────────────────────────────────────────────────',
			].join('\n'),
		);
		await new Promise((resolveExit) => server.child.once('exit', resolveExit));
		if (!stopping) {
			console.error(`n8n stopped by itself; its log is ${DATA_SHOWN}/n8n.log.`);
			await emulator.stop();
			process.exit(1);
		}
	} catch (error) {
		await stopAll();
		throw error;
	}
}

main().catch((error) => {
	console.error(`\nstart failed: ${error instanceof RuntimeError ? error.message : error.stack}`);
	process.exit(1);
});
