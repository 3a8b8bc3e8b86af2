// What goes to BILL: a customer's body, built from the parameters and checked before anything is
// sent (BILL's "Create a customer": https://developer.bill.com/reference/createcustomer).

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkEmail, checkId, invalid } from '../../helpers/validation';

/** BILL's maximum lengths (createcustomer reference page). */
const MAX_LENGTH: Record<string, [string, number]> = {
	name: ['Name', 100],
	companyName: ['Company Name', 250],
	description: ['Description', 4000],
	accountNumber: ['Account Number', 100],
};

function addressOf(value: unknown): IDataObject | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const address = Object.fromEntries(
		Object.entries(value as IDataObject).filter(([, v]) => v !== '' && v !== undefined),
	);
	return Object.keys(address).length ? address : undefined;
}

/** A three-letter currency code, upper-cased; anything else refused naming the parameter. */
export function checkCurrency(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string {
	const currency = String(value).trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) {
		throw invalid(
			context,
			itemIndex,
			parameter,
			`"${String(value)}" is not a three-letter currency code`,
			'For example USD, CAD or EUR.',
		);
	}
	return currency;
}

/** The node's flat customer fields as BILL's customer body: contact and addresses nested. */
export function customerBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	const contact: IDataObject = {};
	for (const [key, raw] of Object.entries(fields)) {
		if (raw === '' || raw === undefined || raw === null) continue;
		const value = typeof raw === 'string' ? raw.trim() : raw;
		if (value === '') continue;
		const limit = MAX_LENGTH[key];
		if (limit && String(value).length > limit[1])
			throw invalid(context, itemIndex, limit[0], `must be at most ${limit[1]} characters`);
		if (key === 'billingAddress' || key === 'shippingAddress') {
			const address = addressOf(value);
			if (address) body[key] = address;
		} else if (key === 'email') {
			body.email = checkEmail(context, itemIndex, 'Email', String(value));
		} else if (key === 'invoiceCurrency') {
			body.invoiceCurrency = checkCurrency(context, itemIndex, 'Invoice Currency', value);
		} else if (key === 'paymentTermId') {
			body.paymentTermId = checkId(context, itemIndex, 'Payment Term ID', value, '00p');
		} else if (key === 'contactFirstName') {
			contact.firstName = value;
		} else if (key === 'contactLastName') {
			contact.lastName = value;
		} else {
			body[key] = value;
		}
	}
	if (Object.keys(contact).length) body.contact = contact;
	return body;
}
