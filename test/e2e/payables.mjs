// @ts-check
/**
 * End-to-end tests of the payables examples 18-20 (USERS.md jobs 1 and 8, "Payables in depth")
 * in the real n8n of run.mjs: each example run twice, the emulator's state checked after each run
 * (bills with the right GL accounts, one recurring bill, one credit applied once).
 */
import { cents, check, equal } from '../../scripts/lib/testkit.mjs';
import { nodeOutput } from '../../scripts/lib/stack.mjs';
import { adminSessionId } from '../../scripts/lib/e2e.mjs';

/** Reads the emulator as someone working in BILL would (its own login, every page). */
async function billReader(emulator) {
	const f = emulator.fixtures;
	const sessionId = await adminSessionId(emulator);
	return async (path) => {
		const results = [];
		let page;
		do {
			const url = new URL(`${emulator.baseUrl}${path}`);
			url.searchParams.set('max', '100');
			if (page) url.searchParams.set('page', page);
			const response = await fetch(url, { headers: { devKey: f.devKey, sessionId } });
			const json = await response.json();
			check(response.ok, `BILL GET ${path}: ${response.status} ${JSON.stringify(json)}`);
			results.push(...json.results);
			page = json.nextPage;
		} while (page);
		return results;
	};
}

/** `ctx`: run.mjs's test, record, runOk, state, requests, pendingOr, env, emulator. */
export async function payablesTests(ctx) {
	const read = await billReader(ctx.emulator);
	const accounts = new Map(
		(await read('/v3/classifications/chart-of-accounts')).map((a) => [a.id, a.name]),
	);
	await billsWithGlAccounts(ctx, accounts);
	await monthlyRent(ctx, read, accounts);
	await creditOnNextBill(ctx, read);
}

async function billsWithGlAccounts(
	{ test, record, runOk, state, requests, pendingOr, env },
	accounts,
) {
	const why = pendingOr('billcomGlCoded');
	if (why) return record('example 18: bills coded to GL accounts', 'pending', why);
	await test('example 18: bills from a spreadsheet: one bill per row, each line with the GL account picked by name', async () => {
		const run = await runOk(env, 'billcomGlCoded');
		const rows = nodeOutput(run, 'Match rows to vendors');
		const bills = await state('bills');
		for (const row of rows) {
			const found = bills.filter(
				(b) => b.vendorId === row.vendorId && b.invoice?.invoiceNumber === row.invoiceNumber,
			);
			equal(found.length, 1, `bills of ${row.vendor} numbered ${row.invoiceNumber}`);
			equal(
				found[0].billLineItems.map((l) => [
					cents(l.amount),
					accounts.get(l.classifications?.chartOfAccountId),
				]),
				[
					[cents(row.supplies), 'Office Supplies'],
					[cents(row.shipping), 'Freight and Shipping'],
				],
				`lines (amount, GL account) of ${row.invoiceNumber}`,
			);
		}
		const [summary] = nodeOutput(run, 'Summary');
		equal(
			[summary.created, summary.alreadyInBill, summary.failed],
			[rows.length, 0, 0],
			'created / already in BILL / failed',
		);
		return `${rows.length} bills, ${rows.length * 2} lines coded`;
	});
	await test('example 18: run again: no bill created twice, every bill reported as already in BILL', async () => {
		const before = [(await state('bills')).length, await requests('POST /v3/bills/bulk')];
		const run = await runOk(env, 'billcomGlCoded');
		equal(
			[(await state('bills')).length, await requests('POST /v3/bills/bulk')],
			before,
			'bills and bulk requests',
		);
		const [summary] = nodeOutput(run, 'Summary');
		equal(
			[summary.created, summary.alreadyInBill],
			[0, summary.bills.length],
			'created / already in BILL',
		);
	});
}

