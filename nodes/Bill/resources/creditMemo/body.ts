// What goes to BILL: a credit memo's body (BILL's "Create a credit memo"), from the parameters,
// checked before anything is sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { putClassifications } from '../../helpers/classifications';
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
} from '../../helpers/validation';

/** Credit-memo line ids: BILL documents no prefix, so they are checked for shape only. */
function lineItems(context: IExecuteFunctions, itemIndex: number, required: boolean) {
	const lines = context.getNodeParameter('lineItems.item', itemIndex, []) as IDataObject[];
	if (!Array.isArray(lines) || (required && !lines.length))
		throw invalid(context, itemIndex, 'Line Items', 'add at least one line item');
	return lines.map((line, n) => {
		const where = `Line Items, line ${n + 1}`;
		const out: IDataObject = {};
		if (line.id !== undefined && String(line.id).trim() !== '')
			out.id = checkId(context, itemIndex, `${where} → Line Item ID`, line.id);
		const description = String(line.description ?? '').trim();
		if (description) out.description = description;
		if (line.lineType === 'percent') {
			out.ratePercent = checkAmount(
				context,
				itemIndex,
				`${where} → Rate Percent`,
				line.ratePercent ?? 0,
				{
					allowNegative: true,
				},
			);
		} else {
			out.quantity = checkAmount(context, itemIndex, `${where} → Quantity`, line.quantity ?? 1);
			out.price = checkAmount(context, itemIndex, `${where} → Price`, line.price ?? 0, {
				allowZero: true,
			});
		}
		putClassifications(
			context,
			itemIndex,
			out,
			line.classifications,
			'receivableLine',
			`${where} → Classifications`,
		);
		return out;
	});
}

const OPTIONAL_IDS: Record<string, [string, string]> = {
	payToBankAccountId: ['Pay To Bank Account', ID_PREFIX.bankAccount],
	payToChartOfAccountId: ['Pay To Chart of Account', ID_PREFIX.chartOfAccount],
	salesTaxItemId: ['Sales Tax Item', '0ii'],
};

/** The optional fields (and Update's reference number and date), as BILL names them, checked. */
export function optionalCreditMemoBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (notGiven(value)) continue;
		if (key === 'classifications')
			putClassifications(context, itemIndex, body, value, 'receivable', 'Classifications');
		else if (OPTIONAL_IDS[key])
			body[key] = checkId(context, itemIndex, OPTIONAL_IDS[key][0], value, OPTIONAL_IDS[key][1]);
		else if (key === 'creditDate')
			body.creditDate = checkDate(context, itemIndex, 'Credit Date', value);
		else body[key] = String(value).trim();
	}
	return body;
}

/** A whole credit memo (create, replace, each item of Create Many) from the parameters. */
export function creditMemoBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		customerId: getId(context, itemIndex, 'customerId', 'Customer', ID_PREFIX.customer),
		referenceNumber: getString(context, itemIndex, 'referenceNumber', 'Reference Number'),
		creditDate: getDate(context, itemIndex, 'creditDate', 'Credit Date'),
		creditMemoLineItems: lineItems(context, itemIndex, true),
		...optionalCreditMemoBody(
			context,
			itemIndex,
			context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		),
	};
}

/** Update: the fields and lines given (lines by ID), at least one. */
export function creditMemoChanges(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const body = optionalCreditMemoBody(
		context,
		itemIndex,
		context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	const lines = lineItems(context, itemIndex, false);
	if (lines.length) body.creditMemoLineItems = lines;
	if (!Object.keys(body).length)
		throw invalid(
			context,
			itemIndex,
			'Update Fields',
			'add at least one field or line item to change',
		);
	return body;
}
