// What goes to BILL: a vendor credit's body (Postman "Create a vendor credit": vendorId,
// referenceNumber, creditDate, vendorCreditLineItems[{description, amount, classifications}],
// description, applyToChartOfAccountId, applyToBankAccountId), from the parameters or BILL's JSON,
// checked before anything is sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isByName } from '../../../shared/byName';
import { locatorValue } from '../../helpers/getMany';
import {
	ID_PREFIX,
	checkDate,
	checkId,
	getDate,
	getId,
	getString,
	invalid,
	parseJson,
} from '../../helpers/validation';
import { checkKnownKeys, present } from '../bill/lineItems';
import { amountLine as creditLine, wholeLines, withLineChanges } from './lines';

const CREDIT_KEYS = [
	'vendorId',
	'referenceNumber',
	'creditDate',
	'vendorCreditLineItems',
	'description',
	'applyToChartOfAccountId',
	'applyToBankAccountId',
];

/** The optional fields (description, where it applies), the locators read as IDs. */
export function optionalFields(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	label: string,
): IDataObject {
	const body: IDataObject = {};
	if (present(fields.description)) body.description = String(fields.description);
	const ids: Array<[string, string, string]> = [
		['applyToChartOfAccountId', 'Apply to Chart of Account', ID_PREFIX.chartOfAccount],
		['applyToBankAccountId', 'Apply to Bank Account', ID_PREFIX.bankAccount],
	];
	for (const [key, display, prefix] of ids) {
		const id = locatorValue(fields[key]);
		const given = isByName(fields[key]) ? fields[key] : id;
		if (id) body[key] = checkId(context, itemIndex, `${label} → ${display}`, given, prefix);
	}
	for (const key of ['referenceNumber', 'creditDate'])
		if (present(fields[key])) body[key] = fields[key];
	return body;
}

/** A whole credit (Create, Create Many, Replace) from the parameters. */
export function creditBody(
	context: IExecuteFunctions,
	itemIndex: number,
	replacing: boolean,
): IDataObject {
	const lines = wholeLines(context, itemIndex, replacing);
	return {
		vendorId: getId(context, itemIndex, 'vendorId', 'Vendor', ID_PREFIX.vendor),
		referenceNumber: getString(context, itemIndex, 'referenceNumber', 'Reference Number'),
		creditDate: getDate(context, itemIndex, 'creditDate', 'Credit Date'),
		vendorCreditLineItems: lines,
		...optionalFields(
			context,
			itemIndex,
			context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
			'Additional Fields',
		),
	};
}

/**
 * Vendor credits in BILL's format from a JSON parameter: one or an array. A new or replacing
 * credit needs its vendor, reference number, date and lines; a replace or update its `id`.
 */
export function creditsFromJson(
	context: IExecuteFunctions,
	itemIndex: number,
	mode: 'create' | 'replace' | 'update',
): IDataObject[] {
	const parameter = 'Vendor Credits (JSON)';
	const parsed = parseJson(
		context,
		itemIndex,
		parameter,
		context.getNodeParameter('vendorCreditsJson', itemIndex),
	);
	const list = Array.isArray(parsed) ? parsed : [parsed];
	if (!list.length) throw invalid(context, itemIndex, parameter, 'holds no vendor credit');
	return list.map((raw, n) => {
		const where = list.length > 1 ? `${parameter} [${n}]` : parameter;
		if (!raw || typeof raw !== 'object' || Array.isArray(raw))
			throw invalid(context, itemIndex, where, "must be an object in BILL's format");
		const entry = raw as IDataObject;
		checkKnownKeys(
			context,
			itemIndex,
			where,
			entry,
			mode === 'create' ? CREDIT_KEYS : [...CREDIT_KEYS, 'id'],
			'A vendor credit',
		);
		const body: IDataObject = { ...entry };
		if (mode !== 'create')
			body.id = checkId(context, itemIndex, `${where} → id`, entry.id, ID_PREFIX.vendorCredit);
		const whole = mode !== 'update';
		if (whole || present(entry.vendorId))
			body.vendorId = checkId(
				context,
				itemIndex,
				`${where} → vendorId`,
				entry.vendorId,
				ID_PREFIX.vendor,
			);
		if (whole || present(entry.referenceNumber)) {
			if (!present(entry.referenceNumber) || !String(entry.referenceNumber).trim())
				throw invalid(context, itemIndex, `${where} → referenceNumber`, 'is required');
			body.referenceNumber = String(entry.referenceNumber).trim();
		}
		if (whole || present(entry.creditDate))
			body.creditDate = checkDate(context, itemIndex, `${where} → creditDate`, entry.creditDate);
		const lines = entry.vendorCreditLineItems;
		if (whole || lines !== undefined) {
			if (!Array.isArray(lines) || !lines.length)
				throw invalid(
					context,
					itemIndex,
					`${where} → vendorCreditLineItems`,
					'must be a non-empty array of lines',
				);
			body.vendorCreditLineItems = lines.map((line, i) =>
				creditLine(
					context,
					itemIndex,
					`${where} → vendorCreditLineItems[${i}]`,
					line,
					mode === 'create' ? 'new' : mode === 'replace' ? 'keep' : 'change',
				),
			);
		}
		return body;
	});
}

/** What an Update changes: the fields set and the lines named. */
export function updateBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = optionalFields(context, itemIndex, fields, 'Update Fields');
	if (present(body.referenceNumber)) {
		body.referenceNumber = String(body.referenceNumber).trim();
		if (!body.referenceNumber)
			throw invalid(context, itemIndex, 'Update Fields → Reference Number', 'must not be empty');
	}
	if (present(body.creditDate))
		body.creditDate = checkDate(context, itemIndex, 'Update Fields → Credit Date', body.creditDate);
	return withLineChanges(context, itemIndex, body, 'vendorCreditLineItems');
}
