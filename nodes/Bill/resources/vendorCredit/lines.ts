// The lines of vendor credits and recurring bills (Postman "Create a vendor credit",
// "Create a recurring bill"): an amount, a description and classifications per line, from a
// "Line Items" fixed collection or BILL's JSON, checked before anything is sent.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkAmount, invalid } from '../../helpers/validation';
import { type Namer, checkClassifications, checkKnownKeys, present } from '../bill/lineItems';

const LINE_KEYS = ['amount', 'description', 'classifications'];

/**
 * One line as BILL takes it on a vendor credit or a recurring bill: an amount, a description,
 * line classifications; `keep` (Replace) allows the ID of a line to keep, `change` (Update) needs
 * it and makes the amount optional.
 */
export function amountLine(
	context: IExecuteFunctions,
	itemIndex: number,
	where: string,
	raw: unknown,
	mode: 'new' | 'keep' | 'change',
): IDataObject {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		throw invalid(
			context,
			itemIndex,
			where,
			'must be an object',
			'For example {"amount": 25, "description": "Returned stands"}.',
		);
	const line = raw as IDataObject;
	checkKnownKeys(
		context,
		itemIndex,
		where,
		line,
		mode === 'new' ? LINE_KEYS : [...LINE_KEYS, 'id'],
		'A line',
	);
	const name: Namer = (field) => `${where} → ${field}`;
	const result: IDataObject = {};
	if (present(line.id)) {
		const id = String(line.id).trim();
		if (!/^[0-9A-Za-z]{1,40}$/.test(id))
			throw invalid(context, itemIndex, name('id'), `"${id}" is not a BILL line item ID`);
		result.id = id;
	} else if (mode === 'change') throw invalid(context, itemIndex, name('id'), 'is required');
	if (present(line.amount))
		result.amount = checkAmount(context, itemIndex, name('amount'), line.amount);
	else if (mode !== 'change') throw invalid(context, itemIndex, name('amount'), 'is required');
	if (present(line.description)) result.description = String(line.description);
	const classifications = checkClassifications(
		context,
		itemIndex,
		name,
		line.classifications,
		'line',
		false,
	);
	if (classifications) result.classifications = classifications;
	return result;
}

/** The lines of a fixed collection ("Line Items"), each checked. */
export function linesFromParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	mode: 'new' | 'keep' | 'change',
): IDataObject[] {
	const value = context.getNodeParameter(name, itemIndex, {}) as { lineItem?: IDataObject[] };
	return (value.lineItem ?? []).map((raw, n) => {
		const line: IDataObject = { ...raw };
		if (line.id === '') delete line.id;
		if (line.description === '') delete line.description;
		if (mode === 'change' && line.amount === 0) delete line.amount;
		if (line.classifications && !Object.keys(line.classifications as IDataObject).length)
			delete line.classifications;
		return amountLine(context, itemIndex, `${label}, line ${n + 1}`, line, mode);
	});
}

/** An Update's body: `body` (its fields) and the "Line Item Changes" under `key`; not empty. */
export function withLineChanges(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	key: string,
): IDataObject {
	const lines = linesFromParameters(
		context,
		itemIndex,
		'lineItemChanges',
		'Line Item Changes',
		'change',
	);
	if (lines.length) body[key] = lines;
	if (!Object.keys(body).length)
		throw invalid(
			context,
			itemIndex,
			'Update Fields',
			'add at least one field or line item change',
		);
	return body;
}

/** The "Line Items" of a whole credit or recurring bill: at least one; on Replace, with IDs to keep. */
export function wholeLines(
	context: IExecuteFunctions,
	itemIndex: number,
	replacing: boolean,
): IDataObject[] {
	const lines = linesFromParameters(
		context,
		itemIndex,
		'lineItems',
		'Line Items',
		replacing ? 'keep' : 'new',
	);
	if (!lines.length) throw invalid(context, itemIndex, 'Line Items', 'add at least one line');
	return lines;
}
