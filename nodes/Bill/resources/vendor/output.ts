// What comes back: the small form of a vendor (Create and Update with "Simplify" on).

import type { IDataObject } from 'n8n-workflow';

import { simplifyOutputField } from '../../helpers/simplify';
import type { Vendor } from '../../types';

export const simplifyVendorField = simplifyOutputField(
	'ID, name, short name, account type, email, phone, city, country, bill currency, balance, archived, and for an international vendor its transfer method',
);

/** A vendor as one flat object (fields of BILL's vendor, Postman "Get vendor details"). */
export function simplifyVendor(raw: IDataObject): IDataObject {
	const vendor = raw as unknown as Vendor;
	return {
		id: vendor.id,
		name: vendor.name,
		shortName: vendor.shortName,
		accountType: vendor.accountType,
		email: vendor.email,
		phone: vendor.phone,
		city: vendor.address?.city,
		country: vendor.address?.country,
		billCurrency: vendor.billCurrency,
		balance: vendor.balance?.amount,
		archived: vendor.archived,
		// https://developer.bill.com/changelog/2026-02-18-vendors-api-improvements: LOCAL or WIRE, only on
		// vendors paid by several methods (payBySubType MULTIPLE); absent, it is left out.
		...(vendor.transferMethod ? { transferMethod: vendor.transferMethod } : {}),
	};
}
