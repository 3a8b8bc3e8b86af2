// @ts-check
/**
 * End-to-end test of examples/21 (USERS.md job 16, issue 27 §3) in a real n8n: customers are
 * charged for their invoices due, a charge whose answer is lost is reported as such and not sent
 * again, and a second run charges nothing twice. Checked against what the emulator holds.
 *
 * Part of `node test/e2e/run.mjs`; also runs alone: `node test/e2e/charge.mjs` (its own emulator
 * and n8n user folder, about a minute once the runtime is prepared).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { REPO, n8nEnv, prepareRuntime } from '../../scripts/n8n-runtime.mjs';
import {
	emulatorCredential,
	executeWorkflow,
	freePort,
	importCredentials,
	importWorkflow,
	nodeOutput,
	runFailure,
	startEmulatorProcess,
} from '../../scripts/lib/stack.mjs';
import { installPackage } from '../../scripts/lib/package.mjs';
import { check, equal, suite } from '../../scripts/lib/testkit.mjs';
import { billApi } from './receivables.mjs';

const EXAMPLE = 'billcomChargeDue';
const ROUTE = '/v3/receivable-payments';
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A customer with invoices (price, days until due), authorized to charge and with a bank account as asked. */
async function customer(post, name, invoices, { authorized, bank }) {
	const c = await post('/v3/customers', {
		name,
		email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
		billingAddress: { line1: '1 Main St', city: 'San Jose', country: 'US' },
	});
	const ids = [];
	for (const [price, due] of invoices) {
		const invoice = await post('/v3/invoices', {
			customer: { id: c.id },
			invoiceNumber: `${name.slice(0, 3).toUpperCase()}-${ids.length + 1}`,
			dueDate: day(due),
			invoiceLineItems: [{ quantity: 1, price, description: 'Lessons' }],
		});
		ids.push(invoice.id);
	}
	if (authorized)
		await post(`/v3/customers/${c.id}/charge-authorization`, { authorizedToCharge: true });
	if (bank)
		await post(`/v3/customers/${c.id}/bank-accounts`, {
			nameOnAccount: name,
			routingNumber: '074000010',
			accountNumber: '123456789',
			type: 'CHECKING',
			ownerType: 'BUSINESS',
		});
	return { id: c.id, invoices: ids };
}

/** Example 21 as users import it (the published type names; the package is installed from npm). */
function exampleFor() {
	const file = join(REPO, 'examples', '21-charge-customers-invoices-due.json');
	return JSON.parse(readFileSync(file, 'utf8'));
}

/** `ctx`: test, record, state, env, emulator, workdir, pendingOr. */
export async function chargeTests(ctx) {
	const { test, record, state, env, emulator, workdir, pendingOr } = ctx;
	const why = pendingOr?.(EXAMPLE);
	if (why) return record('example 21: customers charged for their invoices due', 'pending', why);
	await test('example 21: customers charged for their invoices due, a lost answer reported and not re-sent, a second run charges nothing twice', async () => {
		const post = await billApi(emulator);
		const a = await customer(
			post,
			'Alder Music',
			[
				[120, -5],
				[30.5, -1],
			],
			{ authorized: true, bank: true },
		);
		const b = await customer(
			post,
			'Birch Studio',
			[
				[75, 0],
				[60, 10],
			],
			{ authorized: true, bank: true },
		);
		const c = await customer(post, 'Cedar Band', [[40, 0]], { authorized: false, bank: true });
		const mine = new Set([a.id, b.id, c.id]);
		const charges = async () =>
			(await state('receivablePayments')).filter((p) => mine.has(p.customerId));
		const created = async () =>
			(await emulator.control('GET', '/log')).filter(
				(e) =>
					e.method === 'POST' &&
					e.route.startsWith(ROUTE) &&
					(e.status === 201 || e.status === -1 || e.route.includes('reset')),
			).length;
		await importWorkflow(env, exampleFor(), workdir);

		// Run 1: the first charge (Alder's oldest invoice) is applied by BILL, its answer lost.
		await emulator.control('POST', '/faults', { kind: 'resetAfter', method: 'POST', path: ROUTE });
		const first = await executeWorkflow(env, EXAMPLE);
		check(first.ok, `run 1 did not succeed: ${runFailure(first)}`);
		const out = nodeOutput(first.run, 'Charge the customer') ?? [];
		const lost = out.filter((o) => o.outcomeUnknown === true);
		equal(lost.length, 1, 'items whose answer was lost');
		check(
			/not sent again/.test(String(lost[0].error)),
			`the lost item says it was not sent again: ${lost[0].error}`,
		);
		const refused = out.filter((o) => !o.id && /not authorized to charge/.test(String(o.error)));
		equal(refused.length, 1, 'items refused because the customer is not authorized (Cedar Band)');
		const afterFirst = await charges();
		equal(
			afterFirst
				.map((p) => p.invoicePayments.map((i) => `${i.invoiceId}=${i.amount}`).join())
				.sort(),
			[`${a.invoices[0]}=120`, `${a.invoices[1]}=30.5`, `${b.invoices[0]}=75`].sort(),
			'charges held by BILL after run 1 (the lost one included, each once)',
		);
		const invoices = new Map((await state('invoices')).map((i) => [i.id, i]));
		equal(
			[a.invoices[0], a.invoices[1], b.invoices[0], b.invoices[1], c.invoices[0]].map(
				(id) => invoices.get(id).dueAmount,
			),
			[0, 0, 0, 60, 40],
			'due amounts after run 1 (Birch Studio invoice due in 10 days and Cedar Band untouched)',
		);
		const sentOnce = await created();
		equal(sentOnce, 3, 'charges BILL applied in run 1');

		// Run 2: nothing is charged again.
		const second = await executeWorkflow(env, EXAMPLE);
		check(second.ok, `run 2 did not succeed: ${runFailure(second)}`);
		equal((await charges()).length, 3, 'charges held by BILL after run 2');
		equal(await created(), sentOnce, 'charges BILL applied in run 2');
		const [summary] = nodeOutput(second.run, 'What was charged') ?? [{}];
		equal(summary.charged ?? 0, 0, 'charged in run 2');
		return `run 1: ${nodeOutput(first.run, 'What was charged')?.[0]?.text?.replace(/\n/g, '; ')}; run 2: ${summary.text?.replace(/\n/g, '; ')}`;
	});
}

/** Alone: a runtime, an emulator and an n8n user folder of its own. */
async function main() {
	const { record, test, writeResults } = suite('e2e-charge');
	const line = process.argv.find((a) => a.startsWith('--line='))?.slice('--line='.length) ?? '2.x';
	prepareRuntime({ line });
	const emulator = await startEmulatorProcess({ port: 0, seed: true });
	const workdir = mkdtempSync(join(tmpdir(), 'billcom-e2e-charge-'));
	try {
		const env = n8nEnv({
			userFolder: workdir,
			encryptionKey: randomBytes(24).toString('hex'),
			port: await freePort(),
			brokerPort: await freePort(),
			extensions: undefined,
			line,
		});
		installPackage(env);
		await importCredentials(env, [emulatorCredential(emulator)], workdir, 'the BILL credential');
		const state = (collection) => emulator.control('GET', `/state/${collection}`);
		await chargeTests({ test, record, state, env, emulator, workdir });
	} finally {
		await emulator.stop?.();
		rmSync(workdir, { recursive: true, force: true });
	}
	const summary = writeResults();
	process.exitCode = summary?.numFailedTests ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
