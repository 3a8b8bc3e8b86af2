import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../helpers/descriptions';
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
import type { Bill } from '../../types';
import { vendorLocator } from '../vendor/descriptions';

export const billLocator = (description?: string): INodeProperties =>
	idLocator({
		name: 'billId',
		displayName: 'Bill',
		object: 'bill',
		prefix: ID_PREFIX.bill,
		searchListMethod: 'searchBills',
		description,
	});

/** The value of a resource locator met inside a collection (n8n may or may not have extracted it). */
export function locatorValue(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in value)
		return String((value as IDataObject).value ?? '').trim();
	return typeof value === 'string' ? value.trim() : '';
}

// ---------------------------------------------------------------- classifications

/**
 * BILL's classification ids and their prefixes (REFERENCE.md §4.2, §8.8). Job, employee and
 * customer exist on line items only; the bill level has the other five.
 */
const CLASSIFICATIONS = [
	{
		name: 'chartOfAccountId',
		displayName: 'Chart of Account ID',
		prefix: ID_PREFIX.chartOfAccount,
		lineOnly: false,
	},
	{ name: 'accountingClassId', displayName: 'Accounting Class ID', prefix: 'cls', lineOnly: false },
	{ name: 'departmentId', displayName: 'Department ID', prefix: '0de', lineOnly: false },
	{ name: 'locationId', displayName: 'Location ID', prefix: 'loc', lineOnly: false },
	{ name: 'itemId', displayName: 'Item ID', prefix: '0ii', lineOnly: false },
	{ name: 'jobId', displayName: 'Job ID', prefix: 'job', lineOnly: true },
	{ name: 'employeeId', displayName: 'Employee ID', prefix: 'emp', lineOnly: true },
	{ name: 'customerId', displayName: 'Customer ID', prefix: '0cu', lineOnly: true },
];

type Level = 'line' | 'bill';

export function classificationsField(level: Level): INodeProperties {
	return {
		displayName: 'Classifications',
		name: 'classifications',
		type: 'collection',
		placeholder: 'Add Classification',
		default: {},
		description:
			level === 'line'
				? 'Accounting classifications of this line (IDs from BILL or your synced accounting system)'
				: 'Accounting classifications of the whole bill',
		options: CLASSIFICATIONS.filter((c) => level === 'line' || !c.lineOnly)
			.map((c) => ({
				displayName: c.displayName,
				name: c.name,
				type: 'string' as const,
				default: '',
				placeholder: `${c.prefix}02ABCDEFGHIJKLMNO`,
				description: `Starts with ${c.prefix}`,
			}))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** A names a field in errors: the parameter's display name, or the JSON key under a path. */
type Namer = (field: string) => string;

function checkClassifications(
	context: IExecuteFunctions,
	itemIndex: number,
	name: Namer,
	value: unknown,
	level: Level,
	displayNames: boolean,
): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw invalid(
			context,
			itemIndex,
			name('classifications'),
			'must be an object of classification IDs',
		);
	}
	const allowed = CLASSIFICATIONS.filter((c) => level === 'line' || !c.lineOnly);
	const result: IDataObject = {};
	for (const [key, raw] of Object.entries(value as IDataObject)) {
		const spec = allowed.find((c) => c.name === key);
		if (!spec) {
			throw invalid(
				context,
				itemIndex,
				name('classifications'),
				`"${key}" is not a ${level === 'line' ? 'line item' : 'bill-level'} classification`,
				`Use ${allowed.map((c) => c.name).join(', ')}.`,
			);
		}
		if (raw === '' || raw === undefined || raw === null) continue;
		const label = displayNames
			? `${name('classifications')} → ${spec.displayName}`
			: `${name('classifications')}.${key}`;
		result[key] = checkId(context, itemIndex, label, raw, spec.prefix);
	}
	return Object.keys(result).length ? result : undefined;
}

// ---------------------------------------------------------------- line items

