// What goes to BILL: a vendor's body, built from the parameters and checked before anything is
// sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkEmail, invalid } from '../../helpers/validation';

const ADDITIONAL_INFO = [
	'taxId',
	'taxIdType',
	'track1099',
	'leadTimeInDays',
	'combinePayments',
	'companyName',
];

/**
 * Turns the node's flat vendor fields into BILL's vendor body (https://developer.bill.com/docs/creating-a-us-vendor):
 * address, paymentInformation and additionalInfo nested as BILL has them.
 */
export function vendorBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	const additionalInfo: IDataObject = {};
	const paymentInformation: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key === 'address') {
			const address = Object.fromEntries(
				Object.entries(value as IDataObject).filter(([, v]) => v !== '' && v !== undefined),
			);
			if (Object.keys(address).length) body.address = address;
		} else if (key === 'email') {
			body.email = checkEmail(context, itemIndex, 'Email', String(value).trim());
		} else if (key === 'payeeName') {
			paymentInformation.payeeName = value;
		} else if (key === 'paymentEmail') {
			paymentInformation.email = checkEmail(
				context,
				itemIndex,
				'Payment Email',
				String(value).trim(),
			);
		} else if (key === 'billCurrency') {
			const currency = String(value).trim().toUpperCase();
			if (!/^[A-Z]{3}$/.test(currency)) {
				throw invalid(
					context,
					itemIndex,
					'Bill Currency',
					`"${value}" is not a three-letter currency code`,
					'For example USD, CAD or EUR.',
				);
			}
			body.billCurrency = currency;
		} else if (ADDITIONAL_INFO.includes(key)) {
			additionalInfo[key] = value;
		} else {
			body[key] = value;
		}
	}
	if (Object.keys(paymentInformation).length) body.paymentInformation = paymentInformation;
	if (Object.keys(additionalInfo).length) body.additionalInfo = additionalInfo;
	return body;
}
