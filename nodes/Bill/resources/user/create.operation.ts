import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../helpers/validation';
import { billApiRequest, billApiRequestAllItems } from '../../../shared/transport';
import { roleLocator } from '../role/descriptions';
import { userBody } from './body';

const properties: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'BILL emails the new user there to finish signing up',
	},
	roleLocator('The role of the new user'),
	{
		displayName: 'Accept Terms of Service',
		name: 'acceptTermsOfService',
		type: 'boolean',
		default: false,
		required: true,
		description: "Whether the user accepts BILL's terms of service (BILL requires it)",
	},
	{
		displayName: 'Return Existing User With This Email',
		name: 'returnExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether a user of the organization with this email already is returned (with alreadyExisted: true) instead of created, so a re-run creates nobody twice',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['create'] } },
	properties,
);

/** Postman "Create a user" (201): needs the ADMINISTRATOR role; BILL emails the user. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = userBody(this, itemIndex, {
		firstName: this.getNodeParameter('firstName', itemIndex, ''),
		lastName: this.getNodeParameter('lastName', itemIndex, ''),
		email: this.getNodeParameter('email', itemIndex, ''),
		roleId: this.getNodeParameter('roleId', itemIndex, ''),
	});
	if (this.getNodeParameter('acceptTermsOfService', itemIndex, false) !== true)
		throw invalid(
			this,
			itemIndex,
			'Accept Terms of Service',
			'must be on: BILL creates no user without it',
		);
	body.acceptTermsOfService = true;
	if (this.getNodeParameter('returnExisting', itemIndex, true) as boolean) {
		// BILL documents no email filter for users: the organization's users are read and matched here.
		const users = await billApiRequestAllItems.call(
			this,
			{ method: 'GET', path: '/v3/users', itemIndex },
			{ returnAll: true },
		);
		const email = String(body.email).toLowerCase();
		const existing = users.find((u) => String(u.email ?? '').toLowerCase() === email);
		if (existing) return { ...existing, alreadyExisted: true };
	}
	return await billApiRequest.call(this, {
		method: 'POST',
		path: '/v3/users',
		body,
		itemIndex,
		uncertainHint: `Look for a user with the email ${String(body.email)} (User → Get Many) before running it again, or leave "Return Existing User With This Email" on.`,
	});
}
