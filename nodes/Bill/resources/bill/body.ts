// What goes to BILL: a bill's create, replace and update bodies, read from the parameters or
// from JSON or input items and checked before anything is sent (line items: lineItems.ts).

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { notGiven } from '../../helpers/getMany';
import {
	ID_PREFIX,
	checkAmount,
	checkDate,
	checkId,
	getDate,
	getId,
	getString,
	invalid,
	parseJson,
} from '../../helpers/validation';
import {
	type Namer,
	checkClassifications,
	checkKnownKeys,
	checkLineItemArray,
	getLineItems,
	present,
} from './lineItems';

const BILL_DISPLAY: Record<string, string> = {
	vendorId: 'Vendor',
	invoiceNumber: 'Invoice Number',
	invoiceDate: 'Invoice Date',
	dueDate: 'Due Date',
	description: 'Description',
	payFromChartOfAccountId: 'Pay From Chart of Account',
	purchaseOrderNumber: 'Purchase Order Number',
	vendorCredits: 'Vendor Credits',
	classifications: 'Classifications',
};

/**
 * Checks the optional bill fields (https://developer.bill.com/docs/ap-bills) and copies them into `body`. `fields`
 * holds them as BILL names them; vendor credits may be BILL's array or the fixed collection.
 */
function applyOptionalFields(
	context: IExecuteFunctions,
	itemIndex: number,
	name: Namer,
	fields: IDataObject,
	body: IDataObject,
	displayNames: boolean,
): void {
	for (const key of ['description', 'purchaseOrderNumber']) {
		const value = fields[key];
		if (!present(value)) continue;
		if (typeof value !== 'string' && typeof value !== 'number')
			throw invalid(context, itemIndex, name(key), 'must be text');
		body[key] = String(value);
	}
	if (!notGiven(fields.payFromChartOfAccountId)) {
		body.payFromChartOfAccountId = checkId(
			context,
			itemIndex,
			name('payFromChartOfAccountId'),
			fields.payFromChartOfAccountId,
			ID_PREFIX.chartOfAccount,
		);
	}
	const classifications = checkClassifications(
		context,
		itemIndex,
		name,
		fields.classifications,
		'bill',
		displayNames,
	);
	if (classifications) body.classifications = classifications;
	let credits = fields.vendorCredits;
	if (credits && typeof credits === 'object' && !Array.isArray(credits))
		credits = (credits as IDataObject).credit ?? [];
	if (credits !== undefined && credits !== null && credits !== '') {
		if (!Array.isArray(credits))
			throw invalid(
				context,
				itemIndex,
				name('vendorCredits'),
				'must be a list of {"id", "amount"}',
			);
		const list = (credits as IDataObject[]).map((credit, n) => {
			const where = `${name('vendorCredits')}, credit ${n + 1}`;
			if (!credit || typeof credit !== 'object')
				throw invalid(context, itemIndex, where, 'must be an object with "id" and "amount"');
			return {
				id: checkId(
					context,
					itemIndex,
					`${where} → ${displayNames ? 'Vendor Credit' : 'id'}`,
					credit.id,
					ID_PREFIX.vendorCredit,
				),
				amount: checkAmount(
					context,
					itemIndex,
					`${where} → ${displayNames ? 'Amount' : 'amount'}`,
					credit.amount,
				),
			};
		});
		if (list.length) body.vendorCredits = list;
	}
}

/** A create (or PUT) body from the node's parameters, every field checked before anything is sent. */
export function billBodyFromParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	forReplace: boolean,
): IDataObject {
	const body: IDataObject = {
		vendorId: getId(context, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor),
		invoice: {
			invoiceNumber: getString(context, itemIndex, 'invoiceNumber', 'Invoice Number'),
			invoiceDate: getDate(context, itemIndex, 'invoiceDate', 'Invoice Date'),
		},
		dueDate: getDate(context, itemIndex, 'dueDate', 'Due Date'),
		billLineItems: getLineItems(context, itemIndex, forReplace),
	};
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	applyOptionalFields(
		context,
		itemIndex,
		(field) => BILL_DISPLAY[field] ?? field,
		additional,
		body,
		true,
	);
	return body;
}

