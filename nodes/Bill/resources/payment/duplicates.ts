import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError, billApiRequestAllItems } from '../../../shared/transport';
import { livePaymentsOfVendors, samePayment, type WantedPayment } from './lookups';
import { PAYMENTS_PATH } from './paths';

/** Payment statuses after which the money no longer moves (as livePaymentsOfVendors reads them). */
const ENDED = new Set(['CANCELLED', 'CANCELED', 'VOID', 'VOIDED', 'FAILED']);

const isLive = (p: IDataObject) =>
	!ENDED.has(String(p.status ?? '').toUpperCase()) &&
	!ENDED.has(String(p.singleStatus ?? '').toUpperCase());

/** Runs in which BILL refused the `vendorId` filter: the next items go straight to the fallback. */
const refusedIn = new WeakSet<object>();

/**
 * BILL's refusal of the list request itself (400), as for a filter it does not support; not its
 * limits (BDC_1322, BDC_1144), which are no answer about the filter.
 */
export function refusedFilter(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const code = error.context.billCode;
	return String(error.httpCode) === '400' && code !== 'BDC_1322' && code !== 'BDC_1144';
}

/**
 * Whether BILL's bill says no payment of it exists: `paymentStatus` UNPAID with nothing scheduled
 * and nothing paid. These are the fields BILL documents on the bill for its payments
 * (https://developer.bill.com/changelog/2024-10-28-bill-information-improvements for
 * `paymentStatus`, https://developer.bill.com/changelog/2025-06-20-bills-api-response-improvements
 * for `paidAmount`, `scheduledAmount` in Postman "Get bill details"); a field missing from the
 * answer counts as "may have payments".
 */
export function billShowsNoPayment(bill: IDataObject | undefined): boolean {
	if (!bill) return false;
	return (
		String(bill.paymentStatus ?? '').toUpperCase() === 'UNPAID' &&
		bill.scheduledAmount !== undefined &&
		Number(bill.scheduledAmount) === 0 &&
		bill.paidAmount !== undefined &&
		Number(bill.paidAmount) === 0
	);
}

/**
 * The live payments that may belong to these bills: the list a payment made before is looked for
 * in (samePayment), and an Amount of 0 finds the bill's payments in (alreadyPaid.ts). A re-run
 * after a create whose outcome was unknown so returns the payment instead of paying twice, while a
 * payment of the same bill with another amount or date is still made.
 *
 * BILL documents no `vendorId` filter for payments (its filterable-fields page has
 * `transactionNumber`; Postman "Get list of payments" shows `id`), so the vendor-filtered list
 * (livePaymentsOfVendors) is asked first and, if BILL refuses it (400), the check rests on what
 * BILL does document: when every bill's own `paymentStatus` and amounts show no payment there is
 * nothing to search; otherwise every payment of the organization is read, unfiltered (Postman "Get
 * list of payments"). A BILL that ignores the filter instead of refusing it returns more payments
 * than asked, which the matching by bill handles.
 */
export async function livePaymentsOfBills(
	context: IExecuteFunctions,
	itemIndex: number,
	bills: IDataObject[],
): Promise<IDataObject[]> {
	if (!refusedIn.has(context)) {
		try {
			return await livePaymentsOfVendors(
				context,
				itemIndex,
				bills.map((b) => String(b.vendorId)),
			);
		} catch (error) {
			if (!refusedFilter(error)) throw asNodeError(context.getNode(), error);
			refusedIn.add(context);
			context.logger.warn(
				`BILL refused the vendorId filter on its payment list (${(error as Error).message}); payments made before are found from the bill and the unfiltered list instead`,
			);
		}
	}
	if (bills.every(billShowsNoPayment)) return [];
	const all = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: PAYMENTS_PATH, itemIndex },
		{ returnAll: true },
	);
	return all.filter(isLive);
}

/** For each wanted payment, the live payment of the same bill, amount and process date, if any. */
export async function existingPayments(
	context: IExecuteFunctions,
	itemIndex: number,
	bills: IDataObject[],
	wanted: WantedPayment[],
): Promise<Array<IDataObject | undefined>> {
	const live = await livePaymentsOfBills(context, itemIndex, bills);
	return wanted.map((w) => samePayment(live, w));
}
