/**
 * Payments (BILL's Postman folder "payments"; https://developer.bill.com/docs/notification-payloads-reference): create (201, one bill),
 * bulk create (201, ≤50 bills, all or nothing), get, list, cancel, void, and the vendor's payment
 * options. Creating needs an MFA-trusted session (403 BDC_1361) and a VERIFIED, active bank
 * account of the organization; every change fires `payment.updated` (there is no
 * `payment.created` in BILL's catalog, §6.6).
 *
 * How a payment moves a bill (BILL documents the fields, not the arithmetic; the emulator's choice):
 * - created: the bill's `scheduledAmount` grows and its `dueAmount` shrinks by the amount (so the
 *   same money cannot be scheduled twice), `paymentStatus` becomes SCHEDULED; the payment's
 *   `status` and `singleStatus` are SCHEDULED.
 * - processed, once the emulator's date is past its `processDate` (or `processPayments()` is
 *   called): `scheduledAmount` → `paidAmount`; `paymentStatus` PAID when nothing is left due,
 *   else PARTIAL; the payment is PAID / CLEARED and can no longer be cancelled, only voided.
 * - cancelled (only while SCHEDULED, as BILL's "Cancel a payment" says): the amounts go back.
 * - voided (only after processing): a void request is recorded in `voidInfo` (TO_BE_PROCESSED)
 *   and `singleStatus` is VOID_PENDING; the bill keeps its paid amount until BILL completes the
 *   void, which the emulator never does.
 * - A bill with approvers (approvalStatus ASSIGNED, APPROVING or DENIED) cannot be paid.
 * - A past `processDate` is kept as given: whether BILL refuses it or moves it to the next
 *   payment date is not documented.
 * Filterable fields of payments are not on https://developer.bill.com/docs/filterable-fields; the emulator allows id, vendorId, status,
 * processDate, createdTime and updatedTime (v2's SentPay list documents these as filterable).
 */
import { cents } from './amountLines';
import { BillError, errors } from '../errors';
import { listPage, type FilterableFields } from '../list';
import { objectBody, type Emulator, type RequestContext } from '../server';
import { newId, type Json } from '../state';
import { checkForeignPayment, registerPaymentExtras } from './paymentExtras';
import { checkCardPurpose, checkFunding, checkProcessDate, checkTrusted } from './paymentChecks';

export const PAYMENT_FILTERS: FilterableFields = {
	id: ['eq', 'ne', 'in'],
	vendorId: ['eq', 'in'],
	status: ['eq', 'ne', 'in'],
	processDate: ['eq', 'gt', 'gte', 'lt', 'lte'],
	createdTime: ['gt', 'gte', 'lt', 'lte'],
	updatedTime: ['gt', 'gte', 'lt', 'lte'],
};
/**
 * readings.ts paymentFilters 'strict': only the payment filters BILL shows, `id` (Postman "Get
 * list of payments") and `transactionNumber` (https://developer.bill.com/docs/filterable-fields).
 */
export const DOCUMENTED_PAYMENT_FILTERS: FilterableFields = {
	id: ['eq', 'ne', 'in'],
	transactionNumber: ['eq'],
};
export const PAYMENT_SORTS = ['createdTime', 'updatedTime', 'processDate', 'amount'];

/** BILL pays at most 50 bills with one bulk request (Postman "Create a bulk payment"). */
export const BULK_PAYMENT_LIMIT = 50;

export const FUNDING_TYPES = ['BANK_ACCOUNT', 'CARD_ACCOUNT', 'AP_CARD', 'WALLET'];
export const VOID_TYPES = [
	'VOID_ONLY',
	'VOID_AND_REISSUE',
	'VOID_AND_REISSUE_VCARD',
	'VOID_AND_CREDIT',
];

const bad = (field: string, reason: string) => errors.invalid(`${field}: ${reason}`);
const copy = (value: Json): Json => structuredClone(value);

/** A bill's paymentStatus from its amounts (the emulator's rule, see the top of this file). */
export function billPaymentStatus(bill: Json): string {
	if (Number(bill.scheduledAmount ?? 0) > 0) return 'SCHEDULED';
	if (Number(bill.paidAmount ?? 0) === 0) return 'UNPAID';
	return Number(bill.dueAmount ?? 0) === 0 ? 'PAID' : 'PARTIAL';
}