const BILL_BODY_KEYS = [
	'vendorId',
	'invoice',
	'dueDate',
	'billLineItems',
	'description',
	'payFromChartOfAccountId',
	'purchaseOrderNumber',
	'classifications',
	'vendorCredits',
];

/** One bill of a JSON parameter, in BILL's create-body shape (https://developer.bill.com/docs/ap-bills), checked. */
export function checkBillBody(
	context: IExecuteFunctions,
	itemIndex: number,
	where: string,
	raw: unknown,
): IDataObject {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		throw invalid(
			context,
			itemIndex,
			where,
			'must be a bill object',
			'For example {"vendorId": "009…", "invoice": {"invoiceNumber": "202501", "invoiceDate": "2025-12-01"}, "dueDate": "2025-12-31", "billLineItems": [{"amount": 149}]}.',
		);
	}
	const bill = raw as IDataObject;
	const name: Namer = (field) => `${where} → ${field}`;
	checkKnownKeys(context, itemIndex, where, bill, BILL_BODY_KEYS, 'A bill');
	const invoice = bill.invoice as IDataObject | undefined;
	if (!invoice || typeof invoice !== 'object' || Array.isArray(invoice)) {
		throw invalid(
			context,
			itemIndex,
			name('invoice'),
			'is required: {"invoiceNumber": "…", "invoiceDate": "YYYY-MM-DD"}',
		);
	}
	const invoiceNumber = invoice.invoiceNumber;
	if (
		(typeof invoiceNumber !== 'string' && typeof invoiceNumber !== 'number') ||
		!String(invoiceNumber).trim()
	) {
		throw invalid(context, itemIndex, name('invoice.invoiceNumber'), 'is required');
	}
	const body: IDataObject = {
		vendorId: checkId(context, itemIndex, name('vendorId'), bill.vendorId, ID_PREFIX.vendor),
		invoice: {
			invoiceNumber: String(invoiceNumber).trim(),
			invoiceDate: checkDate(context, itemIndex, name('invoice.invoiceDate'), invoice.invoiceDate),
		},
		dueDate: checkDate(context, itemIndex, name('dueDate'), bill.dueDate),
		billLineItems: checkLineItemArray(
			context,
			itemIndex,
			name('billLineItems'),
			bill.billLineItems ?? [],
			false,
		),
	};
	applyOptionalFields(context, itemIndex, name, bill, body, false);
	return body;
}

/** Update Fields → a PATCH body (only what is given). */
export function patchFieldsFromParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	const invoice: IDataObject = {};
	if (present(fields.invoiceNumber)) {
		invoice.invoiceNumber = String(fields.invoiceNumber).trim();
		if (!invoice.invoiceNumber)
			throw invalid(context, itemIndex, 'Invoice Number', 'must not be blank');
	}
	if (present(fields.invoiceDate))
		invoice.invoiceDate = checkDate(context, itemIndex, 'Invoice Date', fields.invoiceDate);
	if (Object.keys(invoice).length) body.invoice = invoice;
	if (present(fields.dueDate))
		body.dueDate = checkDate(context, itemIndex, 'Due Date', fields.dueDate);
	applyOptionalFields(
		context,
		itemIndex,
		(field) => BILL_DISPLAY[field] ?? field,
		fields,
		body,
		true,
	);
	return body;
}

/** "Input Items as They Are": the item's own JSON is the bill (no parameter, no expression). */
export function billFromItem(
	context: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
): IDataObject[] {
	return [checkBillBody(context, itemIndex, 'Input Item', json)];
}

export function billsFromJson(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = parseJson(
		context,
		itemIndex,
		'Bills (JSON)',
		context.getNodeParameter('billsJson', itemIndex, '[]'),
	);
	const list = Array.isArray(raw) ? raw : [raw];
	if (!list.length)
		throw invalid(
			context,
			itemIndex,
			'Bills (JSON)',
			'is empty: give one bill or an array of bills',
		);
	return list.map((bill, n) =>
		checkBillBody(
			context,
			itemIndex,
			Array.isArray(raw) ? `Bills (JSON), bill ${n + 1}` : 'Bills (JSON)',
			bill,
		),
	);
}
