#!/usr/bin/env node
/**
 * End-to-end tests in a real n8n of one line (scripts/n8n-runtime.mjs prepares it, cached in
 * .n8n-runtime/): `--line=2.x` (default, n8n 2.41.1) or `--line=1.x` (n8n 1.123), or N8N_LINE.
 * Our package as users install it (scripts/lib/package.mjs: the packed tarball, `npm install
 * --omit=peer` in the user folder's .n8n/nodes), the BILL emulator as BILL, the
 * example workflows imported and run with `n8n execute`. Each test checks what n8n printed AND
 * what the emulator holds afterwards (its control API). An example whose node resources or
 * emulator routes are not there yet is reported as pending, with the reason.
 * Writes .test-results/e2e.json (2.x) or .test-results/e2e-1.x.json; exits 1 when a test failed or
 * the runtime could not be prepared. A new file of tests: a function like receivablesTests(ctx),
 * called from main() below with the context it needs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	DEFAULT_LINE,
	REPO,
	n8nEnv,
	prepareRuntime,
	runN8n,
	runtimeLine,
} from '../../scripts/n8n-runtime.mjs';
import { installPackage } from '../../scripts/lib/package.mjs';
import { EXAMPLES, notRunnable } from '../../scripts/lib/examples.mjs';
import {
	CREDENTIAL,
	emulatorCredential,
	executeWorkflow,
	exampleWorkflows,
	freePort,
	importIntoN8n,
	importWorkflow,
	importCredentials,
	nodeOutput,
	partnerEmulatorCredential,
	restClient,
	runFailure,
	startEmulatorProcess,
	startN8nServer,
} from '../../scripts/lib/stack.mjs';
import { cents, check, equal, suite } from '../../scripts/lib/testkit.mjs';
import { SPEND_CREDENTIAL } from '../../scripts/lib/spend.mjs';
import { spendExamples, spendTriggerTests } from './spend.mjs';
import { agentTests } from './agents.mjs';
import { httpRequestTests } from './http-request.mjs';
import { oauthTests } from './oauth.mjs';
import { uxTests } from './ux.mjs';
import { receivablesTests } from './receivables.mjs';
import { payablesTests } from './payables.mjs';
import { operationsTests } from './operations.mjs';
import { rerunTests } from './rerun.mjs';
import { chargeTests } from './charge.mjs';

const LINE = runtimeLine(
	process.argv.find((a) => a.startsWith('--line='))?.slice('--line='.length) ??
		process.env.N8N_LINE ??
		DEFAULT_LINE,
);
const N8N_VERSION = LINE.version;
const results = suite(LINE.name === DEFAULT_LINE ? 'e2e' : `e2e-${LINE.name}`);
const { record, writeResults } = results;
/**
 * `--examples` (or E2E_SCOPE=examples): the set-up, then only the tests of example workflows
 * ("example NN: …", each example's run under `n8n execute` and the triggers in `n8n start`);
 * scripts/test.sh runs the second n8n line this way. Without it: everything.
 */