async function monthlyRent({ test, record, runOk, requests, pendingOr, env }, read, accounts) {
	const why = pendingOr('billcomRent');
	if (why) return record('example 19: monthly rent as a recurring bill', 'pending', why);
	const check18 = async (run) => {
		const [lease] = nodeOutput(run, 'Lease');
		const [summary] = nodeOutput(run, 'Summary');
		const rents = (await read('/v3/recurringbills')).filter(
			(r) => !r.archived && r.description === lease.description,
		);
		equal(rents.length, 1, 'active recurring bills with the lease description');
		const [rent] = rents;
		equal(
			[
				rent.id,
				rent.schedule.period,
				rent.schedule.frequency,
				rent.schedule.nextDueDate,
				rent.schedule.endDate,
			],
			[summary.recurringBillId, 'MONTHLY', 1, lease.firstDue, lease.leaseEnds],
			'the recurring bill and its schedule',
		);
		equal(
			rent.recurringBillLineItems.map((l) => [
				cents(l.amount),
				accounts.get(l.classifications?.chartOfAccountId),
			]),
			[[cents(lease.monthlyRent), 'Rent']],
			'its line (amount, GL account)',
		);
		return summary;
	};
	await test('example 19: the monthly rent is one recurring bill of the landlord, coded to Rent', async () => {
		const summary = await check18(await runOk(env, 'billcomRent'));
		equal(summary.alreadyExisted, false, 'alreadyExisted on the first run');
		return `every ${summary.every}, next due ${summary.nextDueDate}, $${summary.amount}`;
	});
	await test('example 19: run again: still one recurring bill, none created', async () => {
		const creates = await requests('POST /v3/recurringbills');
		const summary = await check18(await runOk(env, 'billcomRent'));
		equal(summary.alreadyExisted, true, 'alreadyExisted on the second run');
		equal(await requests('POST /v3/recurringbills'), creates, 'POST /v3/recurringbills requests');
	});
}

async function creditOnNextBill({ test, record, runOk, state, requests, pendingOr, env }, read) {
	const why = pendingOr('billcomCredit');
	if (why)
		return record("example 20: a vendor credit applied to the vendor's next bill", 'pending', why);
	const check19 = async (run) => {
		const [input] = nodeOutput(run, 'Credit note and next invoice');
		const [summary] = nodeOutput(run, 'Summary');
		const credits = (await read('/v3/vendor-credits')).filter(
			(c) => c.referenceNumber === input.creditNote.referenceNumber,
		);
		equal(credits.length, 1, `vendor credits numbered ${input.creditNote.referenceNumber}`);
		const [credit] = credits;
		const bills = (await state('bills')).filter(
			(b) =>
				b.vendorId === credit.vendorId &&
				b.invoice?.invoiceNumber === input.nextInvoice.invoiceNumber,
		);
		equal(bills.length, 1, `bills numbered ${input.nextInvoice.invoiceNumber}`);
		const [bill] = bills;
		equal(
			[cents(credit.amount), cents(credit.appliedAmount), credit.status, credit.usage],
			[
				cents(input.creditNote.amount),
				cents(input.creditNote.amount),
				'FULLY_APPLIED',
				[{ billId: bill.id, amount: input.creditNote.amount }],
			],
			'the credit: amount, applied, status, usage',
		);
		equal(
			[cents(bill.amount), cents(bill.creditAmount), cents(bill.dueAmount)],
			[
				cents(input.nextInvoice.amount),
				cents(input.creditNote.amount),
				cents(input.nextInvoice.amount - input.creditNote.amount),
			],
			'the bill: amount, credit applied, due',
		);
		equal([summary.creditId, summary.billId], [credit.id, bill.id], 'what the Summary names');
		return summary;
	};
	await test("example 20: the credit is recorded and applied to the vendor's next bill, whose due amount drops by it", async () => {
		const summary = await check19(await runOk(env, 'billcomCredit'));
		equal(
			[summary.creditAlreadyInBill, summary.billAlreadyInBill],
			[false, false],
			'already in BILL (first run)',
		);
		return `credit ${summary.creditReference} $${summary.creditAmount} on bill ${summary.invoiceNumber}: $${summary.dueAmount} due`;
	});
	await test('example 20: run again: no second credit, no second bill, the credit applied once', async () => {
		const creates = async () => [
			await requests('POST /v3/vendor-credits'),
			await requests('POST /v3/bills'),
		];
		const before = await creates();
		const summary = await check19(await runOk(env, 'billcomCredit'));
		equal(
			[summary.creditAlreadyInBill, summary.billAlreadyInBill],
			[true, true],
			'already in BILL (second run)',
		);
		equal(await creates(), before, 'POST /v3/vendor-credits and POST /v3/bills requests');
	});
}
