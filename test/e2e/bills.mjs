// @ts-check
/**
 * The payables examples in a real n8n (USERS.md jobs 1, 2, 4 and 7): vendors and bills created
 * once, the digest of bills due, a check payment, the company bank account, bills paid once.
 * Each run is checked against what the emulator holds afterwards.
 */
import { cents, check, equal } from '../../scripts/lib/testkit.mjs';
import { exampleWorkflows, importWorkflow, nodeOutput } from '../../scripts/lib/stack.mjs';
import { byName, key } from './context.mjs';
import { uxTests } from './ux.mjs';

/**
 * Example 00: vendors matched by name or created once.
 * @param {import('./context.mjs').E2EContext} ctx
 */
async function vendorRows(ctx) {
	const { test, record, runOk, state, requests, pendingOr, env, workdir } = ctx;
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
}

/**
 * Example 01: bills from a spreadsheet, created once.
 * @param {import('./context.mjs').E2EContext} ctx
 */
async function billRows(ctx) {
	const { test, record, runOk, state, requests, pendingOr, env, workdir } = ctx;
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
}

/**
 * Example 02: the digest of unpaid bills due in 7 days.
 * @param {import('./context.mjs').E2EContext} ctx
 */
async function digest(ctx) {
	const { test, record, runOk, state, requests, pendingOr, env, workdir } = ctx;
	// 4. USERS.md job 2: the digest, checked against the emulator's own bills.
	const digestWhy = pendingOr('billcomDueWeek');
	if (digestWhy) record('example 02: unpaid bills due in 7 days, per vendor', 'pending', digestWhy);
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
			check(due.length > 0, 'no bill due in the next 7 days: run example 01 first (it makes some)');
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
}

/**
 * Example 03: a check payment recorded once.
 * @param {import('./context.mjs').E2EContext} ctx
 */
async function checkPayment(ctx) {
	const { test, record, runOk, state, requests, pendingOr, env, workdir } = ctx;
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
}

/**
 * Example 05: the company bank account.
 * @param {import('./context.mjs').E2EContext} ctx
 */
async function bankAccount(ctx) {
	const { test, record, runOk, state, requests, pendingOr, env, workdir } = ctx;
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
}

/**
 * Example 08: the bills due this week paid once.
 * @param {import('./context.mjs').E2EContext} ctx
 */
async function payDue(ctx) {
	const { test, record, runOk, state, requests, pendingOr, env, workdir } = ctx;
	// 6b. USERS.md job 4: pay the bills due this week from the default account for payables. The
	//     emulator's bills have no approval policy (UNASSIGNED), so the example's switch to pay
	//     those too is turned on, as its note tells an organization without policies to do.
	const payBillsWhy =
		pendingOr('billcomPayDue') || pendingOr('billcomBankAcct') || pendingOr('billcomBillRows');
	if (payBillsWhy) record('example 08: pay the bills due this week', 'pending', payBillsWhy);
	else {
		await test('example 08: pays each bill due this week once from the default bank account; a second run pays nothing', async () => {
			const workflow = structuredClone(
				/** @type {any} */ (exampleWorkflows().find((w) => w.id === 'billcomPayDue')).json,
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
}

/**
 * Examples 00, 01, 02, 03, 05 and 08, in this order (each later one uses what the earlier made).
 * @param {import('./context.mjs').E2EContext} ctx
 */
export async function billsTests(ctx) {
	for (const group of [vendorRows, billRows, digest, checkPayment, bankAccount, payDue])
		await group(ctx);
}

/**
 * What a new user tripped over (ux.mjs), after example 05's default account; not under --examples.
 * @param {import('./context.mjs').E2EContext} ctx
 */
export async function uxGroup(ctx) {
	const { test, record, env, workdir, state, pendingOr, examplesOnly } = ctx;
	const billsWhy = pendingOr('billcomBillRows');
	const bankWhy = pendingOr('billcomBankAcct');
	if (billsWhy) record('ux: bulk refusals, line by position, default account', 'pending', billsWhy);
	else if (!examplesOnly) await uxTests({ test, record, env, workdir, state, bankWhy });
}
