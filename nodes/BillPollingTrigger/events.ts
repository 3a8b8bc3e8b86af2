// The events the BILL Polling Trigger offers: which BILL list each reads, by which time field,
// and what makes a listed object one of its changes. What the editor shows is in descriptions.ts.

import type { IDataObject } from 'n8n-workflow';

import { simplifyBill } from '../Bill/resources/bill/output';
import { simplifyVendor } from '../Bill/resources/vendor/output';

/** Which of BILL's APIs serves the list: AP/AR (`/v3/…`) or Spend & Expense (`/v3/spend/…`). */
export type Api = 'apar' | 'spend';

/** How the listed objects become events: every change, once per object, or a status change. */
export type Kind = 'change' | 'once' | 'status';

export interface PolledEvent {
	value: string;
	name: string;
	description: string;
	api: Api;
	path: string;
	/** The list's time field the cursor follows (filtered with gte; sorted on where BILL allows). */
	timeField: string;
	/** Whether BILL sorts this list on `timeField` (else every page of the window is read). */
	sortable: boolean;
	kind: Kind;
	/** More `filters` of BILL's list syntax, e.g. `paymentStatus:eq:"PAID"`. */
	filters?: string[];
	/** Page size: BILL's largest for this list. */
	pageSize: number;
	/** The Simplify form of Get, where Get has one. */
	simplify?: (object: IDataObject) => IDataObject;
	statusOf?: (object: IDataObject) => string;
}

const apar = { api: 'apar' as const, timeField: 'updatedTime', sortable: true, pageSize: 100 };

/**
 * AP/AR lists filter and sort on `updatedTime` and `createdTime`
 * (https://developer.bill.com/docs/filterable-fields, https://developer.bill.com/docs/search-op-with-lists);
 * bills `paymentStatus` and invoices `status` (invoices since https://developer.bill.com/changelog/2026-03-20-invoices-api-improvements).
 * Spend & Expense: transactions filter `updatedTime` (gte, lte; https://developer.bill.com/changelog/2026-01-26-spend-expense-transactions-api-improvements)
 * but sort only on amount, merchantName and occurredTime (https://developer.bill.com/reference-link/listtransactions);
 * reimbursements filter and sort on `submittedTime` (https://developer.bill.com/hc/reference/listreimbursements).
 */
export const POLLED_EVENTS: PolledEvent[] = [
	{
		...apar,
		value: 'billUpdated',
		name: 'Bill Created or Updated',
		description: 'A bill was created or changed',
		path: '/v3/bills',
		kind: 'change',
		simplify: simplifyBill,
	},
	{
		...apar,
		value: 'billPaid',
		name: 'Bill Paid in Full',
		description: "A bill's payment status became PAID (once per bill)",
		path: '/v3/bills',
		kind: 'once',
		filters: ['paymentStatus:eq:"PAID"'],
		simplify: simplifyBill,
	},
	{
		...apar,
		value: 'vendorUpdated',
		name: 'Vendor Created or Updated',
		description: 'A vendor was created or changed',
		path: '/v3/vendors',
		kind: 'change',
		simplify: simplifyVendor,
	},
	{
		...apar,
		value: 'customerUpdated',
		name: 'Customer Created or Updated',
		description: 'A customer was created or changed',
		path: '/v3/customers',
		kind: 'change',
	},
	{
		...apar,
		value: 'invoiceUpdated',
		name: 'Invoice Created or Updated',
		description: 'An invoice was created or changed',
		path: '/v3/invoices',
		kind: 'change',
	},
	{
		...apar,
		value: 'invoicePaid',
		name: 'Invoice Paid in Full',
		description: "An invoice's status became PAID_IN_FULL (once per invoice)",
		path: '/v3/invoices',
		kind: 'once',
		filters: ['status:eq:"PAID_IN_FULL"'],
	},
	{
		...apar,
		value: 'paymentReceived',
		name: 'Payment Received',
		description:
			'A customer payment was recorded or charged (received payments; BILL sends no webhook for these)',
		path: '/v3/receivable-payments',
		kind: 'once',
	},
	{
		...apar,
		value: 'paymentStatusChanged',
		name: 'Payment Status Changed',
		description: 'A payment to a vendor was made, or its status changed',
		path: '/v3/payments',
		kind: 'status',
		statusOf: (payment) => String(payment.status ?? ''),
	},
	{
		...apar,
		value: 'vendorCreditCreated',
		name: 'Vendor Credit Created',
		description: 'A vendor credit was created (once per vendor credit)',
		path: '/v3/vendor-credits',
		timeField: 'createdTime',
		kind: 'once',
	},
	{
		value: 'spendTransactionUpdated',
		name: 'Transaction Created or Updated',
		description: 'A card transaction was created or changed',
		api: 'spend',
		path: '/v3/spend/transactions',
		timeField: 'updatedTime',
		sortable: false,
		kind: 'change',
		pageSize: 50,
	},
	{
		value: 'spendReimbursementSubmitted',
		name: 'Reimbursement Submitted',
		description: 'A reimbursement was submitted (once per reimbursement)',
		api: 'spend',
		path: '/v3/spend/reimbursements',
		timeField: 'submittedTime',
		sortable: true,
		kind: 'once',
		pageSize: 100,
	},
];

export function polledEvent(value: string): PolledEvent | undefined {
	return POLLED_EVENTS.find((event) => event.value === value);
}

/** The object's ID: S&E objects are known by `uuid` (https://developer.bill.com/changelog/2025-07-09-use-uuid-in-spend-expense-api). */
export function idOf(event: PolledEvent, object: IDataObject): string {
	return String((event.api === 'spend' ? (object.uuid ?? object.id) : object.id) ?? '');
}