/** The "Line Items" fixed collection; `withId` adds the line item ID (Replace). */
export function lineItemsField(withId: boolean): INodeProperties {
	const values: INodeProperties[] = [];
	if (withId) {
		values.push({
			displayName: 'Line Item ID',
			name: 'id',
			type: 'string',
			default: '',
			description:
				'ID of an existing line item to keep (with the values below). Leave empty to add a new line item. Existing line items not listed are removed.',
		});
	}
	values.push(
		{
			displayName: 'Priced By',
			name: 'pricedBy',
			type: 'options',
			options: [
				{ name: 'Amount', value: 'amount', description: 'The line total' },
				{
					name: 'Quantity × Price',
					value: 'quantityPrice',
					description: 'BILL computes the amount as quantity × unit price',
				},
			],
			default: 'amount',
		},
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2, minValue: 0 },
			default: 0,
			description: 'Line total, more than 0',
			displayOptions: { show: { pricedBy: ['amount'] } },
		},
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
			displayOptions: { show: { pricedBy: ['quantityPrice'] } },
		},
		{
			displayName: 'Price',
			name: 'price',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Unit price',
			displayOptions: { show: { pricedBy: ['quantityPrice'] } },
		},
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		classificationsField('line'),
	);
	return {
		displayName: 'Line Items',
		name: 'lineItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line Item',
		default: {},
		description: "The bill's lines; at least one. The bill's total is their sum.",
		displayOptions: { show: { lineItemsInput: ['fields'] } },
		options: [{ displayName: 'Line Item', name: 'lineItem', values }],
	};
}

const LINE_ITEM_KEYS = ['amount', 'quantity', 'price', 'description', 'classifications'];
const LINE_ITEM_DISPLAY: Record<string, string> = {
	id: 'Line Item ID',
	amount: 'Amount',
	quantity: 'Quantity',
	price: 'Price',
	description: 'Description',
	classifications: 'Classifications',
};

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

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
 * One line item as BILL takes it (REFERENCE.md §4.2): `amount`, or `quantity` + `price`
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
	const unknown = Object.keys(line).filter((key) => !allowed.includes(key));
	if (unknown.length) {
		throw invalid(
			context,
			itemIndex,
			where,
			`unknown field "${unknown[0]}"`,
			`A line item has ${allowed.join(', ')}.`,
		);
	}
	const result: IDataObject = {};
	if (allowId && present(line.id)) {
		const id = String(line.id).trim();
		// The line-item id prefix is not documented (REFERENCE.md open question 11): only its shape is checked.
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

/** The "Line Item Changes" of Update: each names a line item by ID and what changes on it. */
export const lineItemChangesField: INodeProperties = {
	displayName: 'Line Item Changes',
	name: 'lineItemChanges',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Line Item Change',
	default: {},
	description:
		'Existing line items to change, by ID (Bill → Get shows them). Other line items stay as they are; to add or remove lines, use Replace.',
	options: [
		{
			displayName: 'Line Item',
			name: 'lineItem',
			// eslint-disable-next-line n8n-nodes-base/node-param-fixed-collection-type-unsorted-items -- reading order: which line, then what changes
			values: [
				{ displayName: 'Line Item ID', name: 'id', type: 'string', default: '', required: true },
				{
					displayName: 'New Price',
					name: 'pricedBy',
					type: 'options',
					options: [
						{ name: 'Keep As Is', value: 'keep' },
						{ name: 'Amount', value: 'amount' },
						{ name: 'Quantity × Price', value: 'quantityPrice' },
					],
					default: 'keep',
				},
				{
					displayName: 'Amount',
					name: 'amount',
					type: 'number',
					typeOptions: { numberPrecision: 2, minValue: 0 },
					default: 0,
					displayOptions: { show: { pricedBy: ['amount'] } },
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 1,
					displayOptions: { show: { pricedBy: ['quantityPrice'] } },
				},
				{
					displayName: 'Price',
					name: 'price',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Unit price',
					displayOptions: { show: { pricedBy: ['quantityPrice'] } },
				},
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'New description; empty keeps it',
				},
				classificationsField('line'),
			],
		},
	],
};

