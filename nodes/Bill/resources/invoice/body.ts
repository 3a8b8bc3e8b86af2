// What goes to BILL: an invoice's fields (BILL's "Create an invoice",
// https://developer.bill.com/reference/createinvoice), read from the parameters and checked
// before anything is sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { putClassifications } from '../../helpers/classifications';
import { notGiven } from '../../helpers/getMany';
import { ID_PREFIX, checkAmount, checkDate, checkId, invalid } from '../../helpers/validation';

/** BILL's maximum length of an invoice number (createinvoice reference page). */
const MAX_INVOICE_NUMBER = 100;

/** An invoice number: text of at most 100 characters, or undefined when empty. */
export function checkInvoiceNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number')
		throw invalid(context, itemIndex, 'Invoice Number', 'must be text');
	const text = String(value).trim();
	if (text.length > MAX_INVOICE_NUMBER)
		throw invalid(context, itemIndex, 'Invoice Number', 'must be at most 100 characters');
	return text || undefined;
}

/** The optional fields of an invoice (optionalInvoiceFields), as BILL names them, checked. */
export function optionalInvoiceBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	const present = (key: string) => !notGiven(fields[key]);
	if (present('invoiceNumber')) {
		const number = checkInvoiceNumber(context, itemIndex, fields.invoiceNumber);
		if (number) body.invoiceNumber = number;
	}
	if (present('invoiceDate'))
		body.invoiceDate = checkDate(context, itemIndex, 'Invoice Date', fields.invoiceDate);
	if (present('dueDate')) body.dueDate = checkDate(context, itemIndex, 'Due Date', fields.dueDate);
	if (present('payToChartOfAccountId')) {
		body.payToChartOfAccountId = checkId(
			context,
			itemIndex,
			'Pay To Chart of Account',
			fields.payToChartOfAccountId,
			ID_PREFIX.chartOfAccount,
		);
	}
	if (present('salesTaxItemId'))
		body.salesTaxItemId = checkId(
			context,
			itemIndex,
			'Sales Tax Item',
			fields.salesTaxItemId,
			'0ii',
		);
	if (present('creditAmount'))
		body.creditAmount = checkAmount(context, itemIndex, 'Credit Amount', fields.creditAmount, {
			allowZero: true,
		});
	if (typeof fields.enableCardPayment === 'boolean')
		body.enableCardPayment = fields.enableCardPayment;
	putClassifications(
		context,
		itemIndex,
		body,
		fields.classifications,
		'receivable',
		'Classifications',
	);
	return body;
}
