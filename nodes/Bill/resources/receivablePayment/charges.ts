// What a charge looks up before it is sent: the charges made before (so a re-run never charges
// twice), the invoices (what is still due) and the customer's bank account.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { asNodeError, billApiRequest, billApiRequestAllItems } from '../../../shared/transport';
import { activeCustomerBankAccounts } from '../customer/bankAccounts';
import { refusedFilter } from '../payment/duplicates';

export const RECEIVABLE_PAYMENTS_PATH = '/v3/receivable-payments';

export interface InvoicePayment {
	invoiceId: string;
	amount: number;
}

export interface WantedCharge {
	customerId: string;
	invoicePayments: InvoicePayment[];
	paymentDate: string;
}

/** Received-payment statuses after which no money moves (they do not count as "charged before"). */
const ENDED = new Set(['VOID', 'VOIDED', 'CANCELLED', 'CANCELED', 'FAILED', 'REVERSED']);

/** Runs in which BILL refused the `customerId` filter: the next items read the whole list. */
const refusedIn = new WeakSet<object>();

/**
 * The customer's received payments that still move money. BILL documents no filterable fields
 * for received payments (Postman "Get list of received payments" shows only `id`), so the
 * `customerId` filter is asked first and, if BILL refuses it (400), the whole list is read and
 * matched here; a BILL that ignores the filter returns more than asked, which the match handles.
 */
export async function liveReceivedPayments(
	context: IExecuteFunctions,
	itemIndex: number,
	customerId: string,
): Promise<IDataObject[]> {
	const read = async (qs?: IDataObject) =>
		await billApiRequestAllItems.call(
			context,
			{ method: 'GET', path: RECEIVABLE_PAYMENTS_PATH, qs, itemIndex },
			{ returnAll: true },
		);
	let all: IDataObject[] | undefined;
	if (!refusedIn.has(context)) {
		try {
			all = await read({ filters: `customerId:eq:${customerId}` });
		} catch (error) {
			if (!refusedFilter(error)) throw asNodeError(context.getNode(), error);
			refusedIn.add(context);
			context.logger.warn(
				`BILL refused the customerId filter on received payments (${(error as Error).message}); the whole list is read instead`,
			);
		}
	}
	all ??= await read();
	return all.filter(
		(p) => p.customerId === customerId && !ENDED.has(String(p.status ?? '').toUpperCase()),
	);
}

const partsOf = (payment: IDataObject): InvoicePayment[] =>
	((payment.invoicePayments as IDataObject[] | undefined) ?? []).map((p) => ({
		invoiceId: String(p.invoiceId),
		amount: Number(p.amount),
	}));

const key = (parts: InvoicePayment[]) =>
	parts
		.map((p) => `${p.invoiceId}=${p.amount.toFixed(2)}`)
		.sort()
		.join(',');

/** Days BILL may move a withdrawal date forward (a weekend or a holiday): a guess, docs/GUESSES.md. */
const DATE_SHIFT_DAYS = 4;

const daysAfter = (date: string, wanted: string) =>
	(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - Date.parse(`${wanted}T00:00:00Z`)) / 86_400_000;

/**
 * The received payment that is this charge: same invoices, same amounts, and the withdrawal date
 * asked for or up to four days after it (BILL may move a date that is not a business day; it does
 * not say whether it does).
 */
export function sameCharge(payments: IDataObject[], wanted: WantedCharge): IDataObject | undefined {
	const wantedKey = key(wanted.invoicePayments);
	return payments.find((p) => {
		const shift = daysAfter(String(p.paymentDate ?? ''), wanted.paymentDate);
		return shift >= 0 && shift <= DATE_SHIFT_DAYS && key(partsOf(p)) === wantedKey;
	});
}

/** The received payments that paid any of these invoices. */
export const paymentsOfInvoices = (payments: IDataObject[], invoiceIds: string[]) =>
	payments.filter((p) => partsOf(p).some((part) => invoiceIds.includes(part.invoiceId)));

/** Each invoice, read: it must be the customer's, with at least the amount still due. */
export async function checkInvoices(
	context: IExecuteFunctions,
	itemIndex: number,
	wanted: WantedCharge,
): Promise<IDataObject[]> {
	const invoices: IDataObject[] = [];
	for (const part of wanted.invoicePayments) {
		const invoice = await billApiRequest.call(context, {
			method: 'GET',
			path: `/v3/invoices/${part.invoiceId}`,
			itemIndex,
		});
		if (String(invoice.customerId) !== wanted.customerId) {
			throw invalid(
				context,
				itemIndex,
				'Invoices',
				`invoice ${part.invoiceId} belongs to customer ${String(invoice.customerId)}, not ${wanted.customerId}`,
				'One charge pays invoices of one customer.',
			);
		}
		const due = Number(invoice.dueAmount ?? 0);
		if (part.amount > due) {
			throw invalid(
				context,
				itemIndex,
				'Invoices',
				`${part.amount} is more than the ${due} still due on invoice ${part.invoiceId}`,
				"Charge at most the invoice's due amount (map its dueAmount to charge it in full).",
			);
		}
		invoices.push(invoice);
	}
	return invoices;
}

/** The customer's one active bank account; none, or several, is an error saying what to do. */
export async function theCustomerBankAccount(
	context: IExecuteFunctions,
	itemIndex: number,
	customerId: string,
): Promise<string> {
	const accounts = await activeCustomerBankAccounts(context, itemIndex, customerId);
	if (accounts.length === 1) return String(accounts[0].id);
	if (!accounts.length) {
		throw invalid(
			context,
			itemIndex,
			'Funding Account',
			`customer ${customerId} has no bank account in BILL; nothing was charged`,
			"Add the customer's bank account first (Customer → Create Bank Account).",
		);
	}
	throw invalid(
		context,
		itemIndex,
		'Funding Account',
		`customer ${customerId} has ${accounts.length} bank accounts (${accounts.map((a) => String(a.id)).join(', ')}); nothing was charged`,
		'Choose one: set Funding Account to "By ID" and give the customer bank account ID.',
	);
}
