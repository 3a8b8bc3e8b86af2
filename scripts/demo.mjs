#!/usr/bin/env node
// @ts-check
/**
 * `npm run demo`: the main job without the editor. Builds the package, prepares n8n (cached in
 * .n8n-runtime/), starts the BILL emulator with demo vendors, imports the BILL credential and the
 * example workflows into a throw-away n8n, runs them with `n8n execute` and prints what each did.
 * Where an example needs a person, the demo plays that person (SPECIAL below): it reads the texted
 * MFA code, approves bills in BILL before the payment run, and creates a bill in BILL while the
 * trigger's workflow is active in `n8n start`, and submits expenses in BILL Spend & Expense before
 * the approval run; it connects an MCP client to the MCP server (09), pays an invoice in BILL
 * while the invoice trigger listens (12), and seeds a partner's client organizations (16)
 * (scripts/lib/demo-live.mjs). Every example is run. The AI agent (06) gets a scripted stand-in for its chat model
 * (scripts/lib/bills-assistant.mjs, as in the end-to-end tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

import { REPO, RuntimeError, n8nEnv, prepareRuntime } from './n8n-runtime.mjs';
import { installPackage } from './lib/package.mjs';
import { EXAMPLES, notRunnable } from './lib/examples.mjs';
import {
	exampleWorkflow,
	exampleWorkflows,
	executeWorkflow,
	freePort,
	importCredentials,
	importIntoN8n,
	importWorkflow,
	nodeOutput,
	restClient,
	runFailure,
	startEmulatorProcess,
	startN8nServer,
} from './lib/stack.mjs';
import {
	approveInBill,
	createBillInBill,
	people,
	submitReimbursements,
	waitFor,
	waitForExecution,
} from './lib/live.mjs';
import { startStubOpenAi } from './lib/stub-openai.mjs';
import { invoicePaidExample, mcpServerExample, partnerNightlyExample } from './lib/demo-live.mjs';
import {
	billsAssistantScript,
	owedInEmulator,
	stubCredential,
	toolCalls,
	withStubModel,
} from './lib/bills-assistant.mjs';

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

const money = (n) => `$${Number(n ?? 0).toFixed(2)}`;
const indent = (text) => String(text).replace(/\n/g, '\n      ');

async function runOk(env, id) {
	const result = await executeWorkflow(env, id);
	if (!result.ok) throw new Error(runFailure(result));
	return result.run;
}

/**
 * The examples that need something between or around their runs, and what the demo does there in
 * place of the person: read the texted MFA code, approve bills in BILL, create a bill in BILL
 * while n8n listens. Each resolves with the lines to print.
 */
