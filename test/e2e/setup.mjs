// @ts-check
/**
 * The set-up every run of run.mjs starts with (also under --examples): our package installed as
 * users install it, n8n loading our nodes, the examples checked and imported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runN8n } from '../../scripts/n8n-runtime.mjs';
import { installPackage } from '../../scripts/lib/package.mjs';
import { CREDENTIAL, exampleWorkflows, importIntoN8n } from '../../scripts/lib/stack.mjs';
import { check, equal } from '../../scripts/lib/testkit.mjs';
import { SPEND_CREDENTIAL } from '../../scripts/lib/spend.mjs';
import { PARTNER_CREDENTIAL } from './context.mjs';

/**
 * The package, n8n's node types, the examples' ids and types, the import.
 * @param {import('./context.mjs').E2EContext} ctx
 */
export async function setupTests(ctx) {
	const { test, env, emulator, workdir, triggerBuilt } = ctx;
	/** @type {Set<string>} */
	let knownTypes = new Set();
	await test("the packed package installed as users install it: npm install --omit=peer <tarball> in the n8n user folder's .n8n/nodes", () => {
		const { nodesDir, version } = installPackage(env);
		return `n8n-nodes-billcom ${version} in ${nodesDir}`;
	});
	await test('n8n loads our nodes: export:nodes lists n8n-nodes-billcom.bill (and n8n-nodes-billcom.billTrigger when built) with their credentials', async () => {
		const file = join(workdir, 'nodes.json');
		const result = await runN8n(['export:nodes', `--output=${file}`], env);
		check(
			result.code === 0,
			`export:nodes exited with ${result.code}: ${result.stderr.slice(-1500)}`,
		);
		const types = JSON.parse(readFileSync(file, 'utf8'));
		const bill = types.find((t) => t.name === 'n8n-nodes-billcom.bill');
		check(bill, `n8n-nodes-billcom.bill not among the ${types.length} node types n8n exported`);
		const credentials = (bill.credentials ?? []).map((c) => c.name).sort();
		equal(
			credentials,
			['billApi', 'billConsoleApi', 'billOAuthApi', 'billPartnerApi'],
			'credentials of n8n-nodes-billcom.bill',
		);
		check(
			bill.usableAsTool === true || types.some((t) => t.name === 'n8n-nodes-billcom.billTool'),
			'n8n-nodes-billcom.bill is not usable as an AI tool',
		);
		const spend = types.find((t) => t.name === 'n8n-nodes-billcom.billSpend');
		check(spend, 'n8n-nodes-billcom.billSpend (BILL Spend & Expense) not exported');
		equal(
			(spend.credentials ?? []).map((c) => c.name),
			['billSpendApi', 'billOAuthApi'],
			'credentials of n8n-nodes-billcom.billSpend',
		);
		check(
			spend.usableAsTool === true ||
				types.some((t) => t.name === 'n8n-nodes-billcom.billSpendTool'),
			'n8n-nodes-billcom.billSpend is not usable as an AI tool',
		);
		check(
			types.some((t) => t.name === 'n8n-nodes-billcom.billSpendTrigger'),
			'n8n-nodes-billcom.billSpendTrigger (BILL Spend & Expense Trigger) not exported',
		);
		const expectTrigger = triggerBuilt;
		if (expectTrigger)
			check(
				types.some((t) => t.name === 'n8n-nodes-billcom.billTrigger'),
				'n8n-nodes-billcom.billTrigger not exported although it is built',
			);
		const loadErrors = `${result.stdout}\n${result.stderr}`
			.split('\n')
			.filter((line) => /error/i.test(line) && /bill|custom/i.test(line));
		check(!loadErrors.length, `n8n reported load errors:\n${loadErrors.join('\n')}`);
		knownTypes = new Set(types.map((t) => t.name));
		return `${types.length} node types; n8n-nodes-billcom.bill, n8n-nodes-billcom.billSpend${expectTrigger ? ' and n8n-nodes-billcom.billTrigger' : ' (BILL Trigger not built on this branch)'}`;
	});

	await test('examples: ids n8n accepts, every node type one n8n knows (our nodes included), every BILL node names the credential', async () => {
		check(knownTypes.size > 0, 'export:nodes gave no node types');
		const problems = [];
		const notBuilt = new Set();
		for (const { file, json } of exampleWorkflows()) {
			// n8n saves a workflow's static data (a trigger's subscription and signing key, the
			// polling trigger's position) only for ids it deems valid: 1 to 16 characters in 1.x
			// (isWorkflowIdValid in n8n 1.123's utils), 1 to 21 in 2.x. A longer id loses it silently.
			if (typeof json.id !== 'string' || !/^[A-Za-z0-9]{1,16}$/.test(json.id))
				problems.push(`${file}: id "${json.id}" is not 1 to 16 letters and digits`);
			for (const node of json.nodes) {
				if (node.type === 'n8n-nodes-billcom.billTrigger' && !triggerBuilt) notBuilt.add(file);
				else if (!knownTypes.has(node.type))
					problems.push(`${file}: "${node.name}" has unknown type ${node.type}`);
				if (node.type === 'n8n-nodes-billcom.billSpend') {
					if (
						node.credentials?.billSpendApi?.id !== SPEND_CREDENTIAL.id &&
						!node.credentials?.billOAuthApi
					)
						problems.push(`${file}: "${node.name}" does not use ${SPEND_CREDENTIAL.name}`);
				} else if (
					node.type.startsWith('n8n-nodes-billcom.bill') &&
					node.credentials?.billApi?.id !== CREDENTIAL.id &&
					node.credentials?.billPartnerApi?.id !== PARTNER_CREDENTIAL.id &&
					!node.credentials?.billOAuthApi
				) {
					problems.push(`${file}: "${node.name}" does not use the credential ${CREDENTIAL.name}`);
				}
			}
		}
		check(!problems.length, problems.join('\n'));
		if (notBuilt.size)
			return `BILL Trigger not built here: not checked in ${[...notBuilt].join(', ')}`;
	});

	await test('import: the BILL credential and every example workflow', async () => {
		await importIntoN8n(env, emulator, workdir);
		const listed = await runN8n(['list:workflow', '--onlyId'], env);
		const ids = new Set(listed.stdout.split('\n').map((l) => l.trim()));
		const missing = exampleWorkflows()
			.filter((w) => !ids.has(w.id))
			.map((w) => w.file);
		check(!missing.length, `not imported: ${missing.join(', ')}`);
		return `${exampleWorkflows().length} workflows`;
	});
}