/** Line Item Changes → PATCH line items (REFERENCE.md §4.2: by `id`, ids unchanged). */
export function getLineItemChanges(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const entries = context.getNodeParameter(
		'lineItemChanges.lineItem',
		itemIndex,
		[],
	) as IDataObject[];
	return (Array.isArray(entries) ? entries : []).map((entry, n) => {
		const where = `Line Item Changes, line ${n + 1}`;
		const name: Namer = (field) => `${where} → ${LINE_ITEM_DISPLAY[field] ?? field}`;
		const id = String(entry.id ?? '').trim();
		if (!id) throw invalid(context, itemIndex, name('id'), 'is required');
		if (!/^[0-9A-Za-z]{1,40}$/.test(id))
			throw invalid(context, itemIndex, name('id'), `"${id}" is not a BILL line item ID`);
		const line: IDataObject = { id };
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

// ---------------------------------------------------------------- bill fields

const lineItemsInputField: INodeProperties = {
	displayName: 'Line Items Input',
	name: 'lineItemsInput',
	type: 'options',
	options: [
		{ name: 'Line Items', value: 'fields', description: 'Enter the lines one by one below' },
		{
			name: 'JSON',
			value: 'json',
			description: 'An array of line items built earlier in the workflow',
		},
	],
	default: 'fields',
	description: "How the bill's line items are given",
};

const lineItemsJsonField: INodeProperties = {
	displayName: 'Line Items (JSON)',
	name: 'lineItemsJson',
	type: 'json',
	default: '[]',
	required: true,
	description:
		'An array of line items, each with "amount" (or "quantity" and "price"), optionally "description" and "classifications", e.g. [{"amount": 149, "description": "USB audio interface"}, {"quantity": 2, "price": 79.99}]',
	displayOptions: { show: { lineItemsInput: ['json'] } },
};

/** Optional bill fields, on create (Additional Fields), replace and update (Update Fields). */
export const optionalBillFields: INodeProperties[] = [
	classificationsField('bill'),
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Pay From Chart of Account ID',
		name: 'payFromChartOfAccountId',
		type: 'string',
		default: '',
		placeholder: '0ca02ABCDEFGHIJKLMNO',
		description: 'The chart of account the bill is paid from (starts with 0ca)',
	},
	{
		displayName: 'Purchase Order Number',
		name: 'purchaseOrderNumber',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Vendor Credits',
		name: 'vendorCredits',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Vendor Credit',
		default: {},
		description: 'Credits of this vendor to apply to the bill',
		options: [
			{
				displayName: 'Vendor Credit',
				name: 'credit',
				values: [
					{
						displayName: 'Vendor Credit ID',
						name: 'id',
						type: 'string',
						default: '',
						placeholder: 'vcr02ABCDEFGHIJKLMNO',
						description: 'Starts with vcr',
					},
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						typeOptions: { numberPrecision: 2, minValue: 0 },
						default: 0,
					},
				],
			},
		],
	},
];

/**
 * The parameters of a whole bill (Create, Create Many with "Each Input Item", Replace).
 * `forReplace` adds the line item ID to the line items.
 */
export function billFields(forReplace: boolean): INodeProperties[] {
	return [
		vendorLocator(forReplace ? 'The vendor of the bill' : 'The vendor who sent the bill'),
		{
			displayName: 'Invoice Number',
			name: 'invoiceNumber',
			type: 'string',
			default: '',
			required: true,
			description: "The number on the vendor's invoice",
		},
		{
			displayName: 'Invoice Date',
			name: 'invoiceDate',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				"The date on the vendor's invoice (YYYY-MM-DD; of a date and time only the date is used)",
		},
		{
			displayName: 'Due Date',
			name: 'dueDate',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'When the bill must be paid (YYYY-MM-DD; of a date and time only the date is used)',
		},
		lineItemsInputField,
		lineItemsField(forReplace),
		lineItemsJsonField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: optionalBillFields,
		},
	];
}