function changeBill(
	emulator: Emulator,
	organizationId: string,
	bill: Json,
	change: { scheduled?: number; due?: number; paid?: number },
): void {
	bill.scheduledAmount = cents(Number(bill.scheduledAmount ?? 0) + (change.scheduled ?? 0));
	bill.dueAmount = cents(Number(bill.dueAmount ?? 0) + (change.due ?? 0));
	bill.paidAmount = cents(Number(bill.paidAmount ?? 0) + (change.paid ?? 0));
	bill.paymentStatus = billPaymentStatus(bill);
	bill.updatedTime = emulator.clock.timestamp();
	emulator.emit('bill.updated', organizationId, 'bill', copy(bill));
}

function paymentChanged(emulator: Emulator, organizationId: string, payment: Json): void {
	payment.updatedTime = emulator.clock.timestamp();
	emulator.emit('payment.updated', organizationId, 'payment', copy(payment));
}

/** Processes every SCHEDULED payment dated before today, or on or before `upTo` when given. */
export function processPayments(emulator: Emulator, upTo?: string): number {
	const { state } = emulator;
	const today = upTo ?? emulator.clock.today();
	let processed = 0;
	for (const [id, payment] of state.payments) {
		const date = String(payment.processDate);
		if (payment.singleStatus !== 'SCHEDULED' || (upTo ? date > upTo : date >= today)) continue;
		const organizationId = state.owner.get(id)!;
		for (const part of payment.billPayments as Json[]) {
			const bill = state.bills.get(String(part.billId));
			if (bill)
				changeBill(emulator, organizationId, bill, {
					scheduled: -Number(part.amount),
					paid: Number(part.amount),
				});
		}
		payment.status = 'PAID';
		payment.singleStatus = 'CLEARED';
		payment.disbursementStatus = 'DONE';
		paymentChanged(emulator, organizationId, payment);
		processed++;
	}
	return processed;
}

function paymentOf(context: RequestContext): Json {
	const id = context.params.paymentId;
	const payment = context.state.payments.get(id);
	if (!payment || context.state.owner.get(id) !== context.organization!.id)
		throw errors.notFound('Payment', id);
	return payment;
}

interface PlannedPart {
	bill: Json;
	amount: number;
}

/** One bill and amount checked against what is still due (including earlier parts of the request). */
function planPart(
	context: RequestContext,
	field: string,
	raw: Json,
	owed: Map<string, number>,
): PlannedPart {
	const billId = raw.billId;
	if (typeof billId !== 'string' || !billId) throw bad(`${field}billId`, 'must not be null');
	const bill = context.state.bills.get(billId);
	if (!bill || context.state.owner.get(billId) !== context.organization!.id)
		throw errors.notFound('Bill', billId);
	if (bill.archived) throw bad(`${field}billId`, `bill ${billId} is archived`);
	if (['ASSIGNED', 'APPROVING', 'DENIED'].includes(String(bill.approvalStatus))) {
		throw new BillError(
			400,
			'BDC_1002',
			`${field}billId: bill ${billId} is not approved (approval status ${String(bill.approvalStatus)}); it can be paid once its approvers approve it.`,
		);
	}
	const amount = typeof raw.amount === 'number' ? raw.amount : Number.NaN;
	if (!Number.isFinite(amount) || amount <= 0)
		throw bad(`${field}amount`, 'must be a number greater than 0');
	const due = owed.get(billId) ?? Number(bill.dueAmount ?? 0);
	if (cents(amount) > due)
		throw bad(`${field}amount`, `${amount} is more than the ${due} due on bill ${billId}`);
	owed.set(billId, cents(due - amount));
	return { bill, amount: cents(amount) };
}

