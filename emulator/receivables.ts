/**
 * The emulator's accounts-receivable data (customers, invoices, received payments), kept per
 * State (a reset starts a new State, and so new AR data) beside State's own maps, and the AR
 * switches for what BILL's documents leave open (per emulator, kept across resets).
 */
import type { Emulator } from './server';
import type { Json, State } from './state';

export interface Receivables {
	customers: Map<string, Json>;
	invoices: Map<string, Json>;
	receivablePayments: Map<string, Json>;
	creditMemos: Map<string, Json>;
	recurringInvoices: Map<string, Json>;
	/** Customer bank accounts (`cba…`), the accounts a charge takes the money from. */
	customerBankAccounts: Map<string, Json>;
	/** Attachments of customers and invoices (`att…`), with their bytes (never listed). */
	attachments: Map<string, Json>;
	/** Customers connected to the organization in the BILL network (no payment link for them). */
	connectedCustomers: Set<string>;
	/** When invoice emails were sent, per organization (5 a minute). */
	emailsSent: Map<string, number[]>;
}

export interface ReceivablesSettings {
	/**
	 * Open question: whether BILL refuses an invoice number the customer already has. BILL's
	 * "Create an invoice" reference says only that the number is generated when left out; the
	 * emulator accepts a second one by default (`allow`), as it does for bills, and can refuse it
	 * (`refuse`: 400 BDC_1002 naming invoiceNumber), so the node is tested under both readings.
	 */
	duplicateInvoiceNumbers: 'allow' | 'refuse';
	/** BILL's limit for endpoints that send email: 5 within this window (a minute). */
	emailWindowMs: number;
}

/**
 * The classifications of an invoice or credit memo as a whole, and of its lines
 * (https://developer.bill.com/reference/createinvoice; Postman "Update multiple credit memos"
 * shows the same two lists). BILL names none for recurring invoices
 * (https://developer.bill.com/docs/ar-recurring-invoices): the emulator takes those of the
 * invoices they make. Any other key is refused, as on bills.
 */
export const AR_CLASSIFICATIONS = ['accountingClassId', 'departmentId', 'jobId', 'locationId'];
export const AR_LINE_CLASSIFICATIONS = [...AR_CLASSIFICATIONS, 'chartOfAccountId', 'itemId'];

const data = new WeakMap<State, Receivables>();
const settings = new WeakMap<Emulator, ReceivablesSettings>();

export function receivables(state: State): Receivables {
	let found = data.get(state);
	if (!found) {
		found = {
			customers: new Map(),
			invoices: new Map(),
			receivablePayments: new Map(),
			creditMemos: new Map(),
			recurringInvoices: new Map(),
			attachments: new Map(),
			customerBankAccounts: new Map(),
			connectedCustomers: new Set(),
			emailsSent: new Map(),
		};
		data.set(state, found);
	}
	return found;
}

export function receivablesSettings(emulator: Emulator): ReceivablesSettings {
	let found = settings.get(emulator);
	if (!found) {
		found = { duplicateInvoiceNumbers: 'allow', emailWindowMs: 60_000 };
		settings.set(emulator, found);
	}
	return found;
}
