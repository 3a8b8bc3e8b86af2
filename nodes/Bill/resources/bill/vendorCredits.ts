// Vendor credits sent with a bill's update or replace: only those the bill does not have yet.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest } from '../../../shared/transport';
import type { VendorCredit } from '../../types';

const cents = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

/**
 * BILL's bill update and replace take `vendorCredits: [{id, amount}]`
 * (https://developer.bill.com/changelog/2025-05-22-bills-api-improvements-for-vendor-credits), and
 * BILL does not say whether listing a credit the bill already has sets how much of it is applied
 * or applies it once more. So the node reads each credit's `usage` (Postman "Get vendor credit
 * details") before sending: a credit applied to this bill for the same amount is left out (a
 * re-run applies nothing twice under either reading), one applied for another amount is refused
 * (what BILL would make of it is unknown), and one not applied yet is sent. Answers the credits
 * to send; `body.vendorCredits` is changed to match (removed when none is left).
 */
export async function vendorCreditsToSend(
	context: IExecuteFunctions,
	itemIndex: number,
	billId: string,
	body: IDataObject,
): Promise<IDataObject[]> {
	const credits = (body.vendorCredits as IDataObject[] | undefined) ?? [];
	const send: IDataObject[] = [];
	for (const credit of credits) {
		const found = (await billApiRequest.call(context, {
			method: 'GET',
			path: `/v3/vendor-credits/${String(credit.id)}`,
			itemIndex,
		})) as unknown as VendorCredit;
		const has = cents(
			(found.usage ?? [])
				.filter((use) => use.billId === billId && !use.paymentId)
				.reduce((sum, use) => sum + Number(use.amount ?? 0), 0),
		);
		if (has === Number(credit.amount)) continue;
		if (has > 0)
			throw invalid(
				context,
				itemIndex,
				'Vendor Credits',
				`vendor credit ${String(credit.id)} is already applied to this bill for ${has}, not ${String(credit.amount)}; nothing was sent`,
				`BILL does not document whether sending it again changes that amount or applies the credit once more. Give ${has} to keep it as it is, or change it in BILL.`,
			);
		send.push(credit);
	}
	if (send.length) body.vendorCredits = send;
	else delete body.vendorCredits;
	return send;
}

/**
 * How an update or replace that applies `credits` is sent: not repeated by the transport (under
 * the "applies once more" reading a repeat would apply them twice), with how to check; a re-run
 * reads the credits first and is safe. Without credits it is repeatable as before.
 */
export const sendingCredits = (
	billId: string,
	credits: IDataObject[],
): { repeatable: boolean; uncertainHint?: string } =>
	credits.length
		? {
				repeatable: false,
				uncertainHint: `Vendor Credit → Get shows whether the credits were applied ("usage" lists bill ${billId}); running it again applies only those that were not.`,
			}
		: { repeatable: true };