const EXAMPLES_ONLY = process.argv.includes('--examples') || process.env.E2E_SCOPE === 'examples';
const SET_UP =
	/^(runtime:|the packed package|n8n loads our nodes|examples:|import:|example \d+|HTTP Request node with the BILL API credential \(example)/;
const test = (name, fn) =>
	EXAMPLES_ONLY && !SET_UP.test(name) ? Promise.resolve() : results.test(name, fn);
/**
 * Examples that do not pass on another n8n line yet, with what was seen: recorded as pending (and
 * counted in the tally), never as passed. Each is an open item of issue 32; README → Compatibility
 * says the same to users.
 */
const NOT_YET_ON_LINE = {
	// Examples 07 and 12 (the BILL Trigger) and 21 pass on 1.x since issue 32: the examples' IDs have
	// at most 16 characters (n8n 1.x saves no static data for longer ones), and BILL's error array is
	// read from the full response (n8n 1.x's NodeApiError drops it).
	'1.x': {},
};
const PARTNER_CREDENTIAL = { id: 'billEmulatorPartner', name: 'BILL Partner (emulator)' };

const key = (name) =>
	String(name ?? '')
		.trim()
		.toLowerCase();
const byName = (list) => new Map(list.map((v) => [key(v.name), v]));

/** Creates a bill straight in the emulator, as someone working in BILL would (its own login). */
async function createBillInBill(emulator, invoiceNumber) {
	const f = emulator.fixtures;
	const post = async (path, body, headers = {}) => {
		const response = await fetch(`${emulator.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body),
		});
		const json = await response.json();
		if (!response.ok) throw new Error(`BILL ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
	const { sessionId } = await post('/v3/login', {
		username: f.admin.username,
		password: f.admin.password,
		organizationId: f.organizationId,
		devKey: f.devKey,
	});
	const vendor = (await emulator.control('GET', '/state/vendors'))[0];
	const today = new Date().toISOString().slice(0, 10);
	return await post(
		'/v3/bills',
		{
			vendorId: vendor.id,
			invoice: { invoiceNumber, invoiceDate: today },
			dueDate: today,
			billLineItems: [{ amount: 42.5, description: 'e2e trigger test' }],
		},
		{ devKey: f.devKey, sessionId },
	);
}

/** Polls `read` until `done(value)` (up to 30 s); returns the value, or fails naming what it waited for. */
async function waitFor(read, done, what) {
	const deadline = Date.now() + 30_000;
	let value;
	while (Date.now() < deadline) {
		value = await read();
		if (done(value)) return value;
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
	throw new Error(`waited 30 s for ${what}; last seen: ${JSON.stringify(value).slice(0, 500)}`);
}

/**
 * Waits (up to a minute) for a finished execution of a workflow, other than those in `skip`;
 * returns its id, status and output per node.
 */
async function waitForExecution(rest, workflowId, { skip = new Set() } = {}) {
	const flatted = createRequire(join(LINE.n8nPackage, 'package.json'))('flatted');
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		const list = await rest.call(
			'GET',
			`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
		);
		const done = (list?.results ?? []).find(
			(e) => e.status && !['new', 'running', 'waiting'].includes(e.status) && !skip.has(e.id),
		);
		if (done) {
			const full = await rest.call('GET', `/executions/${done.id}`);
			const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
			const output = Object.fromEntries(
				Object.entries(data?.resultData?.runData ?? {}).map(([node, runs]) => [
					node,
					(runs.at(-1)?.data?.main?.[0] ?? []).map((i) => i.json),
				]),
			);
			return { id: done.id, status: full.status ?? done.status, output };
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
	}
	throw new Error(`no finished execution of ${workflowId} within 60 s`);
}

/** Runs an example and fails with n8n's own message when the run did not succeed. */
async function runOk(env, id) {
	const result = await executeWorkflow(env, id);
	check(result.ok, `workflow ${id} did not succeed: ${runFailure(result)}`);
	return result.run;
}

async function main() {
	console.log(
		`End-to-end tests in a real n8n ${N8N_VERSION}${EXAMPLES_ONLY ? ': the example workflows' : ''}`,
	);

	// 1. The runtime. No runtime, no tests: that is a failure, never a silent skip.
	let runtimeReady = false;
	await test(`runtime: n8n ${N8N_VERSION} on Node 24 prepared in .n8n-runtime/`, () => {
		const runtime = prepareRuntime({ line: LINE.name });
		runtimeReady = true;
		return `n8n ${runtime.n8nVersion}, Node ${runtime.nodeVersion}`;
	});
	if (!runtimeReady) return;

	if (!existsSync(join(REPO, 'dist', 'nodes', 'Bill', 'Bill.node.js'))) {
		const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
		if (build.status !== 0)
			return record('build the package', 'failed', `npm run build exited with ${build.status}`);
	}

	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	// BILL_EMULATOR_READINGS=keyHeaders=strict,paymentFilters=strict,... runs everything with the
	// emulator playing other readings where BILL's documents are silent (emulator/readings.ts).
	const readings = Object.fromEntries(
		String(process.env.BILL_EMULATOR_READINGS ?? '')
			.split(',')
			.filter(Boolean)
			.map((pair) => pair.trim().split('=')),
	);
	if (Object.keys(readings).length) {
		const played = await emulator.control('POST', '/options', { readings });
		console.log(`Emulator readings: ${JSON.stringify(played.readings)}`);
	}
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-e2e-'));
	const n8nPort = await freePort();
	const env = n8nEnv({
		userFolder: workdir,
		encryptionKey: randomBytes(24).toString('hex'),
		port: n8nPort,
		brokerPort: await freePort(),
		line: LINE.name,
	});
	const stats = () => emulator.control('GET', '/stats');
	const state = (collection) => emulator.control('GET', `/state/${collection}`);
	const requests = async (route) => (await stats()).requests[route] ?? 0;
	let knownTypes = new Set();
	const triggerBuilt = existsSync(
		join(REPO, 'dist', 'nodes', 'BillTrigger', 'BillTrigger.node.js'),
	);
	const pendingOr = (example) =>
		(LINE.name !== DEFAULT_LINE && NOT_YET_ON_LINE[LINE.name]?.[example]) ||
		notRunnable(
			EXAMPLES.find((e) => e.id === example),
			emulator,
		);

	try {
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

		// 2. USERS.md job 1, first half: vendors matched by name or created once.
		const vendorsWhy = pendingOr('billcomVendors');
		if (vendorsWhy) record('example 00: vendors matched or created', 'pending', vendorsWhy);
		else {
			await test('example 00: each row gets its vendor; only the vendor BILL lacks is created', async () => {
				const before = byName(await state('vendors'));
				const run = await runOk(env, 'billcomVendors');
				const rows = nodeOutput(run, 'Invoice rows');
				const after = byName(await state('vendors'));
				const expectedNew = [...new Set(rows.map((r) => key(r.vendor)))].filter(
					(k) => !before.has(k),
				);
				check(
					expectedNew.length > 0,
					'the example rows should name at least one vendor the seed data lacks',
				);
				equal(
					[...after.keys()].filter((k) => !before.has(k)).sort(),
					expectedNew.sort(),
					'vendors created in the emulator',
				);
				const matched = nodeOutput(run, 'Match rows to vendors');
				equal(matched.length, rows.length, 'rows out of "Match rows to vendors"');
				for (const row of matched)
					equal(
						row.vendorId,
						after.get(key(row.vendor))?.id,
						`vendor id of invoice ${row.invoiceNumber}`,
					);
				return `created ${expectedNew.map((k) => after.get(k).name).join(', ')}; ${matched.length} rows matched`;
			});
			await test('example 00: run again: no vendor created twice', async () => {
				const vendorsBefore = (await state('vendors')).length;
				const createsBefore = await requests('POST /v3/vendors');
				const run = await runOk(env, 'billcomVendors');
				equal((await state('vendors')).length, vendorsBefore, 'vendors in the emulator');
				equal(await requests('POST /v3/vendors'), createsBefore, 'POST /v3/vendors requests');
				equal(
					nodeOutput(run, 'Create missing vendors'),
					undefined,
					'output of "Create missing vendors"',
				);
			});
		}

		// 3. USERS.md job 1: bills in bulk, nothing twice.
		const billsWhy = pendingOr('billcomBillRows');
		if (billsWhy) record('example 01: bills from a spreadsheet, created once', 'pending', billsWhy);
		else {
			await test('example 01: bills from a spreadsheet: one bill per row, with its vendor and invoice number, in one bulk request', async () => {
				const bulkBefore = await requests('POST /v3/bills/bulk');
				const run = await runOk(env, 'billcomBillRows');
				const rows = nodeOutput(run, 'Match rows to vendors');
				const bills = await state('bills');
				for (const row of rows) {
					const found = bills.filter(
						(b) => b.vendorId === row.vendorId && b.invoice?.invoiceNumber === row.invoiceNumber,
					);
					equal(found.length, 1, `bills in the emulator for ${row.vendor} ${row.invoiceNumber}`);
					equal(cents(found[0].amount), cents(row.amount), `amount of ${row.invoiceNumber}`);
					equal(found[0].dueDate, row.dueDate, `due date of ${row.invoiceNumber}`);
				}
				const [summary] = nodeOutput(run, 'Summary');
				equal(
					[summary.created, summary.alreadyInBill, summary.failed],
					[rows.length, 0, 0],
					'created / already in BILL / failed',
				);
				equal((await requests('POST /v3/bills/bulk')) - bulkBefore, 1, 'bulk create requests');
				return `${rows.length} bills`;
			});
			await test('example 01: run again: nothing created twice, every bill reported as already in BILL', async () => {
				const billsBefore = (await state('bills')).length;
				const run = await runOk(env, 'billcomBillRows');
				const [summary] = nodeOutput(run, 'Summary');
				equal((await state('bills')).length, billsBefore, 'bills in the emulator');
				equal(
					[summary.created, summary.alreadyInBill],
					[0, billsBefore],
					'created / already in BILL',
				);
			});
		}

		// 4. USERS.md job 2: the digest, checked against the emulator's own bills.
		const digestWhy = pendingOr('billcomDueWeek');
		if (digestWhy)
			record('example 02: unpaid bills due in 7 days, per vendor', 'pending', digestWhy);
		else {
			await test('example 02: digest totals per vendor equal the unpaid bills due in the next 7 days', async () => {
				const run = await runOk(env, 'billcomDueWeek');
				const [digest] = nodeOutput(run, 'Digest per vendor');
				const vendors = new Map((await state('vendors')).map((v) => [v.id, v.name]));
				const due = (await state('bills')).filter(
					(b) =>
						!b.archived &&
						['UNPAID', 'PARTIAL'].includes(b.paymentStatus) &&
						b.dueDate >= digest.from &&
						b.dueDate <= digest.to,
				);
				check(
					due.length > 0,
					'no bill due in the next 7 days: run example 01 first (it makes some)',
				);
				const expected = {};
				for (const b of due) {
					const name = vendors.get(b.vendorId);
					expected[name] = cents((expected[name] ?? 0) + Number(b.dueAmount ?? b.amount));
				}
				const got = Object.fromEntries(digest.vendors.map((v) => [v.vendor, v.due]));
				equal(Object.keys(got).sort(), Object.keys(expected).sort(), 'vendors in the digest');
				for (const name of Object.keys(expected))
					equal(got[name], expected[name], `amount due for ${name}`);
				equal(digest.billCount, due.length, 'bills in the digest');
				return digest.text.split('\n')[0];
			});
		}

		// 5. Bills paid for: a check recorded against its bill, once.
		const payWhy = pendingOr('billcomCheckPaid');
		if (payWhy) record('example 03: check payment recorded once', 'pending', payWhy);
		else {
			await test('example 03: the check payment marks its bill paid; a second run records nothing', async () => {
				const run = await runOk(env, 'billcomCheckPaid');
				const [payment] = nodeOutput(run, 'Payment made by check');
				const [after] = nodeOutput(run, 'Bill after payment');
				const stored = (await state('bills')).find((b) => b.id === after.id);
				equal(
					stored.invoice?.invoiceNumber,
					payment.invoiceNumber,
					'invoice number of the bill paid',
				);
				equal(
					[cents(stored.paidAmount), stored.paymentStatus],
					[cents(payment.amount), 'PAID'],
					'paid amount and status in the emulator',
				);
				equal(
					[after.paymentStatus, cents(after.paidAmount)],
					[stored.paymentStatus, cents(stored.paidAmount)],
					'what the workflow read back',
				);
				const recorded = await requests('POST /v3/bills/record-payment');
				const again = await runOk(env, 'billcomCheckPaid');
				equal(
					await requests('POST /v3/bills/record-payment'),
					recorded,
					'record-payment requests after a second run',
				);
				equal(
					nodeOutput(again, 'Record payment'),
					undefined,
					'output of "Record payment" on the second run',
				);
			});
		}

		// 6. USERS.md job 7: bank account for all admins, verified, default for payables.
		const bankWhy = pendingOr('billcomBankAcct');
		if (bankWhy) record('example 05: company bank account', 'pending', bankWhy);
		else {
			await test('example 05: bank account with access to admins, verified, default for payables; a second run adds none', async () => {
				const run = await runOk(env, 'billcomBankAcct');
				const [created] = nodeOutput(run, 'Create bank account');
				const stored = (await state('bankAccounts')).find((a) => a.id === created.id);
				check(stored, `bank account ${created.id} not in the emulator`);
				equal(
					[stored.accessToAdmins, stored.status, stored.default?.payables],
					[true, 'VERIFIED', true],
					'access to admins, status, default for payables',
				);
				const count = (await state('bankAccounts')).length;
				await runOk(env, 'billcomBankAcct');
				equal((await state('bankAccounts')).length, count, 'bank accounts after a second run');
			});
		}

		// 6b. USERS.md job 4: pay the bills due this week from the default account for payables. The
		//     emulator's bills have no approval policy (UNASSIGNED), so the example's switch to pay
		//     those too is turned on, as its note tells an organization without policies to do.
		const payBillsWhy = pendingOr('billcomPayDue') || bankWhy || billsWhy;
		if (payBillsWhy) record('example 08: pay the bills due this week', 'pending', payBillsWhy);
		else {
			await test('example 08: pays each bill due this week once from the default bank account; a second run pays nothing', async () => {
				const workflow = structuredClone(
					exampleWorkflows().find((w) => w.id === 'billcomPayDue').json,
				);
				const filter = workflow.nodes.find((n) => n.name === 'Approved, still owing').parameters;
				filter.jsCode = filter.jsCode.replace(
					'const PAY_UNASSIGNED = false;',
					'const PAY_UNASSIGNED = true;',
				);
				await importWorkflow(env, workflow, workdir);
				// Example 03's recorded check payment is in the same list: only new payments count.
				const before = new Set((await state('payments')).map((p) => p.id));
				const run = await runOk(env, 'billcomPayDue');
				const toPay = nodeOutput(run, 'Approved, still owing') ?? [];
				check(toPay.length > 0, 'no bill due this week to pay (example 01 creates some)');
				const payments = (await state('payments')).filter((p) => !before.has(p.id));
				equal(payments.length, toPay.length, 'payments in the emulator');
				const bills = await state('bills');
				for (const { billId, amount } of toPay) {
					const payment = payments.find((p) => p.billId === billId);
					check(payment, `no payment of bill ${billId}`);
					equal(cents(payment.amount), cents(amount), `amount paid on ${billId}`);
					equal(
						bills.find((b) => b.id === billId)?.paymentStatus,
						'SCHEDULED',
						`status of bill ${billId}`,
					);
				}
				await runOk(env, 'billcomPayDue');
				equal(
					(await state('payments')).length,
					before.size + payments.length,
					'payments after a second run',
				);
				return `${payments.length} bills paid once`;
			});
		}

		// 6b. BILL Spend & Expense: receipts over a threshold, monthly report, small reimbursements approved.
		await spendExamples({ test, runOk, env, emulator, workdir });

		// 6c. What a new user tripped over (test/e2e/ux.mjs): after example 05's default account.
		if (billsWhy)
			record('ux: bulk refusals, line by position, default account', 'pending', billsWhy);
		else if (!EXAMPLES_ONLY) await uxTests({ test, record, env, workdir, state, bankWhy });

		// 7. USERS.md job 5: the MFA ID walk-through, both runs, the texted code read from the emulator.
		const mfaWhy = pendingOr('billcomMfaSetup');
		if (mfaWhy) record('example 04: MFA ID walk-through', 'pending', mfaWhy);
		else {
			await test('example 04: MFA ID walk-through: challenge, then the texted code gives an MFA ID', async () => {
				const first = await runOk(env, 'billcomMfaSetup');
				const [sent] = nodeOutput(first, '1. Send the challenge');
				check(sent?.challengeId, 'no challengeId from "1. Send the challenge"');
				const sms = await emulator.control('GET', '/sms');
				check(sms.length > 0, 'the emulator texted no code');
				const workflow = structuredClone(
					exampleWorkflows().find((w) => w.id === 'billcomMfaSetup').json,
				);
				const settings = workflow.nodes.find((n) => n.name === 'Settings').parameters.assignments
					.assignments;
				settings.find((a) => a.name === 'challengeId').value = sent.challengeId;
				settings.find((a) => a.name === 'smsCode').value = sms[sms.length - 1].token;
				await importWorkflow(env, workflow, workdir);
				const second = await runOk(env, 'billcomMfaSetup');
				const [validated] = nodeOutput(second, '2. Validate the code');
				check(
					typeof validated?.mfaId === 'string' && validated.mfaId.length > 0,
					'no MFA ID from "2. Validate the code"',
				);
				equal(
					validated.deviceName,
					settings.find((a) => a.name === 'deviceName').value,
					'device name of the MFA ID',
				);
			});
		}

		// 8. Sessions: measured, not assumed. n8n stores the session the credential's
		//    preAuthentication got, so later executions reuse it.
		await test('session: one BILL login for all executions (n8n keeps the session in the credential)', async () => {
			const s = await stats();
			const executions = Object.values(s.requests).reduce((a, b) => a + b, 0) - s.logins;
			check(executions > 0, 'no BILL request was made');
			equal(s.logins, 1, `logins for ${s.total} requests`);
			return `${s.logins} login for ${s.total} requests across all executions`;
		});

		// 8b. MFA trust in another process: a credential without an MFA ID, its session made trusted
		//     by Validate Challenge in one `n8n execute`, asked in the next one (a new process).
		await test('MFA trust survives a new process: Validate Challenge in one n8n execute, Session → Get Details in another says mfaTrusted', async () => {
			const f = emulator.fixtures;
			const noMfa = { id: 'billEmulatorNoMfa', name: 'BILL (emulator, no MFA ID)' };
			const credentialFile = join(workdir, 'credential-no-mfa.json');
			const data = { ...emulatorCredential(emulator).data, mfaId: '', deviceName: '' };
			writeFileSync(credentialFile, JSON.stringify([{ ...noMfa, type: 'billApi', data }]));
			const imported = await runN8n(['import:credentials', `--input=${credentialFile}`], env);
			rmSync(credentialFile, { force: true });
			check(imported.code === 0, `import:credentials exited with ${imported.code}`);
			const workflow = (id, parameters) => ({
				id,
				name: id,
				active: false,
				nodes: [
					{
						parameters: {},
						id: 'run',
						name: 'Run',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
					},
					{
						parameters: { authentication: 'billApi', ...parameters },
						id: 'bill',
						name: 'BILL',
						type: 'n8n-nodes-billcom.bill',
						typeVersion: 1,
						position: [220, 0],
						credentials: { billApi: noMfa },
					},
				],
				connections: { Run: { main: [[{ node: 'BILL', type: 'main', index: 0 }]] } },
				settings: {},
			});
			const runBill = async (id, parameters) => {
				await importWorkflow(env, workflow(id, parameters), workdir);
				const [json] = nodeOutput(await runOk(env, id), 'BILL');
				return json;
			};
			const loginsBefore = (await stats()).logins;
			const before = await runBill('trustDetails', {
				resource: 'session',
				operation: 'getDetails',
			});
			equal(before.mfaTrusted, false, 'mfaTrusted before the challenge');
			const sent = await runBill('trustSend', { resource: 'mfa', operation: 'sendChallenge' });
			check(sent?.challengeId, 'no challengeId from Send Challenge');
			const sms = await emulator.control('GET', '/sms');
			const validated = await runBill('trustValidate', {
				resource: 'mfa',
				operation: 'validateChallenge',
				challengeId: sent.challengeId,
				code: sms[sms.length - 1].token,
				rememberMe: false,
			});
			equal(validated.mfaTrusted, true, 'mfaTrusted from Validate Challenge');
			const readings = {};
			for (const mfaStatusReading of ['organization', 'session']) {
				await emulator.control('POST', '/options', { mfaStatusReading });
				const details = await runOk(env, 'trustDetails');
				const [json] = nodeOutput(details, 'BILL');
				equal(
					[json.mfaTrusted, json.mfaTrustedBy, json.userId],
					[true, 'challenge', f.admin.userId],
					`Get Details in a new process (mfaStatus read as ${mfaStatusReading})`,
				);
				readings[mfaStatusReading] = json.mfaStatus;
			}
			await emulator.control('POST', '/options', { mfaStatusReading: 'organization' });
			equal((await stats()).logins - loginsBefore, 1, 'logins of the credential without MFA ID');
			return `trusted in 2 later executions; mfaStatus ${JSON.stringify(readings)}`;
		});

		// 8c. USERS.md jobs 13 and 12: the HTTP Request node with our credential; AI agents and MCP.
		const ctx = { env, emulator, workdir, n8nPort, test, record };
		await httpRequestTests(ctx);
		await oauthTests(ctx);
		await agentTests(ctx);

		// 9. The credential's "Test" button, through n8n's REST API as the editor calls it.
		await test("credential Test through n8n's REST API: OK for the emulator credential, an error and no password for a wrong one", async () => {
			const server = await startN8nServer(env, n8nPort);
			try {
				const rest = restClient(server.base);
				const owner = await rest.ownerSession();
				check(owner.loggedIn, 'could not log in to n8n');
				const stored = await rest.call('GET', `/credentials/${CREDENTIAL.id}?includeData=true`);
				const ok = await rest.call('POST', '/credentials/test', {
					credentials: {
						id: CREDENTIAL.id,
						name: CREDENTIAL.name,
						type: 'billApi',
						data: stored.data,
					},
				});
				equal(ok.status, 'OK', `test of the stored credential (${ok.message})`);
				const wrong = { ...emulatorCredential(emulator).data, password: 'not-the-password' };
				// As the editor sends a credential being edited: its id, the changed field in clear.
				const refused = await rest.call('POST', '/credentials/test', {
					credentials: { id: CREDENTIAL.id, name: CREDENTIAL.name, type: 'billApi', data: wrong },
				});
				equal(refused.status, 'Error', 'test with a wrong password');
				check(
					refused.message && !refused.message.includes('not-the-password'),
					`the message must not show the password: ${refused.message}`,
				);
				// n8n shows the statusText of the login error's response: BILL's code, message and hint.
				check(
					/BDC_1101/.test(refused.message) && /password/i.test(refused.message),
					`n8n should show BILL's BDC_1101 and what to check: ${refused.message}`,
				);
				return `wrong password → n8n shows: "${refused.message}"`;
			} finally {
				await server.stop();
			}
		});

		// 9b. The partner credential in n8n: exactly the key pair BILL documents for each scope, with
		//     the emulator refusing any call that carries both keys (the strict reading).
		await test('partner credential: organization scope runs the BILL node, partner scope passes the Test button, each with only its own key', async () => {
			const f = emulator.fixtures;
			const partner = (scope) => ({
				id: scope === 'organization' ? 'billPartnerOrgCred' : 'billPartnerCred',
				name: `BILL partner, ${scope} scope (emulator)`,
				type: 'billPartnerApi',
				data: {
					environment: 'custom',
					customBaseUrl: emulator.baseUrl,
					appKey: f.appKey,
					username: f.partner.username,
					password: f.partner.password,
					scope,
					...(scope === 'organization'
						? { organizationId: f.organizationId, userId: f.admin.userId, devKey: f.devKey }
						: {}),
				},
			});
			const file = join(workdir, 'partner-credentials.json');
			writeFileSync(file, JSON.stringify([partner('organization'), partner('partner')]));
			const imported = await runN8n(['import:credentials', `--input=${file}`], env);
			check(imported.code === 0, `import:credentials: ${imported.stderr.slice(-1500)}`);
			const before = await emulator.control('GET', '/options');
			const logStart = (await emulator.control('GET', '/log')).length;
			await emulator.control('POST', '/options', { readings: { keyHeaders: 'strict' } });
			try {
				const workflow = {
					id: 'billcomE2EPartner',
					name: 'e2e: vendors through the partner credential',
					active: false,
					nodes: [
						{
							parameters: {},
							id: 'run',
							name: 'Run',
							type: 'n8n-nodes-base.manualTrigger',
							typeVersion: 1,
							position: [0, 0],
						},
						{
							parameters: {
								authentication: 'billPartnerApi',
								resource: 'vendor',
								operation: 'getMany',
								returnAll: false,
								limit: 3,
							},
							id: 'vendors',
							name: 'Vendors',
							type: 'n8n-nodes-billcom.bill',
							typeVersion: 1,
							position: [240, 0],
							credentials: {
								billPartnerApi: {
									id: 'billPartnerOrgCred',
									name: partner('organization').name,
								},
							},
						},
					],
					connections: { Run: { main: [[{ node: 'Vendors', type: 'main', index: 0 }]] } },
					settings: {},
				};
				await importWorkflow(env, workflow, workdir);
				const run = await runOk(env, 'billcomE2EPartner');
				const vendors = nodeOutput(run, 'Vendors');
				check(vendors?.length > 0, 'no vendor read through the partner credential');

				const server = await startN8nServer(env, n8nPort);
				try {
					const rest = restClient(server.base);
					check((await rest.ownerSession()).loggedIn, 'could not log in to n8n');
					const stored = await rest.call('GET', '/credentials/billPartnerCred?includeData=true');
					const tested = await rest.call('POST', '/credentials/test', {
						credentials: {
							id: 'billPartnerCred',
							name: partner('partner').name,
							type: 'billPartnerApi',
							data: stored.data,
						},
					});
					equal(tested.status, 'OK', `Test of the partner-scope credential (${tested.message})`);
				} finally {
					await server.stop();
				}
				const log = (await emulator.control('GET', '/log')).slice(logStart);
				const refused = log.filter((e) => e.status >= 400);
				check(!refused.length, `BILL refused: ${JSON.stringify(refused).slice(0, 800)}`);
				return `${vendors.length} vendors at organization scope; partner scope Test OK; no call carried both keys`;
			} finally {
				await emulator.control('POST', '/options', { readings: before.readings });
			}
		});

		// USERS.md job 9 (receivables.mjs): paid orders invoiced once, overdue invoices sent again,
		// the invoice trigger. After the session count: its tests log in to BILL directly, as a user would.
		await receivablesTests({
			test,
			record,
			runOk,
			state,
			requests,
			pendingOr,
			env,
			emulator,
			n8nPort,
			waitFor,
			waitForExecution,
		});
		// Payables in depth (payables.mjs): examples 17-19, each run twice; it reads BILL with its own login.
		await payablesTests({ test, record, runOk, state, requests, pendingOr, env, emulator });
		await chargeTests({ test, record, state, pendingOr, env, emulator, workdir }); // examples/21, issue 27 §3
		// Card accounts, a payment in CAD, vendor attachments in n8n (operations.mjs): one workflow, one run.
		if (!EXAMPLES_ONLY) await operationsTests({ test, state, env, emulator, workdir });
		if (!EXAMPLES_ONLY) await rerunTests({ test, env, emulator, workdir }); // issue 29: re-runs after lost answers

		// Issue 18: the BILL Spend & Expense Trigger in n8n start (spend.mjs).
		if (!EXAMPLES_ONLY)
			await spendTriggerTests({
				test,
				env,
				emulator,
				workdir,
				n8nPort,
				waitFor,
				waitForExecution,
			});

		// 10. USERS.md job 3: the trigger, in a running n8n: activation registers a subscription in
		//     the emulator, a bill created in BILL reaches an execution, deactivation removes it.
		const triggerWhy = pendingOr('billcomNewBill');
		if (triggerWhy) record('example 07: BILL Trigger in a running n8n', 'pending', triggerWhy);
		else {
			await test('example 07: BILL Trigger: activated in n8n start, a bill created in BILL runs the workflow with that bill; deactivated, the subscription is gone', async () => {
				const server = await startN8nServer(
					{ ...env, WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/` },
					n8nPort,
				);
				try {
					const rest = restClient(server.base);
					check((await rest.ownerSession()).loggedIn, 'could not log in to n8n');
					const id = 'billcomNewBill';
					await rest.activate(id);
					// n8n registers the webhook after answering the activation: wait for it.
					const pointingHere = async () =>
						(await state('subscriptions')).filter((s) =>
							String(s.notificationUrl).startsWith(`http://127.0.0.1:${n8nPort}/`),
						);
					const mine = await waitFor(
						pointingHere,
						(list) => list.length > 0,
						'a subscription pointing at this n8n after activation',
					);
					equal(mine.length, 1, 'subscriptions pointing at this n8n after activation');
					equal(
						mine[0].events?.map((e) => e.type ?? e),
						['bill.created'],
						'events of the subscription',
					);

					const bill = await createBillInBill(emulator, `E2E-HOOK-${Date.now()}`);
					const execution = await waitForExecution(rest, id);
					equal(execution.status, 'success', 'status of the trigger execution');
					const [message] = execution.output['Message for Slack'];
					equal(
						[message.eventType, message.billId, message.invoiceNumber, cents(message.amount)],
						['bill.created', bill.id, bill.invoice.invoiceNumber, cents(bill.amount)],
						'event, bill, invoice number and amount in the execution',
					);

					await rest.deactivate(id);
					await waitFor(
						pointingHere,
						(list) => list.length === 0,
						'the subscription removed after deactivation',
					);
					return message.text;
				} finally {
					await server.stop();
				}
			});
		}

		// 11. USERS.md jobs 6 and 10: a partner's nightly job over 50 client organizations, after
		//     the one-login test above (it adds the partner's logins).
		const partnerWhy = pendingOr('billcomPartner');
		if (partnerWhy) record('example 16: partner nightly job', 'pending', partnerWhy);
		else {
			await test("example 16: a partner's nightly job over 50 organizations: one row each, one partner login, one session per organization, none more on the next night", async () => {
				const clients = await emulator.control('POST', '/seed/organizations', { count: 50 });
				await importCredentials(env, [partnerEmulatorCredential(emulator)], workdir);
				const before = await stats();
				const run = await runOk(env, 'billcomPartner');
				const rows = nodeOutput(run, 'One row per organization');
				const after = await stats();
				const organizations = (await emulator.control('GET', '/stats')).loginsAsUser;
				const expected = new Map(clients.map((c) => [c.organizationId, c.billsYesterday]));
				const seeded = rows.filter((r) => expected.has(r.organizationId));
				equal(seeded.length, 50, 'rows for the 50 seeded organizations');
				for (const row of seeded)
					equal(row.bills, expected.get(row.organizationId), `bills of ${row.organization}`);
				equal(after.partnerLogins - before.partnerLogins, 1, 'partner logins');
				for (const c of clients)
					equal(organizations[c.organizationId], 1, `log-ins as user for ${c.organizationId}`);
				// The next night (a new n8n process): the partner session and each organization's
				// session are stored with the credential (n8n's database): no login of any kind.
				await runOk(env, 'billcomPartner');
				const next = await stats();
				equal(next.partnerLogins - after.partnerLogins, 0, 'partner logins the next night');
				const again = clients.filter(
					(c) => next.loginsAsUser[c.organizationId] !== organizations[c.organizationId],
				);
				equal(again.length, 0, 'organizations logged in as user again the next night');
				const total = seeded.reduce((sum, r) => sum + r.bills, 0);
				return `${seeded.length} organizations, ${total} bills; 1 partner login, 1 log-in as user per organization; the next night (a new n8n process) none: the sessions are stored with the credential`;
			});

			// Issue 17: an MFA ID per organization (node parameters, by expression). Only the
			// organization whose MFA ID the node names gets an MFA-trusted session, Session → Get
			// Details says so, and the MFA ID is in no output of the run.
			await test('partner: an MFA ID named for one of three organizations makes only its session MFA-trusted (Session → Get Details in n8n), the MFA ID in no output', async () => {
				const clients = (
					await emulator.control('POST', '/seed/organizations', { count: 50 })
				).slice(5, 8);
				const [, withMfa] = clients;
				const items = clients.map((c) => ({ organizationId: c.organizationId, userId: c.userId }));
				const workflow = {
					id: 'billcomE2EPartnerMfa',
					name: 'e2e: an MFA ID per organization',
					active: false,
					nodes: [
						{
							parameters: {},
							id: 'run',
							name: 'Run',
							type: 'n8n-nodes-base.manualTrigger',
							typeVersion: 1,
							position: [0, 0],
						},
						{
							parameters: {
								jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));`,
							},
							id: 'organizations',
							name: 'Organizations',
							type: 'n8n-nodes-base.code',
							typeVersion: 2,
							position: [220, 0],
						},
						{
							parameters: {
								authentication: 'billPartnerApi',
								resource: 'session',
								operation: 'getDetails',
								actForOrganization: {
									__rl: true,
									mode: 'id',
									value: '={{ $json.organizationId }}',
								},
								actAsUser: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
								actAsUserMfaId: `={{ $json.organizationId === '${withMfa.organizationId}' ? '${withMfa.mfaId}' : '' }}`,
								actAsUserDeviceName: `={{ $json.organizationId === '${withMfa.organizationId}' ? '${withMfa.device}' : '' }}`,
							},
							id: 'details',
							name: 'Session details',
							type: 'n8n-nodes-billcom.bill',
							typeVersion: 1,
							position: [440, 0],
							credentials: { billPartnerApi: PARTNER_CREDENTIAL },
						},
					],
					connections: {
						Run: { main: [[{ node: 'Organizations', type: 'main', index: 0 }]] },
						Organizations: { main: [[{ node: 'Session details', type: 'main', index: 0 }]] },
					},
					settings: {},
				};
				await importWorkflow(env, workflow, workdir);
				const run = await runOk(env, 'billcomE2EPartnerMfa');
				const details = nodeOutput(run, 'Session details');
				equal(
					details.map((d) => [d.organizationId, d.mfaTrusted]),
					clients.map((c) => [c.organizationId, c === withMfa]),
					'organization and mfaTrusted of each session',
				);
				const sessions = (await emulator.control('GET', '/log')).filter(
					(e) =>
						e.route === '/v3/login/session' &&
						clients.some((c) => c.organizationId === e.organizationId),
				);
				check(sessions.length === 3, `GET /v3/login/session per organization: ${sessions.length}`);
				const text = JSON.stringify(run.data.resultData.runData);
				check(!text.includes(withMfa.mfaId), 'the MFA ID appears in the output of the run');
				return `3 organizations (the example's sessions reused, ${withMfa.organizationId}'s logged in again with its MFA ID): mfaTrusted ${details.map((d) => d.mfaTrusted).join(' / ')}; the MFA ID in no output`;
			});
		}
		// Issue 31 last: its n8n restarts and trigger workflows leave nothing for the tests above.
		if (!EXAMPLES_ONLY)
			await (await import('./polling.mjs')).pollingTests({ test, env, emulator, workdir, n8nPort }); // issue 31
	} finally {
		await emulator.stop();
		rmSync(workdir, { recursive: true, force: true });
	}
}

main()
	.catch((error) => record('e2e set-up', 'failed', error.stack ?? String(error)))
	.finally(() => {
		const summary = writeResults();
		process.exit(summary.numFailedTests > 0 || summary.numPassedTests === 0 ? 1 : 0);
	});
