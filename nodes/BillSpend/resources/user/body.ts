import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkDate, checkEmail } from '../../helpers/validation';

const LABELS: Record<string, string> = {
	firstName: 'First Name',
	lastName: 'Last Name',
	email: 'Email',
	role: 'Role',
	dateOfBirth: 'Date of Birth',
	phone: 'Phone',
};

/** The node's user fields as BILL's body (Postman "Create a user"), each checked. */
export function userBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	collection = '',
): IDataObject {
	const label = (key: string) =>
		collection ? `${collection} → ${LABELS[key] ?? key}` : (LABELS[key] ?? key);
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key === 'email')
			body.email = checkEmail(context, itemIndex, label(key), String(value).trim());
		else if (key === 'dateOfBirth')
			body.dateOfBirth = checkDate(context, itemIndex, label(key), value);
		else body[key] = typeof value === 'string' ? value.trim() : value;
	}
	return body;
}
