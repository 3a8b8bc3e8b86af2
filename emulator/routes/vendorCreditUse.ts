/**
 * Vendor credits applied to bills: a bill's create, replace (PUT) and update (PATCH) take
 * `vendorCredits: [{id, amount}]` (https://developer.bill.com/changelog/2025-05-22-bills-api-improvements-for-vendor-credits).
 * What BILL documents and the emulator does:
 * - the credit's `appliedAmount` grows and its `usage` lists the bill with the amount
 *   (Postman "Get vendor credit details": `usage[{billId, paymentId, amount}]`);
 * - the bill's `paidAmount` is "the sum of all cleared payments and any credit amount applied to
 *   the bill" (https://developer.bill.com/changelog/2025-06-20-bills-api-response-improvements), so
 *   its `dueAmount` drops by the credit; `creditAmount` holds the credits applied.
 * Where BILL is silent (each the emulator's choice, with BILL's usual 400 BDC_1002 "<field>: <reason>"):
 * - a credit of another vendor, an archived credit, more than is left on a credit, or credits
 *   worth more than the bill's due amount are refused, and the request changes nothing;
 * - the status: Postman shows `NOT_APPLIED`, `IN_PROCESS`, `FULLY_APPLIED`; a credit used in
 *   full is `FULLY_APPLIED`, one partly used `IN_PROCESS`, one unused `NOT_APPLIED`;
 * - whether a PATCH or PUT that lists a credit the bill already has sets its amount or applies it
 *   once more: readings.ts `billVendorCredits` plays both ('set' by default, 'add').
 * A bill's applications are kept on the credit (`usage`), not on the bill: BILL's bill answers
 * (Postman "Create a bill", "Get bill details") have no `vendorCredits`.
 */
import { type RequestContext } from '../server';
import { type Json } from '../state';
import { bad, cents, missing } from './amountLines';
import { creditStatus, vendorCreditStore } from './vendorCredits';

/** The checked change of one credit: `delta` more applied to the bill (less when negative, 'set'). */
interface Change {
	credit: Json;
	delta: number;
}

export interface CreditPlan {
	changes: Change[];
	/** What the bill's credits change by in all. */
	total: number;
}

/** What the bill already has of this credit. */
const onBill = (credit: Json, billId: string): number =>
	cents(
		((credit.usage as Json[] | undefined) ?? [])
			.filter((use) => use.billId === billId && !use.paymentId)
			.reduce((sum, use) => sum + Number(use.amount), 0),
	);

/**
 * Checks a bill body's `vendorCredits` against the bill as it will be (its vendor, its due amount
 * before these credits) and answers what would change; nothing changes yet. `pending` carries
 * what earlier bills of the same bulk request take from each credit.
 */
export function planVendorCredits(
	context: RequestContext,
	bill: Json,
	value: unknown,
	pending = new Map<string, number>(),
): CreditPlan | undefined {
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) throw bad('vendorCredits', 'must be an array');
	const store = vendorCreditStore(context);
	const seen = new Set<string>();
	const changes = value.map((raw, n): Change => {
		const field = `vendorCredits[${n}]`;
		if (!raw || typeof raw !== 'object' || Array.isArray(raw))
			throw bad(field, 'must be an object');
		const { id, amount } = raw as Json;
		if (missing(id)) throw bad(`${field}.id`, 'must not be null');
		const credit = store.get(String(id));
		if (!credit || context.state.owner.get(String(id)) !== context.organization!.id)
			throw bad(`${field}.id`, `vendor credit ${String(id)} does not exist`);
		if (seen.has(String(id)))
			throw bad(`${field}.id`, `vendor credit ${String(id)} is listed twice`);
		seen.add(String(id));
		if (credit.archived) throw bad(`${field}.id`, `vendor credit ${String(id)} is archived`);
		if (credit.vendorId !== bill.vendorId)
			throw bad(
				`${field}.id`,
				`vendor credit ${String(id)} is a credit of vendor ${String(credit.vendorId)}, not of the bill's vendor ${String(bill.vendorId)}`,
			);
		if (typeof amount !== 'number' || !Number.isFinite(amount))
			throw bad(`${field}.amount`, 'must be a number');
		if (amount <= 0) throw bad(`${field}.amount`, 'must be greater than 0');
		const has = onBill(credit, String(bill.id));
		const delta = cents(
			context.emulator.readings.billVendorCredits === 'add' ? amount : amount - has,
		);
		const left = cents(
			Number(credit.amount) - Number(credit.appliedAmount ?? 0) - (pending.get(String(id)) ?? 0),
		);
		if (delta > left)
			throw bad(
				`${field}.amount`,
				`${amount} is more than the ${left} left on vendor credit ${String(id)}`,
			);
		return { credit, delta };
	});
	const total = cents(changes.reduce((sum, change) => sum + change.delta, 0));
	if (total > Number(bill.dueAmount))
		throw bad(
			'vendorCredits',
			`the credits (${total}) are more than the ${String(bill.dueAmount)} due on the bill`,
		);
	for (const change of changes) {
		const id = String(change.credit.id);
		pending.set(id, cents((pending.get(id) ?? 0) + change.delta));
	}
	return { changes, total };
}

/** Applies a checked plan to the credits (the bill's own amounts are the caller's). */
export function applyVendorCredits(
	context: RequestContext,
	billId: string,
	plan: CreditPlan,
): void {
	const now = context.clock.timestamp();
	for (const { credit, delta } of plan.changes) {
		const usage = ((credit.usage as Json[] | undefined) ?? []).filter(
			(use) => use.billId !== billId || use.paymentId,
		);
		const total = cents(onBill(credit, billId) + delta);
		credit.usage = total > 0 ? [...usage, { billId, amount: total }] : usage;
		credit.appliedAmount = cents(Number(credit.appliedAmount ?? 0) + delta);
		credit.status = creditStatus(credit);
		credit.updatedTime = now;
	}
}
