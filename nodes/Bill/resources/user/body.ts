// What goes to BILL: a user's fields, read and checked (Postman "Create a user", "Update a user").

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ID_PREFIX, checkId, invalid } from '../../helpers/validation';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function checkEmail(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	value: unknown,
): string {
	const email = typeof value === 'string' ? value.trim() : '';
	if (!EMAIL.test(email))
		throw invalid(
			context,
			itemIndex,
			parameter,
			`"${String(value ?? '')}" is not an email address`,
		);
	return email;
}

/** firstName, lastName, email, roleId from Create's parameters or Update's fields (only those given). */
export function userBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	prefix = '',
): IDataObject {
	const body: IDataObject = {};
	for (const [name, label] of [
		['firstName', 'First Name'],
		['lastName', 'Last Name'],
	]) {
		if (fields[name] === undefined) continue;
		const text = String(fields[name] ?? '').trim();
		if (!text || text.length > 100)
			throw invalid(context, itemIndex, `${prefix}${label}`, 'must be 1 to 100 characters');
		body[name] = text;
	}
	if (fields.email !== undefined)
		body.email = checkEmail(context, itemIndex, `${prefix}Email`, fields.email);
	if (fields.roleId !== undefined) {
		const role = fields.roleId as IDataObject | string;
		const value = typeof role === 'object' && role ? role.value : role;
		body.roleId = checkId(context, itemIndex, `${prefix}Role`, value, ID_PREFIX.role);
	}
	return body;
}