const SPECIAL = {
	billcomMcpServer: mcpServerExample,
	billcomPaidHook: invoicePaidExample,
	billcomPartner: partnerNightlyExample,
	// Two runs with the texted code in between (the emulator shows what it texted).
	async billcomMfaSetup({ env, emulator, workdir }) {
		const first = await runOk(env, 'billcomMfaSetup');
		const [sent] = nodeOutput(first, '1. Send the challenge') ?? [];
		if (!sent?.challengeId) throw new Error('run 1 gave no challengeId');
		const sms = await emulator.control('GET', '/sms');
		const code = sms.at(-1)?.token;
		if (!code) throw new Error('BILL (the emulator) texted no code');
		const workflow = structuredClone(exampleWorkflow('billcomMfaSetup').json);
		const settings = workflow.nodes.find((n) => n.name === 'Settings').parameters.assignments
			.assignments;
		settings.find((a) => a.name === 'challengeId').value = sent.challengeId;
		settings.find((a) => a.name === 'smsCode').value = code;
		await importWorkflow(env, workflow, workdir);
		const second = await runOk(env, 'billcomMfaSetup');
		const [validated] = nodeOutput(second, '2. Validate the code') ?? [];
		if (!validated?.mfaId) throw new Error('run 2 gave no MFA ID');
		return [
			`run 1: challenge ${sent.challengeId} sent; BILL texted the code ${code} to the MFA phone`,
			`run 2 (the code pasted into Settings): an MFA ID for "${validated.deviceName}", valid until ${validated.mfaIdExpiresOn}; session MFA-trusted: ${validated.mfaTrusted} (the ID itself is a secret: not printed)`,
		];
	},

	// Bills are paid only once approved: an approver approves all but one of this week's bills in
	// BILL first, so the run shows both what it pays and what it leaves.
	async billcomPayDue({ env, emulator }) {
		const dueBy = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		const due = (await emulator.control('GET', '/state/bills'))
			.filter(
				(b) =>
					!b.archived &&
					['UNPAID', 'PARTIAL'].includes(b.paymentStatus) &&
					b.dueDate <= dueBy &&
					b.approvalStatus !== 'APPROVED',
			)
			.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
		const approve = due.slice(0, Math.max(due.length - 1, 0));
		const waiting = due.slice(approve.length);
		await approveInBill(
			emulator,
			approve.map((b) => b.id),
		);
		const describe = (b) =>
			`${b.invoice?.invoiceNumber ?? b.id} ${money(b.dueAmount ?? b.amount)} due ${b.dueDate}`;
		const run = await runOk(env, 'billcomPayDue');
		const [paid] = nodeOutput(run, 'What was paid') ?? [];
		const invoices = new Map(due.map((b) => [b.id, b.invoice?.invoiceNumber]));
		const text = String(paid?.text ?? 'nothing paid').replace(
			/• (\S+):/g,
			(all, id) => `• ${invoices.get(id) ?? id}:`,
		);
		return [
			`in BILL, an approver approved ${approve.length} of the ${due.length} bills due by ${dueBy}: ${approve.map(describe).join(', ') || 'none'}`,
			indent(text),
			`left unpaid, waiting for approval: ${waiting.map(describe).join(', ') || 'none'}`,
		];
	},

	// The AI agent with its OpenAI Chat Model pointed at a scripted OpenAI-compatible stand-in
	// (what a real model does with the example's question, without a model service): the tools it
	// called, with the arguments n8n ran them with, and its answer next to what BILL holds.
	async billcomAiAgent({ env, emulator, workdir }) {
		const example = exampleWorkflow('billcomAiAgent');
		const question = example.json.nodes.find((n) => n.name === 'Question').parameters.assignments
			.assignments[0].value;
		const seen = {};
		const stub = await startStubOpenAi({ script: billsAssistantScript(seen) });
		try {
			await importCredentials(env, [stubCredential(stub.baseUrl)], workdir);
			await importWorkflow(env, withStubModel(example.json), workdir);
			const result = await executeWorkflow(env, example.id);
			const refused = stub.failures.length
				? ` (the scripted model: ${stub.failures.join('; ')})`
				: '';
			if (!result.ok) throw new Error(`${runFailure(result)}${refused}`);
			if (refused) throw new Error(refused);
			const calls = toolCalls(result.run, ['Vendors', 'Unpaid bills']);
			const [answer] = nodeOutput(result.run, 'AI Agent') ?? [];
			const owed = await owedInEmulator(emulator, seen.vendorId);
			if (!String(answer?.output).includes(money(owed.total)))
				throw new Error(
					`the answer "${answer?.output}" does not hold ${money(owed.total)}, what BILL (the emulator) holds`,
				);
			const said = (call) => {
				if (call.tool === 'Vendors')
					return call.items.map((v) => `${v.name} (${v.id})`).join(', ') || 'no vendor';
				const due = call.items.reduce((sum, b) => sum + Number(b.dueAmount ?? b.amount), 0);
				const list = call.items.map(
					(b) => `${b.invoiceNumber} ${money(b.dueAmount ?? b.amount)} due ${b.dueDate}`,
				);
				return `${call.items.length} bill(s), ${money(due)} due: ${list.join(', ') || 'none'}`;
			};
			return [
				`asked: "${question}" (chat model: a scripted OpenAI-compatible stand-in; ${stub.requests.length} completions)`,
				...calls.map(
					(call, i) => `tool ${i + 1}: ${call.tool} ${JSON.stringify(call.input)} → ${said(call)}`,
				),
				`answer: "${answer.output}"`,
				`BILL (the emulator) holds ${money(owed.total)} unpaid in ${owed.bills.length} bill(s) of that vendor: the answer agrees (with your own model: your OpenAI credential in "OpenAI Chat Model")`,
			];
		} finally {
			await stub.stop();
		}
	},

	// A card holder submits four expenses in BILL Spend & Expense first: two within the $100
	// limit (approved by the run), two over it (left for a person).
	async billcomReimburse({ env, emulator }, example) {
		const submitted = await submitReimbursements(emulator, [24.5, 100, 100.01, 480]);
		const run = await runOk(env, 'billcomReimburse');
		return [
			`in BILL Spend & Expense, a card holder submitted ${submitted.length} reimbursements: ${submitted.map((r) => money(r.amount)).join(', ')}`,
			example.summary(run),
		];
	},

	// The trigger in a running n8n: activated (a BILL webhook subscription), a bill created in
	// BILL, the execution it started, then deactivated (the subscription removed).
	async billcomNewBill({ env, emulator }) {
		const port = Number(env.N8N_PORT);
		const server = await startN8nServer({ ...env, WEBHOOK_URL: `http://127.0.0.1:${port}/` }, port);
		try {
			const rest = restClient(server.base);
			if (!(await rest.ownerSession()).loggedIn) throw new Error('could not log in to n8n');
			const id = 'billcomNewBill';
			await rest.activate(id);
			const mine = () =>
				emulator
					.control('GET', '/state/subscriptions')
					.then((list) =>
						list.filter((s) => String(s.notificationUrl).startsWith(`http://127.0.0.1:${port}/`)),
					);
			const [subscription] = await waitFor(mine, (l) => l.length > 0, 'the BILL subscription');
			const bill = await createBillInBill(emulator, {
				invoiceNumber: `DEMO-${new Date().toISOString().slice(0, 10)}`,
				amount: 1250,
				description: 'Created in BILL while the trigger listens',
			});
			const execution = await waitForExecution(rest, id);
			const [message] = execution.output['Message for Slack'] ?? [];
			await rest.deactivate(id);
			await waitFor(mine, (l) => l.length === 0, 'the subscription removed');
			return [
				`activated: BILL webhook subscription ${subscription.id} for ${subscription.events.map((e) => e.type ?? e).join(', ')}`,
				`a bill created in BILL (${bill.invoice.invoiceNumber}, ${money(bill.amount)}) ran the workflow (${execution.status}): "${message?.text}"`,
				'deactivated: the subscription is gone from BILL',
			];
		} finally {
			await server.stop();
		}
	},
};

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
	// BILL Spend & Expense: 300 more card transactions over the last 90 days (the Spend examples).
	const spend = await emulator.control('POST', '/spend/seed', { transactions: 300 });
	console.log(`  ${emulator.baseUrl} (Spend & Expense: ${spend.transactions} card transactions)`);
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-demo-'));
	try {
		const env = n8nEnv({
			userFolder: workdir,
			encryptionKey: randomBytes(24).toString('hex'),
			port: await freePort(),
			brokerPort: await freePort(),
		});
		step(
			'install the packed package as users do (README: npm install --omit=peer in ~/.n8n/nodes)',
		);
		const installed = installPackage(env);
		console.log(`  n8n-nodes-billcom ${installed.version} in ${installed.nodesDir}`);
		step('import the BILL credential and the example workflows into n8n');
		await importIntoN8n(env, emulator, workdir);

		step('run the examples with n8n execute');
		let failures = 0;
		const ctx = { env, emulator, workdir };
		for (const example of EXAMPLES) {
			const special = SPECIAL[example.id];
			if (special && !notRunnable(example, emulator)) {
				try {
					const lines = await special(ctx, example);
					console.log(`  ✓ ${example.title}\n      ${lines.join('\n      ')}`);
				} catch (error) {
					failures++;
					console.log(`  ✗ ${example.title}: ${/** @type {Error} */ (error).message}`);
				}
				continue;
			}
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
			console.log(`  ✓ ${example.title}\n      ${example.summary?.(result.run) ?? ''}`);
		}
		// Examples the demo has no entry for (scripts/lib/examples.mjs): imported, and said so.
		const known = new Set(EXAMPLES.map((e) => e.id));
		for (const { file, name } of exampleWorkflows().filter((w) => !known.has(w.id)))
			console.log(
				`  – ${name} (${file}): imported, not run by the demo (try it in the editor: npm start)`,
			);
		const stats = await emulator.control('GET', '/stats');
		step('what BILL (the emulator) saw');
		console.log(
			`  ${stats.total} requests, ${stats.logins} login(s) (n8n: ${stats.logins - people.logins}; people working in BILL: ${people.logins}): ${JSON.stringify(stats.requests)}`,
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
