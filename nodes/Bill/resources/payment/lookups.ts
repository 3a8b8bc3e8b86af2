// Requests made before a payment is sent: is the funding account able to pay, and does the
// payment exist already (so a re-run never pays twice).

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildFilters, oneOrMany } from '../../helpers/filters';
import { invalid } from '../../helpers/validation';
import { billApiRequest, billApiRequestAllItems } from '../../../shared/transport';
import { BANKS_PATH } from '../bankAccount/paths';
import type { Funding } from './body';
import { paidBills } from './output';
import { PAYMENTS_PATH } from './paths';

/**
 * A bank account must be VERIFIED to pay from. Checked before the payment is sent, so the user
 * learns what to do (verify it) rather than only that BILL refused.
 */
export async function checkFundingAccount(
	context: IExecuteFunctions,
	itemIndex: number,
	funding: Funding,
): Promise<void> {
	if (funding.fundingAccount.type !== 'BANK_ACCOUNT') return;
	const id = String(funding.fundingAccount.id);
	const account = await billApiRequest.call(context, {
		method: 'GET',
		path: `${BANKS_PATH}/${id}`,
		itemIndex,
	});
	if (account.archived === true || account.status !== 'VERIFIED') {
		throw invalid(
			context,
			itemIndex,
			'Funding Bank Account',
			`bank account ${id} cannot pay: it is ${account.archived === true ? 'archived' : `not verified (status ${String(account.status)})`}`,
			"Pay from a VERIFIED bank account. A new account is verified with Bank Account → Verify and the amount of BILL's test deposit.",
		);
	}
}

/** Payment statuses after which the money no longer moves (they do not count as "already paid"). */
const ENDED = new Set(['CANCELLED', 'CANCELED', 'VOID', 'VOIDED', 'FAILED']);

export interface WantedPayment {
	billId: string;
	amount: number;
	processDate: string;
}

/**
 * The live payments of some vendors (not cancelled, voided or failed), to find a payment made
 * before: after a create whose outcome was unknown, a re-run must return it, not pay again.
 * BILL documents no filterable fields for payments (Postman "Get list of payments" filters by `id` only; https://developer.bill.com/docs/filterable-fields lists none for payments); `vendorId` is the one
 * v2's payment list documented, so the list is filtered by vendor and matched here.
 */
export async function livePaymentsOfVendors(
	context: IExecuteFunctions,
	itemIndex: number,
	vendorIds: string[],
): Promise<IDataObject[]> {
	const unique = [...new Set(vendorIds)];
	const filters = buildFilters([oneOrMany('vendorId', unique)]);
	const payments = await billApiRequestAllItems.call(
		context,
		{ method: 'GET', path: PAYMENTS_PATH, qs: { filters }, itemIndex },
		{ returnAll: true },
	);
	return payments.filter(
		(p) =>
			!ENDED.has(String(p.status ?? '').toUpperCase()) &&
			!ENDED.has(String(p.singleStatus ?? '').toUpperCase()),
	);
}

/** The payment among `payments` that pays exactly this bill, amount and process date. */
export function samePayment(
	payments: IDataObject[],
	wanted: WantedPayment,
): IDataObject | undefined {
	return payments.find((p) => {
		const parts = paidBills(p);
		return (
			String(p.processDate ?? '').slice(0, 10) === wanted.processDate &&
			parts.length === 1 &&
			parts[0].billId === wanted.billId &&
			Number(parts[0].amount) === wanted.amount
		);
	});
}