const BILL_DISPLAY: Record<string, string> = {
	vendorId: 'Vendor',
	invoiceNumber: 'Invoice Number',
	invoiceDate: 'Invoice Date',
	dueDate: 'Due Date',
	description: 'Description',
	payFromChartOfAccountId: 'Pay From Chart of Account ID',
	purchaseOrderNumber: 'Purchase Order Number',
	vendorCredits: 'Vendor Credits',
	classifications: 'Classifications',
};

/**
 * Checks the optional bill fields (REFERENCE.md §4.2) and copies them into `body`. `fields`
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
	if (present(fields.payFromChartOfAccountId)) {
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
					`${where} → ${displayNames ? 'Vendor Credit ID' : 'id'}`,
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

/** One bill of a JSON parameter, in BILL's create-body shape (REFERENCE.md §4.2), checked. */
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
	const unknown = Object.keys(bill).filter((key) => !BILL_BODY_KEYS.includes(key));
	if (unknown.length) {
		throw invalid(
			context,
			itemIndex,
			where,
			`unknown field "${unknown[0]}"`,
			`A bill has ${BILL_BODY_KEYS.join(', ')}.`,
		);
	}
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

// ---------------------------------------------------------------- output

/** Whether to output the small form of a bill (Get, Get Many). */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return a small object per bill (ID, vendor, invoice number and date, due date, amounts, payment and approval status) instead of the full bill with its line items. Good for AI agents and digests.',
};

/**
 * The small form of a bill. `exchangeRate` and `fundingAmount` (the USD amount) are added for
 * international bills only: BILL has no bill currency field (REFERENCE.md §4.3), so a bill
 * counts as non-USD when it has an exchange rate other than 1.
 */
export function simplifyBill(raw: IDataObject): IDataObject {
	const bill = raw as unknown as Bill;
	const simple: IDataObject = {
		id: bill.id,
		vendorId: bill.vendorId,
		vendorName: bill.vendorName,
		invoiceNumber: bill.invoice?.invoiceNumber,
		invoiceDate: bill.invoice?.invoiceDate,
		dueDate: bill.dueDate,
		amount: bill.amount,
		dueAmount: bill.dueAmount,
		paidAmount: bill.paidAmount,
		paymentStatus: bill.paymentStatus,
		approvalStatus: bill.approvalStatus,
		archived: bill.archived,
	};
	if (typeof bill.exchangeRate === 'number' && bill.exchangeRate > 0 && bill.exchangeRate !== 1) {
		simple.exchangeRate = bill.exchangeRate;
		simple.fundingAmount = bill.fundingAmount;
	}
	return simple;
}

/** Invoice numbers are compared trimmed and ignoring case. */
export function invoiceKey(invoiceNumber: unknown): string {
	return String(invoiceNumber ?? '')
		.trim()
		.toLowerCase();
}

export const skipExistingField: INodeProperties = {
	displayName: 'Skip Existing Invoice Numbers',
	name: 'skipExisting',
	type: 'boolean',
	default: true,
	description:
		'Whether to first look for an active (not archived) bill of the same vendor with the same invoice number (ignoring case and spaces) and, if there is one, output it with "alreadyExisted": true instead of creating a second bill. On by default so that running a workflow again never creates a bill twice; it costs one extra lookup per vendor. Created bills get "alreadyExisted": false.',
};

/** How a user checks whether bills of an uncertain create exist. */
export function createHint(bills: IDataObject[]): string {
	const numbers = bills.map((b) => `"${String((b.invoice as IDataObject).invoiceNumber)}"`);
	const shown =
		numbers.length > 5
			? `${numbers.slice(0, 5).join(', ')} and ${numbers.length - 5} more`
			: numbers.join(', ');
	const vendors = [...new Set(bills.map((b) => String(b.vendorId)))];
	return `Check in BILL whether ${vendors.length === 1 ? `vendor ${vendors[0]}` : 'the vendors'} already ${
		bills.length === 1 ? 'has a bill with invoice number' : 'have bills with invoice numbers'
	} ${shown} (Bill → Get Many, filter by vendor), or run it again with "Skip Existing Invoice Numbers" on, which creates only what is missing.`;
}
