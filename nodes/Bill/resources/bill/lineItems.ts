// What goes to BILL: a bill's line items and classifications (of a line or of the whole bill),
// read from the parameters or from JSON and checked before anything is sent. body.ts uses the
// checks of classifications and of unknown fields for whole bills too.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkAmount, invalid, parseJson } from '../../helpers/validation';
import { checkClassifications, type Namer } from '../../helpers/classifications';
import { checkPosition } from './linePositions';

/**
 * Refuses an object with a key not in `allowed` (BILL would refuse the whole request), naming the
 * first such key and, as the hint, the keys `what` has.
 */
export function checkKnownKeys(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	object: object,
	allowed: string[],
	what: string,
): void {
	const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
	if (unknown.length) {
		throw invalid(
			context,
			itemIndex,
			parameter,
			`unknown field "${unknown[0]}"`,
			`${what} has ${allowed.join(', ')}.`,
		);
	}
}

export { checkClassifications, type Namer } from '../../helpers/classifications';

const LINE_ITEM_KEYS = ['amount', 'quantity', 'price', 'description', 'classifications'];

const LINE_ITEM_DISPLAY: Record<string, string> = {
	id: 'Line Item ID',
	amount: 'Amount',
	quantity: 'Quantity',
	price: 'Price',
	description: 'Description',
	classifications: 'Classifications',
};

export const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/** A positive number kept as given (quantity, unit price: not rounded to cents). */
function checkPositive(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): number {
	checkAmount(context, itemIndex, parameter, value);
	return Number(typeof value === 'string' ? value.trim() : value);
}

/**
 * One line item as BILL takes it (https://developer.bill.com/docs/ap-bills): `amount`, or `quantity` + `price`
 * (BILL computes the amount), an optional description and line classifications, and on
 * Replace an optional `id`. Unknown keys are refused: BILL would refuse the whole bill.
 */
function checkLineItem(
	context: IExecuteFunctions,
	itemIndex: number,
	where: string,
	raw: unknown,
	allowId: boolean,
	displayNames: boolean,
): IDataObject {
	const name: Namer = (field) =>
		`${where} → ${displayNames ? (LINE_ITEM_DISPLAY[field] ?? field) : field}`;
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		throw invalid(
			context,
			itemIndex,
			where,
			'must be an object',
			'For example {"amount": 149, "description": "USB audio interface"}.',
		);
	}
	const line = raw as IDataObject;
	const allowed = allowId ? [...LINE_ITEM_KEYS, 'id'] : LINE_ITEM_KEYS;
	checkKnownKeys(context, itemIndex, where, line, allowed, 'A line item');
	const result: IDataObject = {};
	if (allowId && present(line.id)) {
		const id = String(line.id).trim();
		// The line-item id prefix is not documented (BILL's id page lists none: https://developer.bill.com/docs/bill-generated-ids): only its shape is checked.
		if (!/^[0-9A-Za-z]{1,40}$/.test(id))
			throw invalid(context, itemIndex, name('id'), `"${id}" is not a BILL line item ID`);
		result.id = id;
	}
	if (present(line.quantity) || present(line.price)) {
		if (!present(line.quantity))
			throw invalid(context, itemIndex, name('quantity'), 'is required with a price');
		if (!present(line.price))
			throw invalid(context, itemIndex, name('price'), 'is required with a quantity');
		result.quantity = checkPositive(context, itemIndex, name('quantity'), line.quantity);
		result.price = checkPositive(context, itemIndex, name('price'), line.price);
		if (present(line.amount))
			result.amount = checkAmount(context, itemIndex, name('amount'), line.amount);
	} else if (present(line.amount)) {
		result.amount = checkAmount(context, itemIndex, name('amount'), line.amount);
	} else {
		throw invalid(context, itemIndex, name('amount'), 'is required (or a quantity and a price)');
	}
	if (present(line.description)) {
		if (typeof line.description !== 'string' && typeof line.description !== 'number') {
			throw invalid(context, itemIndex, name('description'), 'must be text');
		}
		result.description = String(line.description);
	}
	const classifications = checkClassifications(
		context,
		itemIndex,
		name,
		line.classifications,
		'line',
		displayNames,
	);
	if (classifications) result.classifications = classifications;
	return result;
}

