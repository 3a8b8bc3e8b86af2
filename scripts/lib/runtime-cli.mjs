// @ts-check
/** The command line of scripts/n8n-runtime.mjs (its top comment says how to call it). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import {
	LINES,
	NODE_BIN,
	NODE_VERSION,
	REPO,
	RuntimeError,
	n8nBin,
	n8nEnv,
	prepareRuntime,
	runtimeLine,
} from '../n8n-runtime.mjs';
import { PACKAGE_NAME, installPackage } from './package.mjs';

function usage(line) {
	return [
		'',
		`n8n ${line.version} on Node ${NODE_VERSION} is ready in .n8n-runtime/. To run it with this package (after "npm run build"):`,
		'',
		`  eval "$(node scripts/n8n-runtime.mjs --line=${line.name} --env)" && n8n start`,
		'',
		'or one command at a time:',
		'',
		`  node scripts/n8n-runtime.mjs --line=${line.name} n8n start`,
		`  node scripts/n8n-runtime.mjs --line=${line.name} n8n import:workflow --input=examples/<file>.json`,
		'',
		`The packed package is installed into .n8n-data/.n8n/nodes (the README's manual route): node types`,
		`${['bill', 'billTrigger', 'billPollingTrigger', 'billSpend', 'billSpendTrigger'].map((n) => `${PACKAGE_NAME}.${n}`).join(', ')}`,
		'(and the BILL and Spend & Expense nodes as AI tools: billTool, billSpendTool).',
		'Data lives in .n8n-data/ (N8N_USER_FOLDER). "npm start" does all of this for you, with the BILL emulator.',
		'',
	].join('\n');
}

function defaultEnv(line) {
	return n8nEnv({
		userFolder: process.env.N8N_USER_FOLDER ?? join(REPO, '.n8n-data'),
		encryptionKey: process.env.N8N_ENCRYPTION_KEY ?? 'n8n-nodes-billcom-local-demo-key',
		port: Number(process.env.N8N_PORT ?? 5678),
		line: line.name,
	});
}

const EXPORTED = [
	'PATH',
	'N8N_USER_FOLDER',
	'N8N_ENCRYPTION_KEY',
	'N8N_PORT',
	'N8N_RUNNERS_BROKER_PORT',
	'N8N_DIAGNOSTICS_ENABLED',
	'N8N_VERSION_NOTIFICATIONS_ENABLED',
	'N8N_TEMPLATES_ENABLED',
	'N8N_PERSONALIZATION_ENABLED',
	'N8N_HIRING_BANNER_ENABLED',
	'N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS',
];

/**
 * @param {string[]} argv
 */
export async function main(argv) {
	const lineArg = argv.find((a) => a.startsWith('--line='));
	const args = argv.filter((a) => a !== lineArg);
	try {
		if (args[0] === '--all') {
			for (const name of Object.keys(LINES)) prepareRuntime({ line: name });
			return;
		}
		const line = runtimeLine(lineArg?.slice('--line='.length));
		if (args[0] === '--env') {
			prepareRuntime({ quiet: true, line: line.name });
			const env = defaultEnv(line);
			installPackage(env);
			for (const key of EXPORTED) console.log(`export ${key}=${JSON.stringify(env[key])}`);
			console.log(`alias n8n=${JSON.stringify(`${NODE_BIN} ${n8nBin(env)}`)}`);
			return;
		}
		prepareRuntime({ line: line.name });
		if (args[0] === 'n8n') {
			const env = defaultEnv(line);
			installPackage(env);
			const child = spawn(NODE_BIN, [n8nBin(env), ...args.slice(1)], { env, stdio: 'inherit' });
			for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
				process.on(signal, () => child.kill(signal));
			child.on('close', (code) => process.exit(code ?? 1));
			return;
		}
		process.stdout.write(usage(line));
	} catch (error) {
		process.stderr.write(
			`\n[n8n-runtime] ${error instanceof RuntimeError ? error.message : /** @type {Error} */ (error).stack}\n`,
		);
		process.stderr.write(
			'[n8n-runtime] the runtime is not ready; fix the above and run "npm run n8n:runtime" again.\n',
		);
		process.exit(1);
	}
}
