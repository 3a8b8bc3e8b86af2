// A vendor's bank account (Postman "Get vendor bank account details", "Create a vendor bank
// account" (200), "Delete a vendor bank account" (204)): one per vendor, no update. BILL answers
// with the full account number; the node never outputs it: only its last four digits.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError, billApiRequest } from '../../../shared/transport';

export const bankAccountPath = (vendorId: string) => `/v3/vendors/${vendorId}/bank-account`;

/** The account as output: the account number as its last four digits (`accountNumberLast4`). */
export function maskedAccount(vendorId: string, account: IDataObject): IDataObject {
	const { accountNumber, ...rest } = account;
	const digits = String(accountNumber ?? '').replace(/\s/g, '');
	return {
		vendorId,
		...rest,
		...(digits ? { accountNumberLast4: digits.slice(-4) } : {}),
	};
}

/**
 * The vendor's bank account, or undefined when it has none. BILL's collection documents no
 * answer for a vendor without one; a 404 (BDC_1121, as for other missing objects) or an empty
 * answer both read as none.
 */
export async function currentAccount(
	context: IExecuteFunctions,
	itemIndex: number,
	vendorId: string,
): Promise<IDataObject | undefined> {
	try {
		const account = await billApiRequest.call(context, {
			method: 'GET',
			path: bankAccountPath(vendorId),
			itemIndex,
		});
		return account && Object.keys(account).length && account.accountNumber ? account : undefined;
	} catch (error) {
		if ((error as { httpCode?: string }).httpCode === '404') return undefined;
		throw asNodeError(context.getNode(), error);
	}
}