/** A JSON array of line items (built upstream), checked item by item. */
export function checkLineItemArray(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
	allowId: boolean,
): IDataObject[] {
	const list = parseJson(context, itemIndex, parameter, value);
	if (!Array.isArray(list)) {
		throw invalid(
			context,
			itemIndex,
			parameter,
			'must be a JSON array of line items',
			'For example [{"amount": 149, "description": "USB audio interface"}].',
		);
	}
	if (!list.length)
		throw invalid(context, itemIndex, parameter, 'is empty: a bill needs at least one line item');
	return list.map((line, n) =>
		checkLineItem(context, itemIndex, `${parameter}, line ${n + 1}`, line, allowId, false),
	);
}

/** The line items of one item, from the "Line Items" fixed collection or the JSON parameter. */
export function getLineItems(
	context: IExecuteFunctions,
	itemIndex: number,
	allowId: boolean,
): IDataObject[] {
	const mode = context.getNodeParameter('lineItemsInput', itemIndex, 'fields') as string;
	if (mode === 'json') {
		return checkLineItemArray(
			context,
			itemIndex,
			'Line Items (JSON)',
			context.getNodeParameter('lineItemsJson', itemIndex, '[]'),
			allowId,
		);
	}
	const entries = context.getNodeParameter('lineItems.lineItem', itemIndex, []) as IDataObject[];
	if (!Array.isArray(entries) || !entries.length) {
		throw invalid(context, itemIndex, 'Line Items', 'add at least one line item');
	}
	return entries.map((entry, n) => {
		const line: IDataObject = {};
		if (allowId && present(entry.id)) line.id = entry.id;
		if (entry.pricedBy === 'quantityPrice') {
			line.quantity = entry.quantity;
			line.price = entry.price;
		} else {
			line.amount = entry.amount;
		}
		if (present(entry.description)) line.description = entry.description;
		if (entry.classifications && Object.keys(entry.classifications as IDataObject).length) {
			line.classifications = entry.classifications;
		}
		return checkLineItem(context, itemIndex, `Line Items, line ${n + 1}`, line, allowId, true);
	});
}

/** Line Item Changes → PATCH line items (https://developer.bill.com/docs/ap-bills: by `id`, ids unchanged). */
export function getLineItemChanges(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const entries = context.getNodeParameter(
		'lineItemChanges.lineItem',
		itemIndex,
		[],
	) as IDataObject[];
	return (Array.isArray(entries) ? entries : []).map((entry, n) => {
		const where = `Line Item Changes, line ${n + 1}`;
		const name: Namer = (field) => `${where} → ${LINE_ITEM_DISPLAY[field] ?? field}`;
		let line: IDataObject;
		if (entry.lineBy === 'position') {
			// By position: the ID is found once the bill is read (linePositions.ts).
			line = { position: checkPosition(context, itemIndex, `${where} → Position`, entry.position) };
		} else {
			const id = String(entry.id ?? '').trim();
			if (!id) throw invalid(context, itemIndex, name('id'), 'is required');
			if (!/^[0-9A-Za-z]{1,40}$/.test(id))
				throw invalid(context, itemIndex, name('id'), `"${id}" is not a BILL line item ID`);
			line = { id };
		}
		if (entry.pricedBy === 'amount')
			line.amount = checkAmount(context, itemIndex, name('amount'), entry.amount);
		if (entry.pricedBy === 'quantityPrice') {
			line.quantity = checkPositive(context, itemIndex, name('quantity'), entry.quantity);
			line.price = checkPositive(context, itemIndex, name('price'), entry.price);
		}
		if (present(entry.description)) line.description = String(entry.description);
		const classifications = checkClassifications(
			context,
			itemIndex,
			name,
			entry.classifications,
			'line',
			true,
		);
		if (classifications) line.classifications = classifications;
		if (Object.keys(line).length === 1)
			throw invalid(
				context,
				itemIndex,
				where,
				'says nothing to change: set a new price, description or classification',
			);
		return line;
	});
}
