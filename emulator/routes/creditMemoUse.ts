/**
 * Credit memos applied to invoices: an invoice's create takes `creditAmount` (≥ 0), "taken from the
 * customer's available credit memos" (https://developer.bill.com/reference/createinvoice). What the
 * emulator does with it:
 * - the credit memos' `appliedAmount` grows and their `usage` lists the invoice with the amount
 *   (Postman "Get credit memo details": `usage[{invoiceId, amount}]`); the invoice's
 *   `creditAmount` holds the credit and its `dueAmount` drops by it.
 * Where BILL is silent (each the emulator's choice, with BILL's usual 400 BDC_1002 "<field>: <reason>"):
 * - which memos give the credit: the customer's active ones, oldest credit date first;
 * - more credit than the customer's memos have left, or than the invoice's total, is refused and
 *   changes nothing;
 * - the status: Postman shows `NOT_APPLIED`, `PARTIALLY_APPLIED`, `FULLY_APPLIED`;
 * - `creditAmount` on PATCH or PUT: readings.ts `invoiceCreditAmount` ('set', 'add', 'refused').
 */
import { type RequestContext } from '../server';
import { receivables } from '../receivables';
import { type Json } from '../state';
import { bad, cents } from './amountLines';

const left = (memo: Json) => cents(Number(memo.amount ?? 0) - Number(memo.appliedAmount ?? 0));

function statusOf(memo: Json): string {
	const applied = Number(memo.appliedAmount ?? 0);
	return applied <= 0
		? 'NOT_APPLIED'
		: applied >= Number(memo.amount ?? 0)
			? 'FULLY_APPLIED'
			: 'PARTIALLY_APPLIED';
}

/** The customer's active credit memos, oldest credit date first. */
function memosOf(context: RequestContext, customerId: string): Json[] {
	return [...receivables(context.state).creditMemos.values()]
		.filter(
			(m) =>
				m.customerId === customerId &&
				!m.archived &&
				context.state.owner.get(String(m.id)) === context.organization!.id,
		)
		.sort((a, b) => String(a.creditDate).localeCompare(String(b.creditDate)));
}

/** Moves `amount` of credit to the invoice (from the memos) or, when negative, back to them. */
function move(context: RequestContext, invoice: Json, amount: number): void {
	const memos = memosOf(context, String(invoice.customerId));
	const at = context.clock.timestamp();
	let rest = cents(amount);
	if (rest > 0) {
		const available = cents(memos.reduce((sum, m) => sum + Math.max(0, left(m)), 0));
		if (available < rest)
			throw bad(
				'creditAmount',
				`the customer's credit memos have ${available.toFixed(2)} left, not ${rest.toFixed(2)}`,
			);
		for (const memo of memos) {
			const take = cents(Math.min(rest, Math.max(0, left(memo))));
			if (take <= 0) continue;
			memo.usage = [...((memo.usage as Json[]) ?? []), { invoiceId: invoice.id, amount: take }];
			memo.appliedAmount = cents(Number(memo.appliedAmount ?? 0) + take);
			memo.status = statusOf(memo);
			memo.updatedTime = at;
			rest = cents(rest - take);
			if (rest <= 0) break;
		}
	} else {
		for (const memo of [...memos].reverse()) {
			const usage = ((memo.usage as Json[]) ?? []).filter((u) => u.invoiceId === invoice.id);
			const used = cents(usage.reduce((sum, u) => sum + Number(u.amount), 0));
			const back = cents(Math.min(-rest, used));
			if (back <= 0) continue;
			const others = ((memo.usage as Json[]) ?? []).filter((u) => u.invoiceId !== invoice.id);
			memo.usage =
				used - back > 0
					? [...others, { invoiceId: invoice.id, amount: cents(used - back) }]
					: others;
			memo.appliedAmount = cents(Number(memo.appliedAmount ?? 0) - back);
			memo.status = statusOf(memo);
			memo.updatedTime = at;
			rest = cents(rest + back);
			if (rest >= 0) break;
		}
	}
	invoice.creditAmount = cents(Number(invoice.creditAmount ?? 0) + amount);
}

/** Checks a create body's `creditAmount` (≥ 0, at most the invoice's total) and applies it. */
export function applyCreditOnCreate(context: RequestContext, invoice: Json, value: unknown): void {
	invoice.creditAmount = 0;
	if (value === undefined || value === null) return;
	const amount = Number(value);
	if (!Number.isFinite(amount) || amount < 0) throw bad('creditAmount', 'must be 0 or more');
	if (amount > Number(invoice.totalAmount ?? 0))
		throw bad('creditAmount', "must not be more than the invoice's total");
	move(context, invoice, amount);
}

/** A PATCH or PUT body's `creditAmount`, as readings.ts `invoiceCreditAmount` reads it. */
export function changeCredit(context: RequestContext, invoice: Json, value: unknown): void {
	if (value === undefined || value === null) return;
	const reading = context.emulator.readings.invoiceCreditAmount;
	if (reading === 'refused') throw bad('creditAmount', 'cannot be changed on an existing invoice');
	const amount = Number(value);
	if (!Number.isFinite(amount) || amount < 0) throw bad('creditAmount', 'must be 0 or more');
	const current = Number(invoice.creditAmount ?? 0);
	const after = reading === 'add' ? cents(current + amount) : amount;
	if (after > Number(invoice.totalAmount ?? 0))
		throw bad('creditAmount', "must not be more than the invoice's total");
	move(context, invoice, cents(after - current));
}