function newPayment(
	context: RequestContext,
	part: PlannedPart,
	common: Json,
	foreign: Json = {},
): Json {
	const now = context.clock.timestamp();
	const vendor = context.state.vendors.get(String(part.bill.vendorId));
	const byCheck = (vendor?.paymentInformation as Json | undefined)?.payByType === 'CHECK';
	const payment: Json = {
		id: newId('stp'),
		vendorId: part.bill.vendorId,
		vendorName: vendor?.name,
		billId: part.bill.id,
		billPayments: [
			{ id: newId('blp'), billId: part.bill.id, amount: part.amount, vendorCredits: [] },
		],
		description: common.description ?? '',
		processDate: common.processDate,
		fundingAccount: common.fundingAccount,
		processingOptions: { requestPayFaster: common.requestPayFaster === true, createBill: false },
		transactionNumber: '',
		confirmationNumber: `P${String(context.state.payments.size + 1).padStart(8, '0')}`,
		status: 'SCHEDULED',
		exchangeRate: foreign.exchangeRate ?? 1,
		fundingAmount: foreign.exchangeRate
			? cents(part.amount / Number(foreign.exchangeRate))
			: part.amount,
		amount: part.amount,
		onlinePayment: true,
		// A vendor paid by check gets a check (its images: Payment → check-image), others ACH.
		disbursementType:
			byCheck && common.fundingAccount && (common.fundingAccount as Json).type === 'BANK_ACCOUNT'
				? 'CHECK'
				: 'ACH',
		createdTime: now,
		updatedTime: now,
		createdBy: context.user?.id,
		disbursementStatus: 'SCHEDULED',
		cancelRequestSubmitted: false,
		singleStatus: 'SCHEDULED',
	};
	if (common.cardFundingPurpose) payment.cardFundingPurpose = common.cardFundingPurpose;
	if (foreign.exchangeRateBatchId) payment.exchangeRateBatchId = foreign.exchangeRateBatchId;
	return payment;
}

function store(context: RequestContext, payment: Json, part: PlannedPart): Json {
	const organizationId = context.organization!.id;
	context.state.payments.set(String(payment.id), payment);
	context.state.owner.set(String(payment.id), organizationId);
	changeBill(context.emulator, organizationId, part.bill, {
		scheduled: part.amount,
		due: -part.amount,
	});
	context.emulator.emit('payment.updated', organizationId, 'payment', copy(payment));
	return payment;
}

function commonFields(context: RequestContext, body: Json): Json {
	return {
		processDate: checkProcessDate(body.processDate),
		fundingAccount: checkFunding(context, body),
		description: typeof body.description === 'string' ? body.description : undefined,
		cardFundingPurpose: body.cardFundingPurpose,
		requestPayFaster: (body.processingOptions as Json | undefined)?.requestPayFaster,
	};
}

