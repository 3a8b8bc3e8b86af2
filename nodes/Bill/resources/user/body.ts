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

/** Create's body: names, email, role (when picked) and BILL's required acceptance, checked. */
export function newUserBody(
	context: IExecuteFunctions,
	itemIndex: number,
	lastNameRequired: boolean,
): IDataObject {
	const lastName = context.getNodeParameter('lastName', itemIndex, '');
	const role = context.getNodeParameter('roleId', itemIndex, '', { extractValue: true });
	const body = userBody(context, itemIndex, {
		firstName: context.getNodeParameter('firstName', itemIndex, ''),
		email: context.getNodeParameter('email', itemIndex, ''),
		...(lastNameRequired || String(lastName ?? '').trim() ? { lastName } : {}),
		...(role ? { roleId: role } : {}),
	});
	if (context.getNodeParameter('acceptTermsOfService', itemIndex, false) !== true)
		throw invalid(
			context,
			itemIndex,
			'Accept Terms of Service',
			'must be on: BILL creates no user without it',
		);
	body.acceptTermsOfService = true;
	return body;
}

/** The user with this email among those listed (BILL documents no email filter), if any. */
export const sameEmail = (users: IDataObject[], email: unknown) =>
	users.find((u) => String(u.email ?? '').toLowerCase() === String(email).toLowerCase());

/** Update's body: only the fields given, at least one. */
export function userUpdateBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = userBody(context, itemIndex, fields, 'Update Fields → ');
	if (!Object.keys(body).length)
		throw invalid(context, itemIndex, 'Update Fields', 'add at least one field to change');
	return body;
}
