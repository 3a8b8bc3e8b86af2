// What goes to BILL: a classification's body, built from the parameters (or an item's JSON) and
// checked before anything is sent. Field names as BILL's Postman requests have them
// ("Create a chart of accounts": `account{type, number}`; "Create an item": `type`).

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { notGiven } from '../../helpers/getMany';
import { checkAmount, checkId, invalid, parseJson } from '../../helpers/validation';
import { KINDS, nameOf, type Field, type KindInfo } from '../../helpers/classificationKinds';
import { MAIN_FIELDS } from './descriptions';

const LABELS: Partial<Record<Field, string>> = {
	name: 'Name',
	firstName: 'First Name',
	lastName: 'Last Name',
	accountType: 'Account Type',
	accountNumber: 'Account Number',
	itemType: 'Item Type',
	parentId: 'Parent',
	price: 'Price',
	purchaseCost: 'Purchase Cost',
	percentage: 'Percentage',
	chartOfAccountId: 'Income Chart of Account',
	expenseChartOfAccountId: 'Expense Chart of Account',
};

// Blank, or a locator with nothing picked (parent, charts of account).
const empty = notGiven;

function typeCode(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): string {
	const code = String(value).trim().toUpperCase();
	if (!/^[A-Z][A-Z_]*$/.test(code))
		throw invalid(context, itemIndex, label, `"${String(value)}" is not a type BILL knows`);
	return code;
}

/**
 * BILL's body from the node's flat fields (`fields`, of the kind's fields only; others are
 * ignored): `accountType`/`accountNumber` nested as `account`, `itemType` as `type`, IDs checked
 * for their prefix, amounts for being numbers. `creating` requires the main fields.
 */
export function classificationBody(
	context: IExecuteFunctions,
	itemIndex: number,
	info: KindInfo,
	fields: IDataObject,
	creating: boolean,
	where = '',
): IDataObject {
	const label = (field: Field) => `${where}${LABELS[field] ?? field}`;
	const body: IDataObject = {};
	const account: IDataObject = {};
	for (const field of info.fields) {
		const value = fields[field];
		if (empty(value)) {
			if (creating && MAIN_FIELDS.includes(field) && field !== 'lastName')
				throw invalid(context, itemIndex, label(field), 'is required');
			continue;
		}
		switch (field) {
			case 'accountType':
				account.type = typeCode(context, itemIndex, label(field), value);
				break;
			case 'accountNumber':
				account.number = String(value).trim();
				break;
			case 'itemType':
				body.type = typeCode(context, itemIndex, label(field), value);
				break;
			case 'parentId':
				body.parentId = checkId(context, itemIndex, label(field), value, info.prefix);
				break;
			case 'chartOfAccountId':
			case 'expenseChartOfAccountId':
				body[field] = checkId(context, itemIndex, label(field), value, KINDS.chartOfAccount.prefix);
				break;
			case 'price':
			case 'purchaseCost':
			case 'percentage':
				body[field] = checkAmount(context, itemIndex, label(field), value, { allowZero: true });
				break;
			case 'taxable':
				body.taxable = value === true || value === 'true';
				break;
			default: {
				const text = String(value).trim();
				if (!text && creating && field !== 'lastName')
					throw invalid(context, itemIndex, label(field), 'is required');
				if (text) body[field] = text;
			}
		}
	}
	if (Object.keys(account).length) body.account = account;
	return body;
}

/**
 * Classifications in BILL's own format, from a JSON parameter or an item: one object or an array.
 * Each is checked for what the node can know (an object; a name on create; an `id` of the right
 * type on update); the rest is BILL's to judge.
 */
export function bodiesFromJson(
	context: IExecuteFunctions,
	itemIndex: number,
	info: KindInfo,
	parameter: string,
	value: unknown,
	mode: 'create' | 'update',
): IDataObject[] {
	const parsed = parseJson(context, itemIndex, parameter, value);
	const list = Array.isArray(parsed) ? parsed : [parsed];
	if (!list.length) throw invalid(context, itemIndex, parameter, 'holds no classification');
	return list.map((entry, n) => {
		const where = list.length > 1 ? `${parameter} [${n}]` : parameter;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry))
			throw invalid(
				context,
				itemIndex,
				where,
				'must be an object in BILL\'s format, e.g. {"name": "Rent"}',
			);
		const body = { ...(entry as IDataObject) };
		if (mode === 'update')
			body.id = checkId(context, itemIndex, `${where} → id`, body.id, info.prefix);
		else if (!nameOf(info, body).trim())
			throw invalid(
				context,
				itemIndex,
				where,
				info.naming === 'person' ? 'needs "firstName"' : 'needs "name"',
			);
		return body;
	});
}