/** `GET /v3/payments/options`: the organization's bank accounts as funding options (no cards). */
export function registerPayments(emulator: Emulator): void {
	const settle = (context: RequestContext) => processPayments(context.emulator);

	emulator.add('POST', '/v3/payments', (context) => {
		checkTrusted(context, 'Creating a payment');
		settle(context);
		const body = objectBody(context);
		if (body.processingOptions && (body.processingOptions as Json).createBill === true) {
			throw bad(
				'processingOptions.createBill',
				'paying without a bill is not supported by the emulator',
			);
		}
		const common = commonFields(context, body);
		const part = planPart(context, '', body, new Map());
		if (body.vendorId !== undefined && body.vendorId !== part.bill.vendorId) {
			throw bad(
				'vendorId',
				`bill ${String(part.bill.id)} is not a bill of vendor ${String(body.vendorId)}`,
			);
		}
		checkCardPurpose(context, body, part.bill);
		const vendor = context.state.vendors.get(String(part.bill.vendorId));
		const foreign = checkForeignPayment(context, vendor, body, String(common.processDate));
		return { status: 201, body: store(context, newPayment(context, part, common, foreign), part) };
	});

	emulator.add('POST', '/v3/payments/bulk', (context) => {
		checkTrusted(context, 'Creating a bulk payment');
		settle(context);
		const body = objectBody(context);
		const common = commonFields(context, body);
		if (!Array.isArray(body.payments) || !body.payments.length)
			throw bad('payments', 'must not be empty');
		if (body.payments.length > BULK_PAYMENT_LIMIT)
			throw bad(
				'payments',
				`at most ${BULK_PAYMENT_LIMIT} bills per bulk payment, got ${body.payments.length}`,
			);
		// All or nothing (Postman: "If any bill payment is not successful, the entire request fails").
		const owed = new Map<string, number>();
		const parts = body.payments.map((raw, n) => {
			if (!raw || typeof raw !== 'object') throw bad(`payments[${n}]`, 'must be an object');
			return planPart(context, `payments[${n}].`, raw as Json, owed);
		});
		const foreign = parts.map((part, n) => {
			checkCardPurpose(context, body, part.bill, `payments[${n}].`);
			const vendor = context.state.vendors.get(String(part.bill.vendorId));
			return checkForeignPayment(context, vendor, body, String(common.processDate));
		});
		return {
			status: 201,
			body: {
				payments: parts.map((part, n) =>
					store(context, newPayment(context, part, common, foreign[n]), part),
				),
			},
		};
	});

	emulator.add('GET', '/v3/payments', (context) => {
		settle(context);
		const all = context.state.ofOrganization(context.state.payments, context.organization!.id);
		return {
			body: listPage(all, context.query, {
				filterable:
					context.emulator.readings.paymentFilters === 'strict'
						? DOCUMENTED_PAYMENT_FILTERS
						: PAYMENT_FILTERS,
				sortable: PAYMENT_SORTS,
			}),
		};
	});

	// Before `/v3/payments/:paymentId`, which would match `/v3/payments/exchange-rate`.
	registerPaymentExtras(emulator);

	emulator.add('GET', '/v3/payments/:paymentId', (context) => {
		settle(context);
		return { body: paymentOf(context) };
	});

	emulator.add('POST', '/v3/payments/:paymentId/cancel', (context) => {
		settle(context);
		const payment = paymentOf(context);
		if (payment.singleStatus !== 'SCHEDULED') {
			throw errors.invalid(
				`Payment ${String(payment.id)} cannot be cancelled: its status is ${String(payment.singleStatus)}. Only a SCHEDULED payment can be cancelled; void a processed payment instead.`,
			);
		}
		const organizationId = context.organization!.id;
		for (const part of payment.billPayments as Json[]) {
			const bill = context.state.bills.get(String(part.billId));
			if (bill)
				changeBill(context.emulator, organizationId, bill, {
					scheduled: -Number(part.amount),
					due: Number(part.amount),
				});
		}
		payment.status = 'CANCELLED';
		payment.singleStatus = 'CANCELLED';
		payment.disbursementStatus = 'CANCELLED';
		payment.cancelRequestSubmitted = true;
		paymentChanged(context.emulator, organizationId, payment);
		return { body: payment };
	});

	emulator.add('POST', '/v3/payments/:paymentId/void', (context) => {
		settle(context);
		const payment = paymentOf(context);
		const body = objectBody(context);
		if (!VOID_TYPES.includes(String(body.type)))
			throw bad('type', `must be one of ${VOID_TYPES.join(', ')}`);
		if (typeof body.reason !== 'string' || !body.reason.trim())
			throw bad('reason', 'must not be blank');
		if (payment.singleStatus === 'SCHEDULED') {
			throw errors.invalid(
				`Payment ${String(payment.id)} has not started processing: cancel it instead of voiding it.`,
			);
		}
		if (payment.singleStatus !== 'CLEARED') {
			throw errors.invalid(
				`Payment ${String(payment.id)} cannot be voided: its status is ${String(payment.singleStatus)}.`,
			);
		}
		const now = context.clock.timestamp();
		payment.voidInfo = [
			...((payment.voidInfo as Json[] | undefined) ?? []),
			{
				id: newId('vdr'),
				requestedBy: context.user?.id,
				type: body.type,
				status: 'TO_BE_PROCESSED',
				reason: body.reason,
				createdTime: now,
				updatedTime: now,
			},
		];
		payment.singleStatus = 'VOID_PENDING';
		paymentChanged(context.emulator, context.organization!.id, payment);
		return { body: payment };
	});
}
